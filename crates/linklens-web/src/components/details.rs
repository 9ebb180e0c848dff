use linklens_explain::render::{self, labels, Line};
use linklens_explain::Report;
use yew::prelude::*;

use crate::format;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Received<Report>,
}

/// Everything else, collapsed: the renderer's [`render::Details`] (loader
/// requests, imports grouped by cause, the build info laid out like
/// `go version -m`, cgo packages, toolchain), laid out.
#[function_component(Details)]
pub fn details(props: &Props) -> Html {
    let d = render::details(&props.report.facts, &format::bytes(props.report.facts.size as f64));
    let code_list = |items: &[String]| html! { <ol class="libs">{ for items.iter().map(|l| html! { <li><code>{l}</code></li> }) }</ol> };
    let toolchain_line = |l: &Line| {
        let value = if l.code { html! { <code>{&l.value}</code> } } else { html! { {&l.value} } };
        match l.label {
            Some(label) => html! { <li>{label}{": "}{value}</li> },
            None => html! { <li>{value}</li> },
        }
    };
    html! {
        <details class="details" data-testid="details">
            <summary>{labels::DETAILS}</summary>
            <dl>
                <dt>{labels::FILE}</dt>
                <dd>{&d.file}</dd>
                <dt>{labels::INTERPRETER}</dt>
                <dd>{ match &d.interpreter { Some(i) => html! { <code>{i}</code> }, None => html! { {labels::NONE} } } }</dd>
                <dt>{labels::NEEDS}</dt>
                <dd>{ if d.needs.is_empty() { html! { {labels::NONE} } } else { code_list(&d.needs) } }</dd>
                if let Some((rpath, runpath)) = &d.search_paths {
                    <dt>{labels::RPATH_RUNPATH}</dt>
                    <dd><code>{rpath}</code>{" "}<code>{runpath}</code></dd>
                }
                <dt>{labels::C_LIBRARY}</dt>
                <dd>{&d.libc.0}
                    if let Some(evidence) = &d.libc.1 {
                        {" — "}{labels::FROM}{" "}{evidence}
                    }
                </dd>
            </dl>
            if let Some((heading, groups)) = &d.imports {
                <h5>{heading}</h5>
                { for groups.iter().map(|(group, names)| html! {
                    <div class="import-group">
                        <p class="import-cause">{group}</p>
                        <p class="import-list"><code>{names.join("  ")}</code></p>
                    </div>
                }) }
            }
            if let Some(text) = &d.buildinfo {
                <h5>{labels::GO_BUILDINFO}</h5>
                <pre class="buildinfo" tabindex="0"><code>{text}</code></pre>
            }
            if let Some(line) = &d.pclntab {
                <p>{line}</p>
            }
            if !d.cgo_packages.is_empty() {
                <h5>{labels::CGO_PACKAGES}</h5>
                <ul>{ for d.cgo_packages.iter().map(|(package, line, examples)| html! {
                    <li><code>{package}</code>{line}<code>{examples}</code></li>
                }) }</ul>
            }
            <h5>{labels::TOOLCHAIN}</h5>
            <ul class="toolchain">
                { for d.toolchain.iter().map(toolchain_line) }
            </ul>
        </details>
    }
}
