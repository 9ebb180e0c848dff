use linklens_explain::render::{entries, labels, Block, Section, SectionId};
use linklens_explain::Report;
use yew::prelude::*;

use super::recipe_tabs::RecipeTabs;
use crate::protocol::Rendered;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The renderer's sections of the report: the fix, alternatives and verify.
    pub sections: Received<Vec<Section>>,
    /// The report the recipe tabs are drawn from.
    pub report: Received<Report>,
    /// Each fix's recipes, among what the worker rendered.
    pub rendered: Received<Rendered>,
    /// The result this panel belongs to: ids in the page stay unique.
    pub result_id: u32,
}

/// The punch line: the recommended command with a copy button (and the same
/// change as a Dockerfile, GoReleaser, Actions or Makefile recipe), then the
/// alternatives with their trade-offs and recipes, then how to verify — the
/// renderer's sections, laid out.
#[function_component(FixPanel)]
pub fn fix_panel(props: &Props) -> Html {
    let section = |id: SectionId| props.sections.iter().find(|s| s.id == id);
    let Some(fix) = section(SectionId::Fix) else { return html! {} };
    let Some((Block::Entry { title, .. }, about)) = entries(&fix.blocks).into_iter().next() else {
        return html! {};
    };
    let alternatives = section(SectionId::Alternatives)
        .map(|s| entries(&s.blocks))
        .unwrap_or_default();
    let verify: Vec<&str> = section(SectionId::Verify)
        .into_iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Command(c) => Some(c.as_str()),
            _ => None,
        })
        .collect();
    let title_id = format!("fix-title-{}", props.result_id);
    let tabs = |index: usize| html! {
        <RecipeTabs report={props.report.clone()} rendered={props.rendered.clone()} index={index} id={format!("fix-{}-{index}", props.result_id)} recommended={index == 0} />
    };
    html! {
        <section class="fixes" aria-labelledby={title_id.clone()}>
            <h4 id={title_id}>{labels::REBUILD_STATIC}{": "}{title}</h4>
            { tabs(0) }
            { notes(about) }
            if about.iter().any(|b| matches!(b, Block::Caveat(_))) {
                <details class="caveats" open=true>
                    <summary>{labels::TRADEOFFS}</summary>
                    <ul>{ caveats(about) }</ul>
                </details>
            }
            <details class="verify">
                <summary>{labels::HOW_TO_VERIFY}</summary>
                <ul>{ for verify.iter().map(|v| html! { <li><code>{*v}</code></li> }) }</ul>
            </details>
            if !alternatives.is_empty() {
                <h5>{labels::ALTERNATIVES}</h5>
                { for alternatives.iter().enumerate().map(|(i, (entry, about))| {
                    let Block::Entry { id, title, .. } = entry else { return html! {} };
                    html! {
                        <details class="alternative" data-testid="alternative" data-fix-id={id.as_str()}>
                            <summary>{title}</summary>
                            { tabs(i + 1) }
                            { notes(about) }
                            <ul>{ caveats(about) }</ul>
                        </details>
                    }
                }) }
            }
        </section>
    }
}

/// How the command was derived, when it says.
fn notes(about: &[Block]) -> Html {
    let items: Vec<Html> = about
        .iter()
        .filter_map(|b| match b {
            Block::Note { id, text } => Some(html! { <li data-note-id={id.as_str()}>{text}</li> }),
            _ => None,
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! { <ul class="notes">{ for items }</ul> }
}

fn caveats(about: &[Block]) -> Html {
    about
        .iter()
        .filter_map(|b| match b {
            Block::Caveat(c) => Some(html! { <li>{c}</li> }),
            _ => None,
        })
        .collect()
}
