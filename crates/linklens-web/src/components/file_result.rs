use yew::prelude::*;

use linklens::catalogue::{fill, page};
use linklens::render::labels;

use crate::state::{Entry, EntryState};
use super::cause_card::CauseCard;
use super::details::Details;
use super::error_view::ErrorView;
use super::export_bar::ExportBar;
use super::fix_panel::FixPanel;
use super::targets::Targets;
use super::verdict::Verdict;
use super::warnings::Warnings;
use crate::format;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub entry: Entry,
    pub on_remove: Callback<u32>,
}

/// One file: its progress, error, or full result — verdict, causes,
/// warnings, the fix, details and export, in that order.
#[function_component(FileResult)]
pub fn file_result(props: &Props) -> Html {
    let e = &props.entry;
    let remove = {
        let cb = props.on_remove.clone();
        let id = e.id;
        Callback::from(move |_| cb.emit(id))
    };
    let body = match &e.state {
        EntryState::Queued => html! {
            <p class="progress-line" data-testid="progress">{page::WAITING}<progress aria-label="Analysis progress"></progress></p>
        },
        EntryState::Reading { read, size } => html! {
            <p class="progress-line" data-testid="progress">
                {fill(page::READING, &[("read", &format::bytes(*read)), ("size", &format::bytes(*size))])}
                <progress max={size.to_string()} value={read.to_string()} aria-label="Bytes read"></progress>
            </p>
        },
        EntryState::Failed { code, message } => html! {
            <ErrorView code={code.clone()} message={message.clone()} />
        },
        EntryState::Done { report, read, millis, wasm_memory } => html! {
            <>
                <Verdict report={report.clone()} />
                if !report.causes.is_empty() {
                    <section class="causes" aria-label={labels::CAUSES}>
                        <h3>{ if report.linkage.is_static() { labels::INSIDE } else { labels::WHY } }</h3>
                        { for report.causes.iter().map(|c| html! { <CauseCard cause={c.clone()} /> }) }
                    </section>
                }
                <Warnings warnings={report.warnings.clone()} />
                <FixPanel fixes={report.fixes.clone()} result_id={e.id} />
                <Targets report={report.clone()} />
                <Details report={report.clone()} />
                <ExportBar name={e.name.clone()} report={report.clone()} />
                <p class="timing" data-testid="timing" data-read={read.to_string()} data-wasm-memory={wasm_memory.to_string()}>
                    {fill(page::ANALYSED_IN, &[("millis", &format!("{millis:.0}")), ("read", &format::bytes(*read)), ("size", &format::bytes(e.size))])}
                </p>
            </>
        },
    };
    html! {
        <article class="file-result" data-testid="result" data-file-name={e.name.clone()} aria-label={format!("Result for {}", e.name)}>
            <header class="file-header">
                <h3 class="file-name"><code>{&e.name}</code></h3>
                <span class="file-size">{format::bytes(e.size)}</span>
                <button type="button" class="remove" onclick={remove} aria-label={format!("Remove {}", e.name)}>{"✕"}</button>
            </header>
            {body}
        </article>
    }
}
