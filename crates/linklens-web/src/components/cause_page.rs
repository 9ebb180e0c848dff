use linklens::catalogue::{self, TopicKind};
use yew::prelude::*;

use super::rich_text::RichText;
use crate::route::Route;
use crate::samples::SAMPLES;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
}

/// One cause or warning, entirely from the core's catalogue: what happens,
/// why it makes a binary dynamic, how to see it yourself, every fix with
/// its trade-offs, and the Go documentation.
#[function_component(CausePage)]
pub fn cause_page(props: &Props) -> Html {
    let Some(t) = catalogue::topic(&props.id) else {
        return html! {
            <article class="doc" data-testid="not-found">
                <h2>{"No such cause"}</h2>
                <p>{format!("linklens has no page for “{}”. ", props.id)}<a href="#/causes">{"All causes"}</a></p>
            </article>
        };
    };
    let kind = match t.kind {
        TopicKind::Cause => "Cause",
        TopicKind::Warning => "Warning",
    };
    let sample = SAMPLES.iter().find(|s| match t.id {
        "dns" => s.slug == "lookuphost",
        "osuser" => s.slug == "userlookup",
        "cgo-own" => s.slug == "cstdio",
        "cgo-dep" => s.slug == "sqlite",
        "pie-interp" => s.slug == "pie",
        "plugin" => s.slug == "plugin",
        "non-go" => s.slug == "c",
        _ => false,
    });
    html! {
        <article class="doc" data-testid="cause-page" data-topic-id={t.id} aria-labelledby="topic-title">
            <p class="doc-kind">{kind}{" · "}<code>{t.id}</code></p>
            <h2 id="topic-title">{t.title}</h2>
            <p class="lead">{t.summary}</p>
            if let Some(s) = sample {
                <p><a class="button" href={Route::Sample(s.slug.into()).href()} data-testid="topic-sample">{"See a real binary with this cause"}</a></p>
            }
            <h3>{"What happens"}</h3>
            <p><RichText text={t.what_happens} /></p>
            <h3>{"Why it makes the binary dynamic"}</h3>
            <p><RichText text={t.why_dynamic} /></p>
            <h3>{"See it yourself"}</h3>
            <ul class="checks">
                { for t.confirm.iter().map(|c| html! { <li><code>{c.command}</code>{" — "}{c.shows}</li> }) }
            </ul>
            <p class="note">{"Avoid "}<code>{"ldd"}</code>{" on files you do not trust: it may run the program to find its libraries. "}
                <code>{"file"}</code>{", "}<code>{"readelf"}</code>{" and linklens only read it."}</p>
            if !t.fixes.is_empty() {
                <h3>{"Fixes"}</h3>
                { for t.fixes.iter().filter_map(|f| catalogue::fix(f)).map(|f| html! {
                    <section class="doc-fix" data-fix-id={f.id}>
                        <h4>{f.title}</h4>
                        <p><RichText text={f.how} /></p>
                        <ul>{ for f.tradeoffs.iter().map(|x| html! { <li><RichText text={x.text} /></li> }) }</ul>
                    </section>
                }) }
                <p class="note">{"Drop your binary on the "}<a href="#/">{"check page"}</a>{" for the exact command, built from its own flags."}</p>
            }
            if !t.links.is_empty() {
                <h3>{"Go documentation and references"}</h3>
                <ul>{ for t.links.iter().map(|l| html! { <li><a href={l.url} rel="noopener noreferrer">{l.title}</a></li> }) }</ul>
            }
        </article>
    }
}
