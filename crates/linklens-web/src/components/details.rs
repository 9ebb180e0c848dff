use linklens::CauseId;
use linklens_explain::catalogue::fill;
use linklens_explain::render::{self, labels};
use linklens_explain::Report;
use yew::prelude::*;

use crate::format;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Received<Report>,
}

/// Everything else, collapsed: loader requests, imports grouped by cause,
/// the build info laid out like `go version -m`, cgo packages, toolchain.
#[function_component(Details)]
pub fn details(props: &Props) -> Html {
    let r = &props.report;
    let d = &r.facts.dynamic;
    let mut groups: Vec<(Option<CauseId>, Vec<String>)> = Vec::new();
    for i in &r.facts.imports {
        let label = match &i.version {
            Some(v) => format!("{}@{v}", i.name),
            None => i.name.clone(),
        };
        match groups.iter_mut().find(|(c, _)| *c == i.cause) {
            Some((_, v)) => v.push(label),
            None => groups.push((i.cause, vec![label])),
        }
    }
    // Causes first, the unattributed rest last.
    groups.sort_by_key(|(c, _)| (c.is_none(), *c));
    let go_version_m = r.facts.go.as_ref().map(render::go_version_m);
    html! {
        <details class="details" data-testid="details">
            <summary>{labels::DETAILS}</summary>
            <dl>
                <dt>{labels::FILE}</dt>
                <dd>{format!("{} · {} · {}-bit {} · {}", format::bytes(r.facts.size as f64), labels::kind(r.facts.kind), r.facts.bits, r.facts.endian, r.facts.arch.machine)}</dd>
                <dt>{labels::INTERPRETER}</dt>
                <dd>{ match &d.interpreter { Some(i) => html! { <code>{i}</code> }, None => html! { {labels::NONE} } } }</dd>
                <dt>{labels::NEEDS}</dt>
                <dd>{ if d.needed.is_empty() { html! { {labels::NONE} } } else { html! { <ol class="libs">{ for d.needed.iter().map(|l| html! { <li><code>{l}</code></li> }) }</ol> } } }</dd>
                if !d.rpath.is_empty() || !d.runpath.is_empty() {
                    <dt>{labels::RPATH_RUNPATH}</dt>
                    <dd><code>{d.rpath.join(":")}</code>{" "}<code>{d.runpath.join(":")}</code></dd>
                }
                <dt>{labels::C_LIBRARY}</dt>
                <dd>{r.facts.libc.name.as_str()}
                    if !r.facts.libc.evidence.is_empty() {
                        {" — "}{labels::FROM}{" "}{ r.facts.libc.evidence.iter().map(|e| render::evidence(e, None).1).collect::<Vec<_>>().join("; ") }
                    }
                </dd>
            </dl>
            if !groups.is_empty() {
                <h5>{fill(labels::IMPORTED_SYMBOLS, &[("count", &r.facts.imports.len().to_string())])}</h5>
                { for groups.iter().map(|(cause, names)| html! {
                    <div class="import-group">
                        <p class="import-cause">{ match cause { Some(c) => format!("{} ({})", c.as_str(), names.len()), None => format!("{} ({})", labels::OTHER_IMPORTS, names.len()) } }</p>
                        <p class="import-list"><code>{names.join("  ")}</code></p>
                    </div>
                }) }
            }
            if let Some(text) = go_version_m {
                <h5>{labels::GO_BUILDINFO}</h5>
                <pre class="buildinfo" tabindex="0"><code>{text}</code></pre>
            }
            if let Some(g) = &r.facts.go {
                if let Some(p) = &g.pclntab {
                    <p>{fill(labels::PCLNTAB_LINE, &[("layout", &p.version), ("nfunc", &p.nfunc.to_string()), ("where", &match (&p.section, p.scanned) {
                        (Some(s), false) => fill(labels::PCLNTAB_IN_SECTION, &[("section", s)]),
                        _ => fill(labels::PCLNTAB_SCANNED, &[("offset", &format!("{:#x}", p.offset))]),
                    })])}</p>
                }
                if !g.cgo_packages.is_empty() {
                    <h5>{labels::CGO_PACKAGES}</h5>
                    <ul>{ for g.cgo_packages.iter().map(|p| html! {
                        <li><code>{&p.package}</code>{fill(labels::CGO_PACKAGE_LINE, &[("count", &p.count.to_string())])}<code>{p.functions.join(", ")}</code></li>
                    }) }</ul>
                }
            }
            <h5>{labels::TOOLCHAIN}</h5>
            <ul class="toolchain">
                if let Some(l) = &r.facts.toolchain.language { <li>{format!("{}: {l}", labels::LANGUAGE)}</li> }
                { for r.facts.toolchain.comments.iter().map(|c| html! { <li><code>{c}</code></li> }) }
                if let Some(t) = &r.facts.toolchain.abi_tag { <li>{format!("{}: {t}", labels::ABI_TAG)}</li> }
                if let Some(b) = &r.facts.toolchain.go_build_id { <li>{labels::GO_BUILD_ID}{": "}<code>{b}</code></li> }
                if let Some(b) = &r.facts.toolchain.gnu_build_id { <li>{labels::GNU_BUILD_ID}{": "}<code>{b}</code></li> }
                <li>{ if r.facts.toolchain.runtime_cgo { labels::RUNTIME_CGO_LINKED } else { labels::RUNTIME_CGO_NOT_LINKED } }</li>
            </ul>
        </details>
    }
}
