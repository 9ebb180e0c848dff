use linklens::Linkage;
use linklens_explain::Report;
use yew::prelude::*;

use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Received<Report>,
}

#[function_component(Verdict)]
pub fn verdict(props: &Props) -> Html {
    let r = &props.report;
    let word = r.facts.linkage.as_str();
    let class = match r.facts.linkage {
        Linkage::Static => "verdict static",
        Linkage::StaticPie => "verdict static-pie",
        Linkage::Dynamic => "verdict dynamic",
    };
    let icon = if r.facts.linkage.is_static() { "✓" } else { "✗" };
    html! {
        <div class="verdict-block">
            <p class={class}>
                <span aria-hidden="true" class="verdict-icon">{icon}</span>
                <span data-testid="verdict">{word}</span>
            </p>
            <p class="summary" data-testid="summary"><code>{&r.explanation.summary}</code></p>
            <p class="headline" data-testid="headline">{&r.explanation.headline}</p>
        </div>
    }
}
