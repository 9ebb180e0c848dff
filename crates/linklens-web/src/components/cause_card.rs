use linklens_explain::catalogue;
use linklens_explain::render::{self, labels};
use linklens::Cause;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub cause: Cause,
}

/// One cause: what it is, the evidence found in this file, and the
/// catalogue's explanation (the same words the CLI and docs use).
#[function_component(CauseCard)]
pub fn cause_card(props: &Props) -> Html {
    let c = &props.cause;
    let t = catalogue::cause(c.id);
    let scope = match render::cause_scope(c) {
        Some((label, value)) => html! { <span class="scope">{label}{" "}<code>{value}</code></span> },
        None => html! {},
    };
    let linked = if c.makes_dynamic {
        html! { <span class="tag tag-dynamic">{labels::MAKES_DYNAMIC}</span> }
    } else {
        html! { <span class="tag tag-static">{labels::LINKED_STATICALLY}</span> }
    };
    html! {
        <section class="cause" data-testid="cause" data-cause-id={c.id.as_str()} aria-label={format!("{}: {}", labels::CAUSE_PREFIX, t.title)}>
            <h4><span class="cause-id">{c.id.as_str()}</span>{" "}{t.title}</h4>
            <p class="cause-meta">{scope}{" "}{linked}</p>
            <p class="cause-summary">{t.summary}{" "}
                <a href={crate::route::Route::Cause(c.id.as_str().into()).href()} data-testid="cause-page-link">{labels::MORE_ABOUT_THIS}</a></p>
            <h5>{labels::EVIDENCE}</h5>
            <ul class="evidence" data-testid="evidence">
                { for c.evidence.iter().map(|e| evidence(e, c.package.as_deref())) }
            </ul>
            <details class="explain">
                    <summary>{labels::WHY_AND_CHECK}</summary>
                    <p>{t.what_happens}</p>
                    <p>{t.why_dynamic}</p>
                    <ul class="checks">
                        { for t.confirm.iter().map(|k| html! { <li><code>{k.command}</code>{" — "}{k.shows}</li> }) }
                    </ul>
                    <p class="links">
                        { for t.links.iter().map(|l| html! { <a href={l.url} rel="noopener noreferrer">{l.title}</a> }) }
                    </p>
            </details>
        </section>
    }
}

/// One piece of evidence, in the renderer's words (the warnings list uses it too).
pub fn evidence(e: &linklens::Evidence, package: Option<&str>) -> Html {
    let (label, value) = render::evidence(e, package);
    html! { <li><span class="ev-kind">{label}</span>{" "}<code>{value}</code></li> }
}
