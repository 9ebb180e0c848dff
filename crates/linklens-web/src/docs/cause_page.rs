use linklens_explain::catalogue::{self, page, sentences, TopicId, TopicKind};
use linklens_explain::render::labels;
use yew::prelude::*;

use super::rich_text::RichText;
use crate::route::Route;
use crate::samples;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: TopicId,
}

/// One cause or warning, entirely from the core's catalogue: what happens,
/// why it makes a binary dynamic, how to see it yourself, every fix with
/// its trade-offs, and the Go documentation.
#[function_component(CausePage)]
pub fn cause_page(props: &Props) -> Html {
    let id = props.id;
    let t = catalogue::topic(id);
    let (kind, why) = match id.kind() {
        TopicKind::Cause => (labels::CAUSE_PREFIX, labels::WHY_DYNAMIC),
        TopicKind::Warning => (labels::WARNING_PREFIX, labels::WHY_IT_MATTERS),
    };
    html! {
        <article class="doc" data-testid="cause-page" data-topic-id={id.as_str()} aria-labelledby="topic-title">
            <p class="doc-kind">{kind}{" · "}<code>{id.as_str()}</code></p>
            <h2 id="topic-title">{t.title}</h2>
            <p class="lead">{t.summary}</p>
            if let Some(s) = samples::for_topic(id) {
                <p><a class="button" href={Route::Sample(s.slug.into()).href()} data-testid="topic-sample">{page::TOPIC_SAMPLE}</a></p>
            }
            <h3>{labels::WHAT_HAPPENS}</h3>
            <p><RichText text={t.what_happens} /></p>
            <h3>{why}</h3>
            <p><RichText text={t.why_dynamic} /></p>
            <h3>{labels::SEE_IT_YOURSELF}</h3>
            <ul class="checks">
                { for t.confirm.iter().map(|c| html! { <li><code>{c.command}</code>{" — "}{c.shows}</li> }) }
            </ul>
            <p class="note">{sentences::LDD_RUNS_PROGRAM}</p>
            if !t.fixes.is_empty() {
                <h3>{labels::FIXES}</h3>
                { for t.fixes.iter().map(|f| catalogue::fix(*f)).map(|f| html! {
                    <section class="doc-fix" data-fix-id={f.id.as_str()}>
                        <h4>{f.title}</h4>
                        <p><RichText text={f.how} /></p>
                        // Only the costs that apply to this topic's cause.
                        <ul>{ for f.tradeoffs.iter().filter(|x| x.when.is_none_or(|c| TopicId::Cause(c) == id)).map(|x| html! { <li><RichText text={x.text} /></li> }) }</ul>
                    </section>
                }) }
                <p class="note">{page::TOPIC_CHECK_BEFORE}<a href="#/">{page::TOPIC_CHECK_LINK}</a>{page::TOPIC_CHECK_AFTER}</p>
            }
            if !t.links.is_empty() {
                <h3>{labels::READ_MORE}</h3>
                <ul>{ for t.links.iter().map(|l| html! { <li><a href={l.url} rel="noopener noreferrer">{l.title}</a></li> }) }</ul>
            }
        </article>
    }
}
