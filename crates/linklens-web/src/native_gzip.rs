//! gzip decoded by the browser itself (`DecompressionStream`): native
//! code, off the worker's wasm. The page uses it for the samples it
//! fetches; the worker for a dropped `.tar.gz`, whose content it gathers
//! into a `Blob` (held by the browser, paged to disk when large — not in
//! the worker's memory) and then walks in place with
//! `linklens_archive::open_decoded`.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableStreamDefaultReader, WritableStream};

/// The file's bytes are handed to the decoder in pieces of at most this
/// (the browser reads a file in chunks of up to 2 MiB).
const PIECE: u32 = 1 << 20;
/// Pieces handed on but perhaps not yet taken by the decoder, at most:
/// under backpressure the transform's queue holds the rest of one chunk
/// (two pieces), the decoder's input one, the pipe one in hand. The count
/// so lags the decoder by at most 4 MiB, as feeding it 4 MiB slices did.
const IN_FLIGHT: usize = 4;
/// Decoded bytes gathered in the worker before they are handed to the
/// browser as one more part of the `Blob`.
const FOLD: u64 = 64 << 20;

/// Why the browser's decoder was not used; the caller then decodes in the
/// wasm, as everywhere else, and reports what that finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unused {
    /// No `DecompressionStream` in this browser.
    Unsupported,
    /// The stream is damaged, cut short or followed by other bytes, or the
    /// file could not be read.
    Refused,
    /// The stream passed a limit (or may have: the caller's walk decides).
    Limit,
}

/// A `DecompressionStream("gzip")`, its writable and readable sides.
/// web-sys has the type only behind its unstable flag: the constructor is
/// taken from the global scope by name.
fn decoder() -> Result<(WritableStream, ReadableStream), JsValue> {
    let ctor: js_sys::Function = Reflect::get(&js_sys::global(), &"DecompressionStream".into())?.dyn_into()?;
    let gunzip = Reflect::construct(&ctor, &Array::of1(&"gzip".into()))?;
    let writable = Reflect::get(&gunzip, &"writable".into())?.dyn_into()?;
    let readable = Reflect::get(&gunzip, &"readable".into())?.dyn_into()?;
    Ok((writable, readable))
}

/// `stream` decoded as gzip.
pub fn gunzip(stream: &ReadableStream) -> Result<ReadableStream, JsValue> {
    let (writable, readable) = decoder()?;
    let pair = js_sys::Object::new();
    Reflect::set(&pair, &"readable".into(), &readable)?;
    Reflect::set(&pair, &"writable".into(), &writable)?;
    Ok(stream.pipe_through(pair.unchecked_ref()))
}

/// What was decoded: the content and its length.
pub struct Inflated {
    pub blob: Blob,
    pub len: u64,
}

/// Decode the gzip file `file` into a `Blob`. `within(consumed, decoded)`
/// is asked after every decoded chunk, with a lower bound of the
/// compressed bytes the decoder has consumed; `progress(decoded)` is told
/// how far it got.
pub async fn inflate(file: &Blob, within: impl Fn(u64, u64) -> bool, mut progress: impl FnMut(u64)) -> Result<Inflated, Unused> {
    // The file's own stream piped through the decoder: the browser moves
    // the bytes (feeding it slices read here cost a fifth more time), and a
    // transform on the way hands them on in pieces of at most `PIECE`,
    // counting them. The last `IN_FLIGHT` pieces are not counted yet: the
    // decoder may not have taken them, and a count that ran ahead would
    // let a bomb's ratio pass here that the wasm's walk refuses (a count
    // too low only sends the file there).
    let consumed = Rc::new(Cell::new(0u64));
    let counted = consumed.clone();
    let mut recent = std::collections::VecDeque::with_capacity(IN_FLIGHT + 1);
    let count = Closure::<dyn FnMut(JsValue, JsValue) -> Result<(), JsValue>>::new(move |chunk: JsValue, controller: JsValue| {
        let enqueue: js_sys::Function = Reflect::get(&controller, &"enqueue".into())?.dyn_into()?;
        let chunk: Uint8Array = chunk.dyn_into()?;
        let mut at = 0;
        while at < chunk.length() {
            let end = chunk.length().min(at.saturating_add(PIECE));
            enqueue.call1(&controller, &chunk.subarray(at, end))?;
            recent.push_back(end - at);
            if recent.len() > IN_FLIGHT {
                let taken = recent.pop_front().unwrap_or(0);
                counted.set(counted.get().saturating_add(u64::from(taken)));
            }
            at = end;
        }
        Ok(())
    });
    let readable = counting(file, &count).and_then(|s| gunzip(&s)).map_err(|_| Unused::Unsupported)?;
    let reader = ReadableStreamDefaultReader::new(&readable).map_err(|_| Unused::Unsupported)?;
    let (mut gathered, mut parts, mut pending, mut decoded) = (Array::new(), Array::new(), 0u64, 0u64);
    loop {
        // A read error of the file or a damaged stream ends the pipe with
        // an error, seen here.
        let Ok(chunk) = JsFuture::from(reader.read()).await else { return Err(Unused::Refused) };
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let Ok(bytes) = Reflect::get(&chunk, &"value".into()).and_then(|v| v.dyn_into::<Uint8Array>()) else {
            return Err(Unused::Refused);
        };
        decoded = decoded.saturating_add(u64::from(bytes.length()));
        if !within(consumed.get(), decoded) {
            // Awaited, as every promise here: a rejection left unhandled
            // would be reported as the worker's error.
            let _ = JsFuture::from(reader.cancel()).await;
            return Err(Unused::Limit);
        }
        parts.push(&bytes);
        pending += u64::from(bytes.length());
        if pending >= FOLD {
            gathered = Array::of1(&fold(&gathered, &parts)?.into());
            parts = Array::new();
            pending = 0;
        }
        progress(decoded);
    }
    // The pipe has ended: the transform is not called again.
    drop(count);
    Ok(Inflated { blob: fold(&gathered, &parts)?, len: decoded })
}

/// `file`'s stream through a `TransformStream` whose `transform` is
/// `count` (taken by name from the global scope, as the decoder is).
fn counting(file: &Blob, count: &Closure<dyn FnMut(JsValue, JsValue) -> Result<(), JsValue>>) -> Result<ReadableStream, JsValue> {
    let transformer = js_sys::Object::new();
    Reflect::set(&transformer, &"transform".into(), count.as_ref())?;
    let ctor: js_sys::Function = Reflect::get(&js_sys::global(), &"TransformStream".into())?.dyn_into()?;
    let transform = Reflect::construct(&ctor, &Array::of1(&transformer))?;
    Ok(file.stream().pipe_through(transform.unchecked_ref()))
}

/// The parts gathered so far and the new ones, as one `Blob` (the browser
/// references the earlier parts, it does not copy them).
fn fold(gathered: &Array, parts: &Array) -> Result<Blob, Unused> {
    Blob::new_with_blob_sequence(&gathered.concat(parts)).map_err(|_| Unused::Refused)
}
