use linklens_explain::render::labels;
use linklens_explain::Report;
use yew::prelude::*;

use super::recipe_tabs::RecipeTabs;
use crate::protocol::Rendered;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Received<Report>,
    /// Each fix's recipes, among what the worker rendered.
    pub rendered: Received<Rendered>,
    /// The result this panel belongs to: ids in the page stay unique.
    pub result_id: u32,
}

/// The punch line: the recommended command with a copy button (and the same
/// change as a Dockerfile, GoReleaser, Actions or Makefile recipe), then the
/// alternatives with their trade-offs and recipes, then how to verify.
#[function_component(FixPanel)]
pub fn fix_panel(props: &Props) -> Html {
    let Some((first, rest)) = props.report.explanation.fixes.split_first() else {
        return html! {};
    };
    let title_id = format!("fix-title-{}", props.result_id);
    html! {
        <section class="fixes" aria-labelledby={title_id.clone()}>
            <h4 id={title_id}>{labels::REBUILD_STATIC}{": "}{&first.title}</h4>
            <RecipeTabs report={props.report.clone()} rendered={props.rendered.clone()} index={0} id={format!("fix-{}-0", props.result_id)} recommended=true />
            if !first.notes.is_empty() {
                <ul class="notes">{ for first.notes.iter().map(|n| html! { <li data-note-id={n.id.as_str()}>{&n.text}</li> }) }</ul>
            }
            if !first.caveats.is_empty() {
                <details class="caveats" open=true>
                    <summary>{labels::TRADEOFFS}</summary>
                    <ul>{ for first.caveats.iter().map(|c| html! { <li>{c}</li> }) }</ul>
                </details>
            }
            <details class="verify">
                <summary>{labels::HOW_TO_VERIFY}</summary>
                <ul>{ for first.verify.iter().map(|v| html! { <li><code>{v}</code></li> }) }</ul>
            </details>
            if !rest.is_empty() {
                <h5>{labels::ALTERNATIVES}</h5>
                { for rest.iter().enumerate().map(|(i, f)| html! {
                    <details class="alternative" data-testid="alternative" data-fix-id={f.id.as_str()}>
                        <summary>{&f.title}</summary>
                        <RecipeTabs report={props.report.clone()} rendered={props.rendered.clone()} index={i + 1} id={format!("fix-{}-{}", props.result_id, i + 1)} />
                        if !f.notes.is_empty() {
                            <ul class="notes">{ for f.notes.iter().map(|n| html! { <li data-note-id={n.id.as_str()}>{&n.text}</li> }) }</ul>
                        }
                        <ul>{ for f.caveats.iter().map(|c| html! { <li>{c}</li> }) }</ul>
                    </details>
                }) }
            }
        </section>
    }
}
