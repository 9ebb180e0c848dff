use std::rc::Rc;

use linklens::Report;
use yew::prelude::*;

use super::copy_button::CopyButton;
use crate::{dom, markdown};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: AttrValue,
    pub report: Rc<Report>,
}

/// JSON (the core's schema) and Markdown, to copy or download.
#[function_component(ExportBar)]
pub fn export_bar(props: &Props) -> Html {
    let json = serde_json::to_string_pretty(&*props.report).unwrap_or_default();
    let md = markdown::report(&props.name, &props.report);
    let stem = props.name.rsplit('/').next().unwrap_or("report").to_string();
    let download = |ext: &'static str, mime: &'static str, text: String| {
        let file = format!("{stem}.linklens.{ext}");
        Callback::from(move |_| dom::download(&file, mime, &text))
    };
    html! {
        <div class="export" role="group" aria-label="Export the report">
            <CopyButton text={json.clone()} label={AttrValue::from("Copy JSON")} testid={Some(AttrValue::from("copy-json"))} />
            <button type="button" onclick={download("json", "application/json", json)} data-testid="download-json">{"Download JSON"}</button>
            <CopyButton text={md.clone()} label={AttrValue::from("Copy Markdown")} testid={Some(AttrValue::from("copy-markdown"))} />
            <button type="button" onclick={download("md", "text/markdown", md)} data-testid="download-markdown">{"Download Markdown"}</button>
        </div>
    }
}
