use linklens_explain::render::{labels, Block};
use yew::prelude::*;

/// One cause as the renderer says it — its [`Block::Entry`] and the blocks
/// about it: what it is, the evidence found in this file, and the
/// catalogue's explanation (the CLI and Markdown print the same blocks; the
/// page unfolds [`Block::Explain`]). A function, not a component: it has no
/// state, and its report view re-renders it only with a new report.
pub fn cause_card(entry: &Block, about: &[Block]) -> Html {
    let Block::Entry { id, title, scope, makes_dynamic, .. } = entry else {
        return html! {};
    };
    let scope = match scope {
        Some((label, value)) => html! { <span class="scope">{label}{" "}<code>{value}</code></span> },
        None => html! {},
    };
    let linked = match makes_dynamic {
        Some(true) => html! { <span class="tag tag-dynamic">{labels::MAKES_DYNAMIC}</span> },
        Some(false) => html! { <span class="tag tag-static">{labels::LINKED_STATICALLY}</span> },
        None => html! {},
    };
    let summary = about.iter().find_map(|b| match b {
        Block::Sentence(s) => Some(s.as_str()),
        _ => None,
    });
    let explain = about.iter().find_map(|b| match b {
        Block::Explain(t) => Some(html! {
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
        }),
        _ => None,
    });
    html! {
        <section class="cause" data-testid="cause" data-cause-id={id.as_str()} aria-label={format!("{}: {}", labels::CAUSE_PREFIX, title)}>
            <h4><span class="cause-id">{id.as_str()}</span>{" "}{title}</h4>
            <p class="cause-meta">{scope}{" "}{linked}</p>
            <p class="cause-summary">{summary}{" "}
                <a href={crate::route::Route::Cause(id.as_str().into()).href()} data-testid="cause-page-link">{labels::MORE_ABOUT_THIS}</a></p>
            <h5>{labels::EVIDENCE}</h5>
            <ul class="evidence" data-testid="evidence">
                { evidence(about) }
            </ul>
            { for explain }
        </section>
    }
}

/// The [`Block::Evidence`] among `blocks`, one item each (the warnings use it too).
pub fn evidence(blocks: &[Block]) -> Html {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Evidence { label, value } => {
                Some(html! { <li><span class="ev-kind">{*label}</span>{" "}<code>{value}</code></li> })
            }
            _ => None,
        })
        .collect()
}
