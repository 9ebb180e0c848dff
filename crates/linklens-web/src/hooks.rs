//! The page's effects, as hooks: drops anywhere on the page, the hash
//! route, and loading a sample named by the route. Components stay pure
//! rendering; these own the browser listeners and remove them on unmount.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File};
use yew::prelude::*;

use crate::route::Route;

/// Files from a drop: directories become names of their own (a browser
/// hands them over as unreadable `File`s).
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
