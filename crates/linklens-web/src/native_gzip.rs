//! gzip decoded by the browser itself (`DecompressionStream`): native
//! code, off the worker's wasm. The page uses it for the samples it
//! fetches ([`gunzip`]); the archive worker for a dropped `.tar.gz`, which
//! `web/inflate.js` decodes in a worker of its own ([`Inflater`]) while the
//! archive worker walks the pieces already decoded
//! (`linklens_archive::Feed`) — or, for a compressed image, gathers them
//! into a `Blob` ([`Gathered`]: held by the browser, paged to disk when
//! large, not in the worker's memory) to walk it in place.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::{Poll, Waker};

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, MessageEvent, ReadableStream, Worker, WritableStream};

/// The script of the decoding worker (beside the archive worker's).
const SCRIPT: &str = "inflate.js";
/// The file's bytes are handed to the decoder in pieces of at most this
/// (the browser reads a file in chunks of up to 2 MiB).
const PIECE: u32 = 1 << 20;
/// Pieces handed on but perhaps not yet taken by the decoder, at most:
/// under backpressure the transform's queue holds the rest of one chunk
/// (two pieces), the decoder's input one, the pipe one in hand. The count
/// so lags the decoder by at most 4 MiB.
const IN_FLIGHT: u32 = 4;
/// Decoded bytes the decoding worker posts in one message, at least (but
/// for the last).
const BATCH: u32 = 1 << 20;
/// Decoded bytes posted by the decoding worker and not yet taken by the
/// walk, at most: what waits in the archive worker's queue.
const WINDOW: u32 = 16 << 20;
/// Decoded bytes gathered before they are handed to the browser as one
/// more part of the `Blob`.
const FOLD: u64 = 64 << 20;

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

/// What the decoding worker said.
pub enum Decoded {
    /// The next piece, and a lower bound of the compressed bytes the
    /// decoder had taken when it gave it.
    Piece { bytes: Uint8Array, consumed: u64 },
    End,
    /// The stream is damaged or cut short, the file could not be read, or
    /// the worker could not start.
    Failed,
    /// No `DecompressionStream` in this browser.
    Unsupported,
}

/// Messages as they arrive, and the walk waiting for the next one.
#[derive(Default)]
struct Inbox {
    queue: RefCell<VecDeque<JsValue>>,
    waker: RefCell<Option<Waker>>,
}

impl Inbox {
    fn put(&self, v: JsValue) {
        self.queue.borrow_mut().push_back(v);
        if let Some(w) = self.waker.borrow_mut().take() {
            w.wake();
        }
    }
}

/// A `.tar.gz` decoded in `web/inflate.js`'s worker, piece by piece.
/// Dropping it stops that worker.
pub struct Inflater {
    worker: Worker,
    inbox: Rc<Inbox>,
    /// The pieces of the last message not yet taken, with their counts.
    batch: RefCell<VecDeque<(Uint8Array, u64)>>,
    _heard: [Closure<dyn FnMut(JsValue)>; 2],
}

impl Inflater {
    /// Start decoding `file`; `None` when no worker can be started here.
    pub fn start(file: &Blob) -> Option<Inflater> {
        let worker = Worker::new(SCRIPT).ok()?;
        let inbox = Rc::new(Inbox::default());
        let to = inbox.clone();
        let message = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| to.put(e.unchecked_into::<MessageEvent>().data()));
        let to = inbox.clone();
        // The script failed to load or threw: said as a failure.
        let error = Closure::<dyn FnMut(JsValue)>::new(move |_| to.put(JsValue::NULL));
        worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(error.as_ref().unchecked_ref()));
        let start = js_sys::Object::new();
        for (k, v) in [("file", JsValue::from(file)), ("piece", PIECE.into()), ("inFlight", IN_FLIGHT.into()), ("batch", BATCH.into()), ("window", WINDOW.into())] {
            Reflect::set(&start, &k.into(), &v).ok()?;
        }
        worker.post_message(&start).ok()?;
        Some(Inflater { worker, inbox, batch: RefCell::default(), _heard: [message, error] })
    }

    /// The next thing the decoder says.
    pub async fn next(&self) -> Decoded {
        if let Some((bytes, consumed)) = self.batch.borrow_mut().pop_front() {
            return Decoded::Piece { bytes, consumed };
        }
        let data = std::future::poll_fn(|cx| match self.inbox.queue.borrow_mut().pop_front() {
            Some(v) => Poll::Ready(v),
            None => {
                *self.inbox.waker.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
        })
        .await;
        let field = |k: &str| Reflect::get(&data, &k.into()).ok().filter(|v| !v.is_undefined());
        if let (Some(pieces), Some(counts)) = (field("pieces"), field("consumed")) {
            let (pieces, counts) = (Array::from(&pieces), Array::from(&counts));
            let mut batch = self.batch.borrow_mut();
            for (bytes, count) in pieces.iter().zip(counts.iter()) {
                let Ok(bytes) = bytes.dyn_into::<Uint8Array>() else { return Decoded::Failed };
                // A count beyond 2^53 is no file's; never more than it says.
                let count = count.as_f64().filter(|c| (0.0..9.0e15).contains(c)).map_or(0, |c| c as u64);
                batch.push_back((bytes, count));
            }
            return match batch.pop_front() {
                Some((bytes, consumed)) => Decoded::Piece { bytes, consumed },
                None => Decoded::Failed,
            };
        }
        if field("end").is_some() {
            Decoded::End
        } else if field("unsupported").is_some() {
            Decoded::Unsupported
        } else {
            Decoded::Failed
        }
    }

    /// The walk has taken `decoded` bytes: once it has taken a whole
    /// message's, the decoder may go on.
    pub fn taken(&self, decoded: u64) {
        if !self.batch.borrow().is_empty() {
            return;
        }
        let ack = js_sys::Object::new();
        if Reflect::set(&ack, &"ack".into(), &(decoded as f64).into()).is_ok() {
            let _ = self.worker.post_message(&ack);
        }
    }
}

impl Drop for Inflater {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Decoded pieces gathered into one `Blob`, folded every [`FOLD`] bytes.
#[derive(Default)]
pub struct Gathered {
    gathered: Array,
    parts: Array,
    pending: u64,
    /// Bytes gathered.
    pub len: u64,
}

impl Gathered {
    pub fn push(&mut self, bytes: &Uint8Array) -> Result<(), ()> {
        self.parts.push(bytes);
        self.pending += u64::from(bytes.length());
        self.len += u64::from(bytes.length());
        if self.pending >= FOLD {
            self.gathered = Array::of1(&fold(&self.gathered, &self.parts)?.into());
            self.parts = Array::new();
            self.pending = 0;
        }
        Ok(())
    }
    pub fn blob(self) -> Result<Blob, ()> {
        fold(&self.gathered, &self.parts)
    }
}

/// The parts gathered so far and the new ones, as one `Blob` (the browser
/// references the earlier parts, it does not copy them).
fn fold(gathered: &Array, parts: &Array) -> Result<Blob, ()> {
    Blob::new_with_blob_sequence(&gathered.concat(parts)).map_err(|_| ())
}
