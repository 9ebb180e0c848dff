use linklens::guide::guide;
use yew::prelude::*;

use super::rich_text::RichText;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The question to scroll to (`#/guide/<id>`).
    pub focus: Option<AttrValue>,
}

/// "Why is my Go binary dynamic?": one section per question, each with an
/// anchor of its own.
#[function_component(GuidePage)]
pub fn guide_page(props: &Props) -> Html {
    {
        let focus = props.focus.clone();
        use_effect_with(focus, |focus| {
            if let Some(id) = focus {
                if let Some(el) = crate::dom::document().get_element_by_id(&format!("q-{id}")) {
                    el.scroll_into_view();
                }
            }
        });
    }
    html! {
        <article class="doc guide" data-testid="guide" aria-labelledby="guide-title">
            <h2 id="guide-title">{linklens::catalogue::page::GUIDE_TITLE}</h2>
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
                        <p class="see">{linklens::render::labels::SEE}{": "}{ for q.see.iter().map(|t| html! {
                            <a href={Route::Cause(t.as_str().into()).href()}>{linklens::catalogue::topic(*t).title}</a>
                        }) }</p>
                    }
                </section>
            }) }
        </article>
    }
}
