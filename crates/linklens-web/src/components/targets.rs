//! "Where it runs": the floors the loader checks, then the targets grouped
//! by what they would say (verdict, reason, error, remedy, fix), each said
//! once: a list, so it reads on a phone as on a desktop. The floors and the
//! groups come from the core's renderer.

use linklens_explain::render::{labels, target_groups, Block, Section, SectionId, TargetGroup};
use linklens_explain::Report;
use yew::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::docs::RichText;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Received<Report>,
    /// The renderer's sections of the report: "where it runs".
    pub sections: Received<Vec<Section>>,
}

#[function_component(Targets)]
pub fn targets(props: &Props) -> Html {
    let r = &props.report;
    let Some(section) = props.sections.iter().find(|s| s.id == SectionId::Portability) else {
        return html! {};
    };
    let mut facts = Vec::new();
    for block in &section.blocks {
        match block {
            Block::Field { label, value } => facts.push(html! { <li data-testid="floor"><span class="ev-kind">{label}</span>{" "}<code>{value}</code></li> }),
            Block::Sentence(s) => facts.push(html! { <li data-testid="portability-note">{s}</li> }),
            Block::Folded { summary, text } => facts.push(html! {
                <li data-testid="portability-note"><details><summary>{summary}</summary><p>{text}</p></details></li>
            }),
            _ => {}
        }
    }
    let groups = target_groups(&r.explanation.targets);
    html! {
        <section class="targets" aria-label={labels::WHERE_IT_RUNS} data-testid="where-it-runs">
            <h3>{labels::WHERE_IT_RUNS}</h3>
            if !facts.is_empty() {
                <ul class="floors">{ for facts }</ul>
            }
            if !groups.is_empty() {
                <ul class="target-groups">{ for groups.iter().map(|g| group(r, g)) }</ul>
            }
        </section>
    }
}

/// A target of a group, with its own reason when the group has none.
fn member(t: &linklens_explain::TargetResult, reason: Option<&str>) -> Html {
    html! {
        <li data-testid="target" data-target-id={t.id.as_str()} data-verdict={t.verdict.as_str()} data-reason-id={t.reason_id.as_str()}>
            if let Some(reason) = reason {
                <span class="member-name">{&t.name}</span>{": "}<RichText text={reason.to_string()} />
            } else {
                {&t.name}
            }
        </li>
    }
}

/// One group: the verdict and the targets it applies to, then the reason,
/// the error in a block to copy, the remedies and the fix, each once.
fn group(r: &Report, g: &TargetGroup) -> Html {
    let fix = g
        .fix
        .and_then(|id| r.explanation.fixes.iter().find(|f| f.id == id));
    let verdict = g.verdict.as_str();
    html! {
        <li class={classes!("target-group", verdict)} data-testid="target-group" data-verdict={verdict} data-reason-id={g.reason_id.as_str()}>
            <div class="group-head">
                <span class="mark"><span aria-hidden="true">{labels::verdict_mark(g.verdict)}</span>{" "}{labels::verdict_word(g.verdict)}</span>
                if g.reason.is_some() {
                    <ul class="group-targets">{ for g.members.iter().map(|t| member(t, None)) }</ul>
                }
            </div>
            if let Some(reason) = g.reason {
                <p class="group-reason"><RichText text={reason.to_string()} /></p>
            } else {
                // Each its own reason: the names are said once, with it.
                <ul class="member-reasons">{ for g.members.iter().map(|t| member(t, Some(&t.reason))) }</ul>
            }
            if let Some(e) = g.error {
                <div class="seen">
                    <span class="seen-label">{labels::ERROR_SEEN}</span>
                    <pre class="seen-error"><code data-testid="target-error">{e}</code></pre>
                    <CopyButton text={e.to_string()} testid={AttrValue::Static("copy-target-error")} />
                </div>
            }
            { for g.remedies.iter().map(|m| html! {
                <div class="remedy" data-testid="target-remedy" data-remedy-id={m.id.as_str()}>
                    <span class="seen-label">{labels::REMEDY}</span>{" "}<code>{&m.command}</code>
                    <p class="caveat">{&m.caveat}</p>
                </div>
            }) }
            if let Some(f) = fix {
                <div class="seen">{labels::FIX}{": "}{&f.title}{" "}<code data-testid="target-fix" data-fix-id={f.id.as_str()}>{&f.command}</code></div>
            }
        </li>
    }
}
