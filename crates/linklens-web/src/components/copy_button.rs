use linklens_explain::catalogue::page;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    #[prop_or(AttrValue::Static(page::COPY))]
    pub label: AttrValue,
    /// What is copied, for screen readers ("Copy the rebuild command").
    #[prop_or_default]
    pub describe: Option<AttrValue>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

#[function_component(CopyButton)]
pub fn copy_button(props: &Props) -> Html {
    let state = use_state(|| None::<bool>);
    let onclick = {
        let text = props.text.to_string();
        let state = state.clone();
        Callback::from(move |_| {
            let text = text.clone();
            let state = state.clone();
            spawn_local(async move {
                state.set(Some(crate::dom::copy(text).await));
            });
        })
    };
    let label = match *state {
        Some(true) => page::COPIED.into(),
        Some(false) => page::COPY_FAILED.into(),
        None => props.label.to_string(),
    };
    html! {
        <button type="button" class="copy" {onclick} data-testid={props.testid.clone()}>
            {label}
            if let Some(d) = &props.describe {
                <span class="visually-hidden">{format!(" {d}")}</span>
            }
        </button>
    }
}
