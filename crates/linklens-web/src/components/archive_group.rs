use linklens::archive::{ImageReport, ImageVerdict};
use linklens_explain::archive::{ExplainedArchive, ImageWords};
use linklens_explain::catalogue::{self, fill, page};
use linklens_explain::render::{self, labels};
use yew::prelude::*;

use super::report_view::ReportView;
use crate::protocol::DecodedBy;
use crate::state::{Received, Shown};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub archive: Received<ExplainedArchive>,
    /// Each member as its result view shows it, in member order.
    pub members: Received<Vec<Option<Shown>>>,
    pub id: u32,
    pub name: AttrValue,
    pub millis: f64,
    pub wasm_memory: f64,
    pub decoded_by: DecodedBy,
}

/// An archive or image dropped as it is: its format and counts, each
/// image's verdict, what could not be read, then one collapsed result per
/// binary inside (open for a dynamic program, not for a shared library).
#[function_component(ArchiveGroup)]
pub fn archive_group(props: &Props) -> Html {
    let (a, words) = (&props.archive.facts, &props.archive.explanation);
    html! {
        <section class="archive" data-testid="archive" data-format={a.format.as_str()} aria-label={props.name.clone()}>
            <p class="archive-summary">
                <strong>{render::format_chain(a)}</strong>{" · "}{render::counts(a)}
            </p>
            { for a.images.iter().zip(&words.images).map(|(i, w)| image(&props.archive, i, w)) }
            if !a.errors.is_empty() {
                <ul class="archive-errors" data-testid="archive-errors">
                    { for a.errors.iter().zip(&words.errors).map(|(e, message)| html! { <li data-error-id={e.id.as_str()}>{message}</li> }) }
                </ul>
            }
            { for a.members.iter().enumerate().map(|(i, m)| {
                let name = render::member_name(&props.name, &m.path);
                // Open the dynamic programs; an image's shared libraries are
                // dynamic by nature and would bury them.
                let dynamic = m.facts.as_ref().is_some_and(|f| !f.linkage.is_static() && f.kind != linklens::Kind::SharedObject);
                let linkage = m.facts.as_ref().map(|f| f.linkage.as_str()).unwrap_or("error");
                html! {
                    <details class="member" data-testid="member" data-path={m.path.clone()} data-linkage={linkage} open={dynamic}>
                        <summary><code>{ if m.path.is_empty() { props.name.to_string() } else { m.path.clone() } }</code>
                            <span class={classes!("member-linkage", linkage.to_string())}>{linkage}</span></summary>
                        { match (props.members.get(i).and_then(Option::as_ref), &m.error) {
                            (Some(shown), _) => html! { <ReportView report={shown.report.clone()} rendered={shown.rendered.clone()} result_id={props.id.wrapping_mul(4096).wrapping_add(i as u32 + 1)} name={AttrValue::from(name)} /> },
                            (None, Some(_)) => html! { <p class="error" data-testid="member-error">{words.member_errors.get(i).cloned().flatten().unwrap_or_default()}</p> },
                            _ => html! {},
                        } }
                    </details>
                }
            }) }
            <p class="timing" data-testid="timing" data-read={a.bytes_scanned.to_string()} data-wasm-memory={props.wasm_memory.to_string()} data-decoded-by={props.decoded_by.as_str()}>{fill(page::ARCHIVE_ANALYSED_IN, &[("millis", &format!("{:.0}", props.millis))])}</p>
        </section>
    }
}

fn image(a: &ExplainedArchive, i: &ImageReport, w: &ImageWords) -> Html {
    // The fix's title as the program's own explanation gives it (the page
    // carries no fix catalogue).
    let fix_title = w.fix.map(|f| {
        a.explanation
            .members
            .iter()
            .flatten()
            .flat_map(|e| &e.fixes)
            .find(|x| x.id == f)
            .map_or(f.as_str(), |x| x.title.as_str())
    });
    let class = match i.verdict {
        ImageVerdict::Starts => "starts",
        ImageVerdict::StartsBut => "starts-but",
        ImageVerdict::Fails => "fails",
        ImageVerdict::Unknown => "unknown",
    };
    let argv: Vec<&str> = i
        .entrypoint
        .iter()
        .chain(i.cmd.iter())
        .map(String::as_str)
        .collect();
    html! {
        <div class={classes!("image-verdict", class)} data-testid="image-verdict" data-verdict={i.verdict.as_str()} data-reason-id={i.reason_id.as_str()} data-platform={i.platform.clone()}>
            <h3>{labels::IMAGE}{" "}{render::image_title(i)}{": "}<span class="image-mark">{labels::image_verdict_word(i.verdict)}</span></h3>
            if !argv.is_empty() {
                <p>{labels::ENTRYPOINT}{" "}<code data-testid="entrypoint">{argv.join(" ")}</code>
                    if let Some(p) = &i.program { {" → "}<code>{p}</code> }</p>
            }
            if let Some(libc) = &i.libc {
                <p>{labels::IMAGE_LIBC}{" "}{&libc.name}{" "}{libc.version.clone().unwrap_or_default()}{" ("}<code>{&libc.path}</code>{")"}</p>
            }
            <p class="image-reason" data-testid="image-reason">{&w.reason}</p>
            if let Some(e) = &w.error {
                <p>{labels::ERROR_SEEN}{": "}<code class="image-error" data-testid="image-error">{e}</code></p>
            }
            if let Some(title) = fix_title {
                <p>{labels::FIX}{": "}{title}{page::FIX_BELOW}</p>
            }
            if let Some(b) = w.base {
                <p>{labels::OR_BASE}{" "}{catalogue::target(b).name}</p>
            }
            { for i.binaries.iter().filter(|b| !b.missing.is_empty()).map(|b| html! {
                <p class="image-missing" data-testid="image-missing" data-path={b.path.clone()}>{labels::MISSING}{" "}<code>{&b.path}</code>{": "}{b.missing.join(", ")}</p>
            }) }
        </div>
    }
}
