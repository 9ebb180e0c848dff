use yew::prelude::*;

use crate::route::Route;
use crate::samples::SAMPLES;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
}

/// Site navigation, and the "Try an example" menu: real binaries, each
/// fetched only when chosen and analysed like a dropped file.
#[function_component(Nav)]
pub fn nav(props: &Props) -> Html {
    // Close the examples menu once one is chosen (the route changed).
    let menu = use_node_ref();
    {
        let menu = menu.clone();
        use_effect_with(props.route.clone(), move |_| {
            if let Some(d) = menu.cast::<web_sys::HtmlDetailsElement>() {
                d.set_open(false);
            }
        });
    }
    let current = |r: &Route| -> Option<AttrValue> {
        let same = std::mem::discriminant(r) == std::mem::discriminant(&props.route);
        same.then(|| AttrValue::from("page"))
    };
    html! {
        <nav class="site-nav" aria-label="Site">
            <a href="#/" aria-current={current(&Route::Home)}>{linklens_explain::render::labels::CHECK_A_BINARY}</a>
            <a href="#/guide" aria-current={current(&Route::Guide(None))}>{linklens_explain::catalogue::page::GUIDE_TITLE}</a>
            <a href="#/causes" aria-current={current(&Route::Causes)}>{linklens_explain::render::labels::CAUSES}</a>
            <details class="samples-menu" data-testid="samples-menu" ref={menu}>
                <summary>{linklens_explain::render::labels::TRY_AN_EXAMPLE}</summary>
                <ul>
                    { for SAMPLES.iter().map(|s| html! {
                        <li><a href={Route::Sample(s.slug.into()).href()} data-testid="sample-link" data-sample={s.slug}>{s.title()}</a></li>
                    }) }
                </ul>
            </details>
        </nav>
    }
}
