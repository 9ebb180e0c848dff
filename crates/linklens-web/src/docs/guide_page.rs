use linklens_explain::guide::guide;
use yew::prelude::*;

use super::rich_text::RichText;
use crate::route::Route;

/// "Why is my Go binary dynamic?": one section per question, each with an
/// anchor of its own (`#/guide/<id>` scrolls to `q-<id>`).
#[function_component(GuidePage)]
pub fn guide_page() -> Html {
    html! {
        <article class="doc guide" data-testid="guide" aria-labelledby="guide-title">
            <h2 id="guide-title">{linklens_explain::catalogue::page::GUIDE_TITLE}</h2>
            <nav aria-label="Questions" class="toc">
                <ol>{ for guide().iter().map(|q| html! {
                    <li><a href={Route::Guide(Some(q.id.into())).href()}>{q.question}</a></li>
                }) }</ol>
            </nav>
            { for guide().iter().map(|q| html! {
                <section id={format!("q-{}", q.id)} class="question" data-testid="question" data-question-id={q.id}>
                    <h3><a href={Route::Guide(Some(q.id.into())).href()} class="anchor">{q.question}</a></h3>
                    { for q.answer.iter().map(|p| html! { <p><RichText text={*p} /></p> }) }
                    if !q.see.is_empty() {
                        <p class="see">{linklens_explain::render::labels::SEE}{": "}{ for q.see.iter().map(|t| html! {
                            <a href={Route::Cause(t.as_str().into()).href()}>{linklens_explain::catalogue::topic(*t).title}</a>
                        }) }</p>
                    }
                </section>
            }) }
        </article>
    }
}
