//! "Where it runs": the floors the loader checks, then one row per target
//! with its verdict; a failing row says why, what the user would see there,
//! and the fix. The floors and rows come from the core's renderer.

use linklens_explain::render::{labels, sections, Block, SectionId};
use linklens_explain::Report;
use yew::prelude::*;

use crate::docs::RichText;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Received<Report>,
}

#[function_component(Targets)]
pub fn targets(props: &Props) -> Html {
    let r = &props.report;
    let Some(section) = sections(r)
        .into_iter()
        .find(|s| s.id == SectionId::Portability)
    else {
        return html! {};
    };
    let fix_of = |id| r.explanation.fixes.iter().find(|f| f.id == id);
    let mut facts = Vec::new();
    let mut rows = Vec::new();
    for block in section.blocks {
        match block {
            Block::Field { label, value } => facts.push(html! { <li data-testid="floor"><span class="ev-kind">{label}</span>{" "}<code>{value}</code></li> }),
            Block::Sentence(s) => facts.push(html! { <li data-testid="portability-note">{s}</li> }),
            Block::Target(t) => {
                let fix = t.fix.and_then(fix_of);
                rows.push(html! {
                    <tr data-testid="target" data-target-id={t.id.as_str()} data-verdict={t.verdict.as_str()} data-reason-id={t.reason_id.as_str()} class={t.verdict.as_str()}>
                        <th scope="row">{&t.name}</th>
                        <td class="mark"><span aria-hidden="true">{labels::verdict_mark(t.verdict)}</span>{" "}{labels::verdict_word(t.verdict)}</td>
                        <td>
                            <RichText text={t.reason.clone()} />
                            if let Some(e) = &t.error {
                                <div class="seen">{labels::ERROR_SEEN}{": "}<code data-testid="target-error">{e}</code></div>
                            }
                            if let Some(f) = fix {
                                <div class="seen">{labels::FIX}{": "}{&f.title}{" "}<code data-testid="target-fix" data-fix-id={f.id.as_str()}>{&f.command}</code></div>
                            }
                        </td>
                    </tr>
                });
            }
            _ => {}
        }
    }
    html! {
        <section class="targets" aria-label={labels::WHERE_IT_RUNS} data-testid="where-it-runs">
            <h3>{labels::WHERE_IT_RUNS}</h3>
            if !facts.is_empty() {
                <ul class="floors">{ for facts }</ul>
            }
            if !rows.is_empty() {
                <div class="table-scroll" tabindex="0" role="region" aria-label={labels::WHERE_IT_RUNS}>
                    <table class="target-table">
                        <thead><tr><th scope="col">{labels::TARGET}</th><th scope="col">{labels::VERDICT}</th><th scope="col">{labels::REASON}</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
