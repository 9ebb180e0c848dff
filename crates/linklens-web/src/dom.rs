//! Small browser helpers: clipboard, downloads, the live region.

use linklens_explain::catalogue::{fill, page};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

thread_local! {
    /// Where the page's own files are (the worker, samples, the page
    /// itself): unset on the page, the script's directory when embedded.
    static BASE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Set where the page's files are (for the embedded checker).
pub fn set_base(url: &str) {
    BASE.with(|b| *b.borrow_mut() = Some(url.to_string()));
}

/// One of the page's files, by its path relative to the page: as it is on
/// the page, resolved against the script's directory when embedded.
pub fn asset(relative: &str) -> String {
    BASE.with(|b| match &*b.borrow() {
        Some(base) => Url::new_with_base(relative, base).map(|u| u.href()).unwrap_or_else(|_| relative.to_string()),
        None => relative.to_string(),
    })
}

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Move the keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    if let Some(e) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// `relative` resolved against the page's own address (for a link to copy).
pub fn absolute_url(relative: &str) -> String {
    let base = window().location().href().unwrap_or_default();
    Url::new_with_base(relative, &base).map(|u| u.href()).unwrap_or_else(|_| relative.to_string())
}

/// Copy text; resolves to whether it worked.
pub async fn copy(text: String) -> bool {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(&text)).await.is_ok()
}

/// Offer `text` as a file download, without any network request.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let props = BlobPropertyBag::new();
    props.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &props) else { return };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document().create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = Url::revoke_object_url(&url);
}

/// Why one of the page's own files did not arrive.
enum Missed {
    /// No answer (offline, before the service worker had it).
    Offline,
    /// An answer other than 2xx.
    Status(u16),
}

/// GET one of the page's own files (resolved by [`asset`]).
async fn get(relative: &str) -> Result<web_sys::Response, Missed> {
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(&asset(relative)))
        .await
        .map_err(|_| Missed::Offline)?
        .dyn_into()
        .map_err(|_| Missed::Offline)?;
    if response.ok() { Ok(response) } else { Err(Missed::Status(response.status())) }
}

/// Fetch one of the page's text files (a documentation page); the error
/// is the reason, for a sentence of the catalogue.
pub async fn fetch_text(relative: &str) -> Result<String, String> {
    let response = get(relative).await.map_err(|m| match m {
        Missed::Offline => page::REASON_OFFLINE.to_string(),
        Missed::Status(status) => fill(page::REASON_STATUS, &[("status", &status.to_string())]),
    })?;
    let unreadable = |_| page::REASON_UNREADABLE.to_string();
    let text = JsFuture::from(response.text().map_err(unreadable)?).await.map_err(unreadable)?;
    text.as_string().ok_or_else(|| page::REASON_UNREADABLE.to_string())
}

/// Fetch `samples/<slug>.gz` (same origin, relative URL), decompress it
/// with the browser's own `DecompressionStream` (the page ships no inflate
/// code), and wrap it in a `File` named after its fixture, as if dropped.
pub async fn fetch_sample(slug: &str) -> Result<web_sys::File, String> {
    let said = |template: &str| fill(template, &[("slug", slug)]);
    let sample = crate::samples::find(slug).ok_or_else(|| said(page::SAMPLE_UNKNOWN))?;
    let response = get(&format!("samples/{slug}.gz")).await.map_err(|m| match m {
        Missed::Offline => said(page::SAMPLE_OFFLINE),
        Missed::Status(status) => fill(page::SAMPLE_STATUS, &[("slug", slug), ("status", &status.to_string())]),
    })?;
    let damaged = |_| said(page::SAMPLE_DAMAGED);
    let body = response.body().ok_or_else(|| said(page::SAMPLE_EMPTY))?;
    let inflated = crate::native_gzip::gunzip(&body).map_err(damaged)?;
    let raw = web_sys::Response::new_with_opt_readable_stream(Some(&inflated)).map_err(damaged)?;
    let blob: Blob = JsFuture::from(raw.blob().map_err(damaged)?).await.map_err(damaged)?.dyn_into().map_err(damaged)?;
    web_sys::File::new_with_blob_sequence(&js_sys::Array::of1(&blob), sample.fixture).map_err(|_| page::NO_FILES_HERE.to_string())
}
