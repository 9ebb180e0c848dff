use linklens_explain::catalogue::page;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Files chosen with the button.
    pub on_files: Callback<web_sys::FileList>,
    /// A drag is over the page (the whole page accepts drops).
    pub dragging: bool,
    /// Under the title: where drops land.
    #[prop_or(page::DROP_HINT)]
    pub hint: &'static str,
}

/// The visible drop target and the keyboard-reachable file button. Drops
/// anywhere on the page are handled by `App`.
#[function_component(DropZone)]
pub fn drop_zone(props: &Props) -> Html {
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                on_files.emit(files);
            }
            // Choosing the same file again must fire again.
            input.set_value("");
        })
    };
    let class = classes!("drop-zone", props.dragging.then_some("dragging"));
    html! {
        <section class={class} data-testid="drop-zone" aria-labelledby="drop-title">
            <h2 id="drop-title" class="drop-title">{page::DROP_TITLE}</h2>
            <p class="drop-hint">{props.hint}</p>
            // The native input takes the focus (Enter and Space open the
            // chooser without script); the label is what people see.
            <input id="file-input" type="file" multiple=true class="file-input visually-hidden"
                data-testid="file-input" {onchange} />
            <label for="file-input" class="button primary" data-testid="choose-files">{page::CHOOSE_FILES}</label>
            <p class="drop-note">{page::DROP_NOTE}</p>
        </section>
    }
}
