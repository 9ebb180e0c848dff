//! Small browser helpers: clipboard, downloads, the live region.

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

/// Fetch `samples/<slug>.gz` (same origin, relative URL), decompress it,
/// and wrap it in a `File` named after its fixture, as if it were dropped.
pub async fn fetch_sample(slug: &str) -> Result<web_sys::File, String> {
    use std::io::Read;
    let sample = crate::samples::find(slug).ok_or_else(|| format!("There is no sample called “{slug}”."))?;
    let fail = |_| format!("The sample “{slug}” could not be loaded (offline before it was ever loaded?).");
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(&asset(&format!("samples/{slug}.gz"))))
        .await
        .map_err(fail)?
        .dyn_into()
        .map_err(fail)?;
    if !response.ok() {
        return Err(format!("The sample “{slug}” could not be loaded (HTTP {}).", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(fail)?).await.map_err(fail)?;
    let gz = js_sys::Uint8Array::new(&buffer).to_vec();
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut raw).map_err(|e| format!("The sample “{slug}” is damaged: {e}"))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(raw.as_slice()));
    web_sys::File::new_with_u8_array_sequence(&parts, sample.fixture).map_err(|_| "This browser cannot create files.".to_string())
}
