use linklens_explain::catalogue::{self, share as words};
use linklens_explain::share::ShareError;
use yew::prelude::*;

use super::report_view::ReportView;
use crate::format;
use crate::state::{OpenedLink, Received};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the worker made of the link: the report, or why not; `None`
    /// while it is being opened.
    pub opened: Option<Result<Received<OpenedLink>, ShareError>>,
}

/// A shared report, read-only: the banner (never uploaded; the file's
/// name, size and SHA-256 to check against), what a shortened link left
/// out, then the same result view a dropped file gets — or why the link
/// cannot be opened.
#[function_component(SharedView)]
pub fn shared_view(props: &Props) -> Html {
    match &props.opened {
        None => html! { <p class="progress-line" data-testid="shared-opening">{words::OPENING}</p> },
        Some(Ok(shared)) => view(shared),
        Some(Err(e)) => html! {
            <article class="file-result" data-testid="shared-error" data-error-id={e.id.as_str()} role="alert">
                <h2>{words::CANNOT_OPEN}</h2>
                <p>{&e.message}</p>
                <p><a href="#/">{linklens_explain::render::labels::CHECK_A_BINARY}</a></p>
            </article>
        },
    }
}

fn view(shared: &Received<OpenedLink>) -> Html {
    let size = format::bytes(shared.size as f64);
    let lists: Vec<String> = shared.omitted.iter().map(|o| format!("{} {}", o.count, catalogue::omitted(o.id))).collect();
    html! {
        <article class="file-result shared" data-testid="shared" data-file-name={shared.name.clone()} aria-label={catalogue::fill(words::SHARED_RESULT, &[("name", &shared.name)])}>
            <div class="shared-banner" data-testid="shared-banner" role="note">
                <p><strong>{words::SHARED_BANNER}</strong></p>
                <p>{catalogue::fill(words::SHARED_FILE, &[("name", &shared.name), ("size", &size)])}
                    <code data-testid="shared-sha256">{&shared.sha256}</code></p>
                <p><code>{catalogue::fill(words::SHARED_CHECK, &[("name", &shared.name)])}</code></p>
                if !lists.is_empty() {
                    <p data-testid="shared-shortened">{catalogue::fill(words::SHORTENED, &[("lists", &lists.join(", "))])}</p>
                }
            </div>
            <header class="file-header"><h3 class="file-name"><code>{&shared.name}</code></h3><span class="file-size">{size}</span></header>
            <ReportView report={shared.report.clone()} rendered={shared.rendered.clone()} result_id={0} name={AttrValue::from(shared.name.clone())} />
        </article>
    }
}
