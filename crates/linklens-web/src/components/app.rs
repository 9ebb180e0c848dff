use linklens::catalogue::{fill, page, sentences};
use linklens::render::labels;
use web_sys::{File, FileList};
use yew::prelude::*;

use super::cause_page::CausePage;
use super::causes_index::CausesIndex;
use super::compare_view::CompareView;
use super::drop_zone::DropZone;
use super::file_result::FileResult;
use super::guide_page::GuidePage;
use super::header::Header;
use super::nav::Nav;
use super::shared_view::SharedView;
use crate::hooks::{use_hash_route, use_page_drop, use_sample};
use crate::route::Route;
use crate::state::{Action, Entry, EntryState, Files, Share};
use crate::worker_bridge::WorkerBridge;

/// The page: the route picks the view; files go to the worker and their
/// results into the reducer in `state.rs`.
#[function_component(App)]
pub fn app() -> Html {
    let files = use_reducer(Files::default);
    let next_id = use_mut_ref(|| 1u32);
    let bridge = {
        let dispatcher = files.dispatcher();
        use_memo((), move |_| WorkerBridge::new(move |msg| dispatcher.dispatch(Action::Worker(msg))))
    };
    let new_id = {
        let next_id = next_id.clone();
        move || {
            let mut n = next_id.borrow_mut();
            *n += 1;
            *n
        }
    };

    let add_files = {
        let files = files.dispatcher();
        let bridge = bridge.clone();
        let new_id = new_id.clone();
        Callback::from(move |(list, dirs): (Vec<File>, Vec<String>)| {
            let mut new = Vec::new();
            for name in dirs {
                let message = fill(page::FOLDER_DROPPED, &[("name", &name)]);
                new.push(Entry {
                    id: new_id(),
                    name: name.into(),
                    size: 0.0,
                    state: EntryState::Failed { code: "io".into(), message: message.into() },
                    file: None,
                    share: Share::None,
                });
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

    let dragging = use_page_drop(add_files.clone());
    let route = use_hash_route();
    {
        let add_files = add_files.clone();
        let files = files.dispatcher();
        let on_file = Callback::from(move |file: File| add_files.emit((vec![file], Vec::new())));
        let on_error = Callback::from(move |(slug, message): (String, String)| {
            let state = EntryState::Failed { code: "sample".into(), message: message.into() };
            files.dispatch(Action::Add(vec![Entry { id: new_id(), name: slug.into(), size: 0.0, state, file: None, share: Share::None }]));
        });
        use_sample(&route, on_file, on_error);
    }

    let on_files = {
        let add_files = add_files.clone();
        Callback::from(move |list: FileList| add_files.emit(((0..list.length()).filter_map(|i| list.get(i)).collect(), Vec::new())))
    };
    let on_cancel = {
        let bridge = bridge.clone();
        Callback::from(move |id: u32| WorkerBridge::cancel(&bridge, id))
    };
    let on_share = {
        let bridge = bridge.clone();
        let files = files.clone();
        Callback::from(move |id: u32| {
            if let Some(file) = files.entries.iter().find(|e| e.id == id).and_then(|e| e.file.clone()) {
                files.dispatch(Action::Share(id));
                bridge.hash(id, &file);
            }
        })
    };
    let on_remove = {
        let files = files.dispatcher();
        Callback::from(move |id| files.dispatch(Action::Remove(id)))
    };
    let clear = {
        let files = files.dispatcher();
        Callback::from(move |_| files.dispatch(Action::Clear))
    };
    let home = matches!(route, Route::Home | Route::Sample(_));

    html! {
        <>
            <Header />
            <Nav route={route.clone()} />
            <main id="main">
                { match &route {
                    Route::Cause(id) => html! { <CausePage id={id.clone()} /> },
                    Route::Causes => html! { <CausesIndex /> },
                    Route::Guide(q) => html! { <GuidePage focus={q.clone().map(AttrValue::from)} /> },
                    Route::NotFound(p) => html! {
                        <article class="doc" data-testid="not-found"><h2>{labels::PAGE_NOT_FOUND}</h2>
                            <p>{fill(page::NOT_FOUND, &[("path", p)])}{" "}<a href="#/">{labels::CHECK_A_BINARY}</a></p></article>
                    },
                    Route::Shared(payload) => html! { <SharedView payload={AttrValue::from(payload.clone())} /> },
                    Route::Home | Route::Sample(_) => html! {},
                } }
                if home {
                <DropZone {on_files} {dragging} />
                <div class="visually-hidden" aria-live="polite" role="status" data-testid="live">{&files.announcement}</div>
                if !files.entries.is_empty() {
                    <div class="results-bar">
                        <h2 class="results-title">{format!("Results ({})", files.entries.len())}</h2>
                        <button type="button" onclick={clear} data-testid="clear">{"Clear all"}</button>
                    </div>
                }
                <div class="results">
                    { for files.entries.iter().rev().map(|e| html! { <FileResult key={e.id} entry={e.clone()} on_remove={on_remove.clone()} on_cancel={on_cancel.clone()} on_share={on_share.clone()} /> }) }
                </div>
                <CompareView reports={files.reports()} />
                }
            </main>
            <footer class="site-footer">
                <p>{sentences::ABOUT}</p>
            </footer>
        </>
    }
}
