use linklens_explain::render::{entries, labels, Block, Section, SectionId};
use yew::prelude::*;

use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The renderer's sections of the report.
    pub sections: Received<Vec<Section>>,
}

/// Each warning's message, its page and its evidence, as the renderer lists them.
#[function_component(Warnings)]
pub fn warnings(props: &Props) -> Html {
    let Some(section) = props.sections.iter().find(|s| s.id == SectionId::Warnings) else {
        return html! {};
    };
    html! {
        <section class="warnings" aria-label={labels::WARNINGS}>
            { for entries(&section.blocks).into_iter().map(|(entry, about)| {
                let Block::Entry { id, title, .. } = entry else { return html! {} };
                let has_evidence = about.iter().any(|b| matches!(b, Block::Evidence { .. }));
                html! {
                    <div class="warning" data-testid="warning" data-warning-id={id.as_str()}>
                        <p><strong>{labels::WARNING_PREFIX}{": "}</strong>{title}
                            {" "}<a href={crate::route::Route::Cause(id.as_str().into()).href()} data-testid="warning-page-link">{labels::MORE_ABOUT_THIS}</a>
                        </p>
                        if has_evidence {
                            <ul class="evidence">{ super::cause_card::evidence(about) }</ul>
                        }
                    </div>
                }
            }) }
        </section>
    }
}
