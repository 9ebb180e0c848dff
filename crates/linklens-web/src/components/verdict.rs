use linklens::Linkage;
use linklens_explain::render::{Block, Section};
use yew::prelude::*;

use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The renderer's sections of the report: the summary's [`Block::Verdict`].
    pub sections: Received<Vec<Section>>,
}

/// The verdict, the `file`-style line and the headline, as the CLI opens a report.
#[function_component(Verdict)]
pub fn verdict(props: &Props) -> Html {
    let Some((linkage, summary, headline)) = props.sections.iter().flat_map(|s| &s.blocks).find_map(|b| match b {
        Block::Verdict { linkage, summary, headline } => Some((*linkage, summary, headline)),
        _ => None,
    }) else {
        return html! {};
    };
    let class = match linkage {
        Linkage::Static => "verdict static",
        Linkage::StaticPie => "verdict static-pie",
        Linkage::Dynamic => "verdict dynamic",
    };
    let icon = if linkage.is_static() { "✓" } else { "✗" };
    html! {
        <div class="verdict-block">
            <p class={class}>
                <span aria-hidden="true" class="verdict-icon">{icon}</span>
                <span data-testid="verdict">{linkage.as_str()}</span>
            </p>
            <p class="summary" data-testid="summary"><code>{summary}</code></p>
            <p class="headline" data-testid="headline">{headline}</p>
        </div>
    }
}
