//! What both workers share: posting a `FromWorker`, the clock, the wasm
//! memory figure, throttled progress, and the message queue that handles
//! one message at a time (a `.tar.gz` is awaited while the browser decodes
//! it, and the next file waits). `bin/worker.rs` answers single binaries
//! and share links and hands archives to `bin/archive_worker.rs`, fetched
//! and compiled only when the first archive arrives: the decoders, the
//! walker and the image judge (two fifths of the wasm) never delay the
//! first "static or not".

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::FromWorker;

pub mod archives;

/// This worker's global scope.
pub fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

pub fn post(scope: &DedicatedWorkerGlobalScope, msg: &FromWorker) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(v) = serde::Serialize::serialize(msg, &serializer) {
        let _ = scope.post_message(&v);
    }
}

pub fn now() -> f64 {
    js_sys::global().dyn_into::<web_sys::WorkerGlobalScope>().ok().and_then(|g| g.performance()).map(|p| p.now()).unwrap_or(0.0)
}

pub fn wasm_memory() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64)
        .unwrap_or(0.0)
}

/// `f` at most every `every` ms.
pub fn throttled(every: f64, mut f: impl FnMut()) -> impl FnMut() {
    let mut last = 0.0;
    move || {
        let t = now();
        if t - last > every {
            last = t;
            f();
        }
    }
}

thread_local! {
    static QUEUE: RefCell<VecDeque<JsValue>> = RefCell::default();
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Take messages from the page, each handled by `handle` in turn, in
/// order; then say this worker is ready.
pub fn serve<F: Future<Output = ()> + 'static>(handle: fn(JsValue) -> F) {
    let scope = scope();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
        QUEUE.with(|q| q.borrow_mut().push_back(msg.data()));
        if !BUSY.with(|b| b.replace(true)) {
            wasm_bindgen_futures::spawn_local(async move {
                while let Some(data) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
                    handle(data).await;
                }
                BUSY.with(|b| b.set(false));
            });
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&scope, &FromWorker::Ready);
}
