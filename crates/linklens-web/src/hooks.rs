//! The page's effects, as hooks: drops anywhere on the page, the hash
//! route, loading a sample named by the route (or by the embedded
//! checker), and the files with their worker. Components stay pure
//! rendering; these own the browser listeners and remove them on unmount.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File};
use yew::prelude::*;

use linklens_explain::catalogue::{fill, page};

use crate::route::Route;
use crate::protocol::FailureId;
use crate::state::{Action, Entry, EntryState, Files, Share};
use crate::worker_bridge::WorkerBridge;

/// Files from a drop: directories become names of their own (a browser
/// hands them over as unreadable `File`s).
pub(crate) fn dropped(e: &DragEvent) -> (Vec<File>, Vec<String>) {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    let Some(dt) = e.data_transfer() else { return (files, dirs) };
    let items = dt.items();
    if items.length() > 0 {
        for i in 0..items.length() {
            let Some(item) = items.get(i) else { continue };
            if item.kind() != "file" {
                continue;
            }
            let is_dir = item.webkit_get_as_entry().ok().flatten().is_some_and(|en| en.is_directory());
            match item.get_as_file().ok().flatten() {
                Some(f) if is_dir => dirs.push(f.name()),
                Some(f) => files.push(f),
                None => {}
            }
        }
    } else if let Some(list) = dt.files() {
        files.extend((0..list.length()).filter_map(|i| list.get(i)));
    }
    (files, dirs)
}

/// A drag over a drop target: accept it as a copy (the browser would
/// otherwise open the file).
pub(crate) fn accept_drag(e: &DragEvent) {
    e.prevent_default();
    if let Some(dt) = e.data_transfer() {
        dt.set_drop_effect("copy");
    }
}

/// The whole page is a drop target: `on_drop` gets (files, folder names);
/// the returned flag says whether a drag is over the page.
#[hook]
pub fn use_page_drop(on_drop: Callback<(Vec<File>, Vec<String>)>) -> bool {
    let dragging = use_state(|| false);
    {
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let doc = crate::dom::document();
            let over = {
                let dragging = dragging.clone();
                Closure::<dyn Fn(DragEvent)>::new(move |e: DragEvent| {
                    accept_drag(&e);
                    dragging.set(true);
                })
            };
            let leave = {
                let dragging = dragging.clone();
                Closure::<dyn Fn(DragEvent)>::new(move |e: DragEvent| {
                    // Leaving the window, not moving between children.
                    if e.related_target().is_none() {
                        dragging.set(false);
                    }
                })
            };
            let drop = Closure::<dyn Fn(DragEvent)>::new(move |e: DragEvent| {
                e.prevent_default();
                dragging.set(false);
                on_drop.emit(dropped(&e));
            });
            let listeners = [("dragover", over), ("dragleave", leave), ("drop", drop)];
            for (event, f) in &listeners {
                let _ = doc.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
            }
            move || {
                for (event, f) in &listeners {
                    let _ = doc.remove_event_listener_with_callback(event, f.as_ref().unchecked_ref());
                }
            }
        });
    }
    *dragging
}

/// The current hash route, kept up to date.
#[hook]
pub fn use_hash_route() -> Route {
    let route = use_state(|| Route::parse(&crate::dom::window().location().hash().unwrap_or_default()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let window = crate::dom::window();
            let listener = Closure::<dyn Fn()>::new(move || {
                let next = Route::parse(&crate::dom::window().location().hash().unwrap_or_default());
                if !matches!(next, Route::Guide(Some(_))) {
                    crate::dom::window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                route.set(next);
            });
            let _ = window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            move || {
                let _ = window.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
        });
    }
    (*route).clone()
}

/// A sample route fetches that sample (now, not before) and hands it to
/// `on_file`; a failed fetch goes to `on_error` with the slug and message.
#[hook]
pub fn use_sample(route: &Route, on_file: Callback<File>, on_error: Callback<(String, String)>) {
    use_effect_with(route.clone(), move |route| {
        if let Route::Sample(slug) = route {
            let slug = slug.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::dom::fetch_sample(&slug).await {
                    Ok(file) => on_file.emit(file),
                    Err(message) => on_error.emit((slug, message)),
                }
            });
        }
    });
}

/// The files on a page (or in one embedded checker): the reducer, the
/// worker that analyses them, and the callbacks the results need.
pub struct FilesHandle {
    pub files: UseReducerHandle<Files>,
    /// Files and folder names, from a drop or the chooser.
    pub add: Callback<(Vec<File>, Vec<String>)>,
    /// A share link for a result: the worker hashes its file.
    pub share: Callback<u32>,
    pub cancel: Callback<u32>,
    pub remove: Callback<u32>,
    pub clear: Callback<()>,
    /// A failed entry of its own: (name, message), for a sample that did not load.
    pub fail: Callback<(String, String)>,
    /// Open a share link's fragment (the worker decodes it).
    pub open: Callback<String>,
}

#[hook]
pub fn use_files() -> FilesHandle {
    let files = use_reducer(Files::default);
    let next_id = use_mut_ref(|| 1u32);
    let bridge = {
        let dispatcher = files.dispatcher();
        use_memo((), move |_| WorkerBridge::new(move |msg| dispatcher.dispatch(Action::Worker(msg))))
    };
    {
        let bridge = bridge.clone();
        use_effect_with((), move |_| WorkerBridge::start(&bridge));
    }
    let new_id = move || {
        let mut n = next_id.borrow_mut();
        *n += 1;
        *n
    };
    let fail = {
        let files = files.dispatcher();
        let new_id = new_id.clone();
        Callback::from(move |(name, message): (String, String)| {
            let state = EntryState::Failed { code: FailureId::Sample, message: message.into() };
            files.dispatch(Action::Add(vec![Entry { id: new_id(), name: name.into(), size: 0.0, state, file: None, share: Share::None }]));
        })
    };
    let add = {
        let files = files.dispatcher();
        let bridge = bridge.clone();
        Callback::from(move |(list, dirs): (Vec<File>, Vec<String>)| {
            let mut new = Vec::new();
            for name in dirs {
                let message = fill(page::FOLDER_DROPPED, &[("name", &name)]);
                let state = EntryState::Failed { code: FailureId::Io, message: message.into() };
                new.push(Entry { id: new_id(), name: name.into(), size: 0.0, state, file: None, share: Share::None });
            }
            for f in list {
                let id = new_id();
                bridge.analyze(id, f.clone());
                new.push(Entry { id, name: f.name().into(), size: f.size(), state: EntryState::Queued, file: Some(f), share: Share::None });
            }
            if !new.is_empty() {
                files.dispatch(Action::Add(new));
            }
        })
    };
    let share = {
        let bridge = bridge.clone();
        let files = files.clone();
        Callback::from(move |id: u32| {
            let Some(e) = files.entries.iter().find(|e| e.id == id) else { return };
            if let (Some(file), EntryState::Done { rendered, .. }) = (&e.file, &e.state) {
                files.dispatch(Action::Share(id));
                bridge.share(id, file, &rendered.json, &e.name);
            }
        })
    };
    let open = {
        let bridge = bridge.clone();
        Callback::from(move |fragment: String| bridge.open(&fragment))
    };
    let cancel = Callback::from(move |id: u32| WorkerBridge::cancel(&bridge, id));
    let remove = {
        let files = files.dispatcher();
        Callback::from(move |id| files.dispatch(Action::Remove(id)))
    };
    let clear = {
        let files = files.dispatcher();
        Callback::from(move |()| files.dispatch(Action::Clear))
    };
    FilesHandle { files, add, share, cancel, remove, clear, fail, open }
}

/// A sample fetched once (the embedded checker's `sample` attribute):
/// handed to `add`, or a failed entry through `fail`.
#[hook]
pub fn use_sample_file(slug: Option<String>, add: Callback<(Vec<File>, Vec<String>)>, fail: Callback<(String, String)>) {
    use_effect_with(slug, move |slug| {
        if let Some(slug) = slug.clone() {
            wasm_bindgen_futures::spawn_local(async move {
                match crate::dom::fetch_sample(&slug).await {
                    Ok(file) => add.emit((vec![file], Vec::new())),
                    Err(message) => fail.emit((slug, message)),
                }
            });
        }
    });
}

/// A documentation page's HTML, fetched the first time it is shown and
/// kept for the rest of the visit.
#[derive(Clone, PartialEq)]
pub enum Doc {
    Loading,
    Ready(AttrValue),
    Failed(String),
}

thread_local! {
    static DOCS: std::cell::RefCell<Vec<(String, AttrValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn cached_doc(file: &str) -> Option<AttrValue> {
    DOCS.with(|d| d.borrow().iter().find(|(f, _)| f == file).map(|(_, html)| html.clone()))
}

#[hook]
pub fn use_doc(file: String) -> Doc {
    let doc = use_state(|| cached_doc(&file).map(Doc::Ready).unwrap_or(Doc::Loading));
    {
        let doc = doc.clone();
        use_effect_with(file, move |file| {
            match cached_doc(file) {
                Some(html) => doc.set(Doc::Ready(html)),
                None => {
                    doc.set(Doc::Loading);
                    let file = file.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        match crate::dom::fetch_text(&file).await {
                            Ok(text) => {
                                let html = AttrValue::from(text);
                                DOCS.with(|d| d.borrow_mut().push((file, html.clone())));
                                doc.set(Doc::Ready(html));
                            }
                            Err(reason) => doc.set(Doc::Failed(reason)),
                        }
                    });
                }
            }
        });
    }
    (*doc).clone()
}
