use linklens_explain::catalogue::{fill, page, sentences};
use linklens_explain::render::labels;
use web_sys::{File, FileList};
use yew::prelude::*;

use super::compare_view::CompareView;
use super::doc_view::DocView;
use super::drop_zone::DropZone;
use super::file_result::FileResult;
use super::header::Header;
use super::nav::Nav;
use super::shared_view::SharedView;
use crate::docs::DocPage;
use crate::hooks::{use_files, use_hash_route, use_page_drop, use_sample, FilesHandle};
use crate::route::Route;

/// The page: the route picks the view; files go to the worker and their
/// results into the reducer in `state.rs`.
#[function_component(App)]
pub fn app() -> Html {
    let FilesHandle { files, add, share, cancel, remove, clear, fail, open } = use_files();
    let dragging = use_page_drop(add.clone());
    let route = use_hash_route();
    // A share link: the worker decodes it (the page carries no decoder).
    use_effect_with(route.clone(), move |route| {
        if let Route::Shared(fragment) = route {
            open.emit(fragment.clone());
        }
    });
    {
        let add = add.clone();
        let on_file = Callback::from(move |file: File| add.emit((vec![file], Vec::new())));
        use_sample(&route, on_file, fail);
    }
    let on_files = {
        let add = add.clone();
        Callback::from(move |list: FileList| add.emit(((0..list.length()).filter_map(|i| list.get(i)).collect(), Vec::new())))
    };
    let clear = Callback::from(move |_| clear.emit(()));
    let home = matches!(route, Route::Home | Route::Sample(_));

    html! {
        <>
            <Header />
            <Nav route={route.clone()} />
            <main id="main">
                { match (&route, DocPage::of(&route)) {
                    (_, Some(Ok(page))) => {
                        let focus = match &route { Route::Guide(q) => q.clone().map(AttrValue::from), _ => None };
                        html! { <DocView {page} {focus} /> }
                    }
                    (_, Some(Err(id))) => html! {
                        <article class="doc" data-testid="not-found"><h2>{labels::PAGE_NOT_FOUND}</h2>
                            <p>{fill(page::NO_SUCH_TOPIC, &[("id", &id)])}{" "}<a href="#/causes">{labels::CAUSES}</a></p></article>
                    },
                    (Route::NotFound(p), _) => html! {
                        <article class="doc" data-testid="not-found"><h2>{labels::PAGE_NOT_FOUND}</h2>
                            <p>{fill(page::NOT_FOUND, &[("path", p)])}{" "}<a href="#/">{labels::CHECK_A_BINARY}</a></p></article>
                    },
                    (Route::Shared(fragment), _) => {
                        let opened = files.opened.as_ref().filter(|(f, _)| f == fragment).map(|(_, o)| o.clone());
                        html! { <SharedView {opened} /> }
                    }
                    _ => html! {},
                } }
                if home {
                <DropZone {on_files} {dragging} />
                <div class="visually-hidden" aria-live="polite" role="status" data-testid="live">{&files.announcement}</div>
                if !files.entries.is_empty() {
                    <div class="results-bar">
                        <h2 class="results-title">{fill(page::RESULTS_COUNT, &[("count", &files.entries.len().to_string())])}</h2>
                        <button type="button" onclick={clear} data-testid="clear">{page::CLEAR_ALL}</button>
                    </div>
                }
                <div class="results">
                    { for files.entries.iter().rev().map(|e| html! { <FileResult key={e.id} entry={e.clone()} on_remove={remove.clone()} on_cancel={cancel.clone()} on_share={share.clone()} /> }) }
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
