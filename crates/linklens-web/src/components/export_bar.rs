use linklens_explain::render::labels;
use yew::prelude::*;

use super::copy_button::CopyButton;
use crate::dom;
use crate::protocol::Rendered;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: AttrValue,
    /// The exports, written by the worker with the core's renderer.
    pub rendered: Received<Rendered>,
}

/// JSON (the core's schema) and Markdown, to copy or download.
#[function_component(ExportBar)]
pub fn export_bar(props: &Props) -> Html {
    let Rendered { json, markdown, .. } = &*props.rendered;
    let stem = props.name.rsplit('/').next().unwrap_or("report").to_string();
    let download = |ext: &'static str, mime: &'static str, text: &String| {
        let file = format!("{stem}.linklens.{ext}");
        let text = text.clone();
        Callback::from(move |_| dom::download(&file, mime, &text))
    };
    html! {
        <div class="export" role="group" aria-label={labels::EXPORT_REPORT}>
            <CopyButton text={json.clone()} label={labels::COPY_JSON} testid={Some(AttrValue::from("copy-json"))} />
            <button type="button" onclick={download("json", "application/json", json)} data-testid="download-json">{labels::DOWNLOAD_JSON}</button>
            <CopyButton text={markdown.clone()} label={labels::COPY_MARKDOWN} testid={Some(AttrValue::from("copy-markdown"))} />
            <button type="button" onclick={download("md", "text/markdown", markdown)} data-testid="download-markdown">{labels::DOWNLOAD_MARKDOWN}</button>
        </div>
    }
}
