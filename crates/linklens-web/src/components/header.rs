use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="site-header">
            <h1><span class="logo" aria-hidden="true">{"⌁"}</span>{" linklens"}</h1>
            <p class="tagline">{"Is your Go binary statically linked? If not: why, and the exact command to rebuild it static."}</p>
            <p class="privacy" data-testid="privacy">
                {"Your file never leaves this page: it is read and analysed in your browser, nothing is uploaded, and nothing is executed."}
            </p>
        </header>
    }
}
