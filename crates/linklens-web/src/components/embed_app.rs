use web_sys::{DragEvent, FileList};
use yew::prelude::*;

use super::drop_zone::DropZone;
use super::file_result::FileResult;
use crate::hooks::{accept_drag, dropped, use_files, use_sample_file, FilesHandle};

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// A sample to analyse at once (`sample="lookuphost"`).
    #[prop_or_default]
    pub sample: Option<String>,
    /// Less text around the drop zone, for narrow columns.
    #[prop_or_default]
    pub compact: bool,
}

/// The checker as a documentation site embeds it: the drop zone and the
/// results, nothing of the page around them — no navigation, no hash
/// routes (the host's address is the host's), drops only on itself.
#[function_component(EmbedApp)]
pub fn embed_app(props: &Props) -> Html {
    let FilesHandle { files, add, share, cancel, remove, fail, .. } = use_files();
    use_sample_file(props.sample.clone(), add.clone(), fail);
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            accept_drag(&e);
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let add = add.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            add.emit(dropped(&e));
        })
    };
    let on_files = Callback::from(move |list: FileList| add.emit(((0..list.length()).filter_map(|i| list.get(i)).collect(), Vec::new())));
    let class = classes!("linklens-embed", props.compact.then_some("compact"));
    html! {
        <div {class} data-testid="embed" {ondragover} {ondragleave} {ondrop}>
            <DropZone {on_files} dragging={*dragging} hint={linklens_explain::catalogue::page::DROP_HINT_EMBED} />
            <div class="visually-hidden" aria-live="polite" role="status" data-testid="live">{&files.announcement}</div>
            <div class="results">
                { for files.entries.iter().rev().map(|e| html! {
                    <FileResult key={e.id} entry={e.clone()} on_remove={remove.clone()} on_cancel={cancel.clone()} on_share={share.clone()} />
                }) }
            </div>
        </div>
    }
}

/// Mount a checker in `root` (inside `<linklens-check>`'s shadow root).
/// `base` is where linklens' files are (the script's own directory). The
/// wasm export is in `main.rs`: an export here would keep the whole app
/// alive in the worker's wasm too.
pub fn mount(root: web_sys::Element, base: &str, sample: &str, compact: bool) -> yew::AppHandle<EmbedApp> {
    crate::dom::set_base(base);
    let props = Props { sample: Some(sample.to_string()).filter(|s| !s.is_empty()), compact };
    yew::Renderer::<EmbedApp>::with_root_and_props(root, props).render()
}
