use std::rc::Rc;

use linklens::Report;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, FileList};
use yew::prelude::*;

use super::cause_page::CausePage;
use super::causes_index::CausesIndex;
use super::compare_view::CompareView;
use super::guide_page::GuidePage;
use super::nav::Nav;
use super::drop_zone::DropZone;
use super::file_result::FileResult;
use super::header::Header;
use crate::protocol::FromWorker;
use crate::route::Route;
use crate::worker_bridge::WorkerBridge;

#[derive(Clone, PartialEq)]
pub struct Entry {
    pub id: u32,
    pub name: AttrValue,
    pub size: f64,
    pub state: EntryState,
}

#[derive(Clone, PartialEq)]
pub enum EntryState {
    Queued,
    Reading { read: f64, size: f64 },
    Done { report: Rc<Report>, read: f64, millis: f64, wasm_memory: f64 },
    Failed { code: AttrValue, message: AttrValue },
}

/// The files on the page, newest last. All state lives here.
#[derive(Default, PartialEq)]
struct Files {
    entries: Vec<Entry>,
    /// What the live region announces.
    announcement: String,
}

enum Action {
    Add(Vec<Entry>),
    Worker(FromWorker),
    Remove(u32),
    Clear,
}

impl Reducible for Files {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut entries = self.entries.clone();
        let mut announcement = self.announcement.clone();
        match action {
            Action::Add(new) => {
                announcement = format!("Analysing {} file{}.", new.len(), if new.len() == 1 { "" } else { "s" });
                entries.extend(new);
            }
            Action::Remove(id) => entries.retain(|e| e.id != id),
            Action::Clear => entries.clear(),
            Action::Worker(msg) => {
                let (id, state) = match msg {
                    FromWorker::Ready => return self,
                    FromWorker::Progress { id, read, size } => (id, EntryState::Reading { read, size }),
                    FromWorker::Done { id, report, read, millis, wasm_memory } => {
                        (id, EntryState::Done { report: Rc::new(*report), read, millis, wasm_memory })
                    }
                    FromWorker::Failed { id, code, message } => (id, EntryState::Failed { code: code.into(), message: message.into() }),
                };
                if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
                    match &state {
                        EntryState::Done { report, .. } => {
                            announcement = format!("{}: {}. {}", e.name, report.linkage.as_str(), report.headline)
                        }
                        EntryState::Failed { message, .. } => announcement = format!("{}: cannot analyse. {message}", e.name),
                        _ => {}
                    }
                    // A late progress message never hides a result.
                    if !matches!(e.state, EntryState::Done { .. } | EntryState::Failed { .. }) || !matches!(state, EntryState::Reading { .. }) {
                        e.state = state;
                    }
                }
            }
        }
        Rc::new(Files { entries, announcement })
    }
}

/// Files from a drop: directories become an error entry of their own
/// (a browser hands them over as unreadable `File`s).
fn dropped(e: &DragEvent) -> (Vec<File>, Vec<String>) {
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

#[function_component(App)]
pub fn app() -> Html {
    let files = use_reducer(Files::default);
    let next_id = use_mut_ref(|| 1u32);
    let dragging = use_state(|| false);
    let bridge = {
        let dispatcher = files.dispatcher();
        use_memo((), move |_| WorkerBridge::new(move |msg| dispatcher.dispatch(Action::Worker(msg))))
    };

    let add_files = {
        let files = files.clone();
        let bridge = bridge.clone();
        let next_id = next_id.clone();
        Callback::from(move |(list, dirs): (Vec<File>, Vec<String>)| {
            let mut new = Vec::new();
            for name in dirs {
                let id = { let mut n = next_id.borrow_mut(); *n += 1; *n };
                new.push(Entry {
                    id,
                    name: name.clone().into(),
                    size: 0.0,
                    state: EntryState::Failed {
                        code: "io".into(),
                        message: format!("{name} is a folder. Drop the binary inside it instead.").into(),
                    },
                });
            }
            for f in list {
                let id = { let mut n = next_id.borrow_mut(); *n += 1; *n };
                new.push(Entry { id, name: f.name().into(), size: f.size(), state: EntryState::Queued });
                bridge.analyze(id, f);
            }
            if !new.is_empty() {
                files.dispatch(Action::Add(new));
            }
        })
    };

    // The whole page is a drop target.
    {
        let add_files = add_files.clone();
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let doc = crate::dom::document();
            let over = {
                let dragging = dragging.clone();
                Closure::<dyn Fn(DragEvent)>::new(move |e: DragEvent| {
                    e.prevent_default();
                    if let Some(dt) = e.data_transfer() {
                        dt.set_drop_effect("copy");
                    }
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
            let drop = {
                let dragging = dragging.clone();
                Closure::<dyn Fn(DragEvent)>::new(move |e: DragEvent| {
                    e.prevent_default();
                    dragging.set(false);
                    add_files.emit(dropped(&e));
                })
            };
            let _ = doc.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
            let _ = doc.add_event_listener_with_callback("dragleave", leave.as_ref().unchecked_ref());
            let _ = doc.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
            move || {
                let _ = doc.remove_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
                let _ = doc.remove_event_listener_with_callback("dragleave", leave.as_ref().unchecked_ref());
                let _ = doc.remove_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
            }
        });
    }

    // Hash routing: #/cause/dns, #/guide/zig, #/sample/lookuphost.
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
    // A sample link loads that sample (fetched now, not before) and shows its result.
    {
        let add_files = add_files.clone();
        let files = files.clone();
        let next_id = next_id.clone();
        use_effect_with((*route).clone(), move |route| {
            if let Route::Sample(slug) = route {
                let slug = slug.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match crate::dom::fetch_sample(&slug).await {
                        Ok(file) => add_files.emit((vec![file], Vec::new())),
                        Err(message) => {
                            let id = { let mut n = next_id.borrow_mut(); *n += 1; *n };
                            files.dispatch(Action::Add(vec![Entry {
                                id,
                                name: slug.into(),
                                size: 0.0,
                                state: EntryState::Failed { code: "sample".into(), message: message.into() },
                            }]));
                        }
                    }
                });
            }
        });
    }

    let on_files = {
        let add_files = add_files.clone();
        Callback::from(move |list: FileList| {
            add_files.emit(((0..list.length()).filter_map(|i| list.get(i)).collect(), Vec::new()));
        })
    };
    let on_remove = {
        let files = files.clone();
        Callback::from(move |id| files.dispatch(Action::Remove(id)))
    };
    let clear = {
        let files = files.clone();
        Callback::from(move |_| files.dispatch(Action::Clear))
    };
    let reports: Vec<(u32, AttrValue, Rc<Report>)> = files
        .entries
        .iter()
        .filter_map(|e| match &e.state {
            EntryState::Done { report, .. } => Some((e.id, e.name.clone(), report.clone())),
            _ => None,
        })
        .collect();

    html! {
        <>
            <Header />
            <Nav route={(*route).clone()} />
            <main id="main">
                { match &*route {
                    Route::Cause(id) => html! { <CausePage id={id.clone()} /> },
                    Route::Causes => html! { <CausesIndex /> },
                    Route::Guide(q) => html! { <GuidePage focus={q.clone().map(AttrValue::from)} /> },
                    Route::NotFound(p) => html! {
                        <article class="doc" data-testid="not-found"><h2>{"Page not found"}</h2>
                            <p>{format!("Nothing lives at #/{p}. ")}<a href="#/">{"Check a binary"}</a></p></article>
                    },
                    Route::Home | Route::Sample(_) => html! {},
                } }
                if matches!(*route, Route::Home | Route::Sample(_)) {
                <DropZone {on_files} dragging={*dragging} />
                <div class="visually-hidden" aria-live="polite" role="status" data-testid="live">{&files.announcement}</div>
                if !files.entries.is_empty() {
                    <div class="results-bar">
                        <h2 class="results-title">{format!("Results ({})", files.entries.len())}</h2>
                        <button type="button" onclick={clear} data-testid="clear">{"Clear all"}</button>
                    </div>
                }
                <div class="results">
                    { for files.entries.iter().rev().map(|e| html! { <FileResult key={e.id} entry={e.clone()} on_remove={on_remove.clone()} /> }) }
                </div>
                <CompareView {reports} />
                }
            </main>
            <footer class="site-footer">
                <p>{"linklens reads ELF, Mach-O and PE headers, Go build info and the pclntab. It never runs your binary (ldd can). Works offline once loaded."}</p>
            </footer>
        </>
    }
}
