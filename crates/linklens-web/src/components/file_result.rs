use yew::prelude::*;

use linklens_explain::catalogue::{fill, page};

use crate::state::{Entry, EntryState};
use super::archive_group::ArchiveGroup;
use super::error_view::ErrorView;
use super::report_view::ReportView;
use super::share_bar::ShareBar;
use crate::format;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub entry: Entry,
    pub on_remove: Callback<u32>,
    pub on_cancel: Callback<u32>,
    pub on_share: Callback<u32>,
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
    let cancel = {
        let cb = props.on_cancel.clone();
        let id = e.id;
        let button = Callback::from(move |_| cb.emit(id));
        html! { <button type="button" class="cancel" data-testid="cancel" onclick={button}>{page::CANCEL}</button> }
    };
    let share = {
        let cb = props.on_share.clone();
        let id = e.id;
        Callback::from(move |_| cb.emit(id))
    };
    let body = match &e.state {
        EntryState::Queued => html! {
            <p class="progress-line" data-testid="progress">{page::WAITING}<progress aria-label={page::PROGRESS_ANALYSIS}></progress>{cancel}</p>
        },
        EntryState::Reading { read, size } => html! {
            <p class="progress-line" data-testid="progress">
                {fill(page::READING, &[("read", &format::bytes(*read)), ("size", &format::bytes(*size))])}
                <progress max={size.to_string()} value={read.min(*size).to_string()} aria-label={page::PROGRESS_READ}></progress>
                {cancel}
            </p>
        },
        EntryState::Scanning { read, size, files, elf } => html! {
            <p class="progress-line" data-testid="progress">
                {fill(page::SCANNING, &[("read", &format::bytes(*read)), ("size", &format::bytes(*size)), ("files", &files.to_string()), ("elf", &elf.to_string())])}
                <progress aria-label={page::PROGRESS_SCAN}></progress>
                {cancel}
            </p>
        },
        EntryState::Failed { code, message } => html! {
            <ErrorView code={*code} message={message.clone()} />
        },
        EntryState::Done { report, rendered, read, millis, wasm_memory } => html! {
            <>
                <ReportView report={report.clone()} rendered={rendered.clone()} result_id={e.id} name={e.name.clone()} />
                <ShareBar share={e.share.clone()} on_share={share} />
                <p class="timing" data-testid="timing" data-read={read.to_string()} data-wasm-memory={wasm_memory.to_string()}>
                    {fill(page::ANALYSED_IN, &[("millis", &format!("{millis:.0}")), ("read", &format::bytes(*read)), ("size", &format::bytes(e.size))])}
                </p>
            </>
        },
        EntryState::Archive { archive, members, millis, wasm_memory, decoded_by } => html! {
            <ArchiveGroup archive={archive.clone()} members={members.clone()} id={e.id} name={e.name.clone()} millis={*millis} wasm_memory={*wasm_memory} decoded_by={*decoded_by} />
        },
    };
    html! {
        <article class="file-result" data-testid="result" data-file-name={e.name.clone()} aria-label={fill(page::RESULT_FOR, &[("name", &e.name)])}>
            <header class="file-header">
                <h3 class="file-name"><code>{&e.name}</code></h3>
                <span class="file-size">{format::bytes(e.size)}</span>
                <button type="button" class="remove" onclick={remove} aria-label={fill(page::REMOVE_FILE, &[("name", &e.name)])}>{"✕"}</button>
            </header>
            {body}
        </article>
    }
}
