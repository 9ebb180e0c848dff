use linklens::{Linkage, Report};
use yew::prelude::*;

use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Received<Report>,
}

#[function_component(Verdict)]
pub fn verdict(props: &Props) -> Html {
    let r = &props.report;
    let word = r.linkage.as_str();
    let class = match r.linkage {
        Linkage::Static => "verdict static",
        Linkage::StaticPie => "verdict static-pie",
        Linkage::Dynamic => "verdict dynamic",
    };
    let icon = if r.linkage.is_static() { "✓" } else { "✗" };
    html! {
        <div class="verdict-block">
            <p class={class}>
                <span aria-hidden="true" class="verdict-icon">{icon}</span>
                <span data-testid="verdict">{word}</span>
            </p>
            <p class="summary" data-testid="summary"><code>{&r.summary}</code></p>
            <p class="headline" data-testid="headline">{&r.headline}</p>
        </div>
    }
}
