//! The worker's hand-off of archives: a file with an archive's magic goes
//! to the archive worker (`bin/archive_worker.rs`), started inside this
//! worker on the first archive, and what it says goes back to the page as
//! it is. Ending this worker (a cancel) ends it too; if it dies, the files
//! it held are failed and the next archive starts a new one.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use super::{post, scope};
use crate::protocol::{FailureId, FromWorker};

/// Trunk writes this loader beside `worker_loader.js`.
const URL: &str = "archive_worker_loader.js";

struct Archives {
    worker: Worker,
    ready: bool,
    /// Messages for it until it says it is ready (a worker's messages
    /// that arrive before its wasm listens are lost).
    waiting: Vec<JsValue>,
    /// The files it holds.
    held: Vec<u32>,
    _handlers: [Closure<dyn Fn(web_sys::Event)>; 2],
}

thread_local! {
    static ARCHIVES: RefCell<Option<Archives>> = const { RefCell::new(None) };
    /// A dead worker's handlers: one of them is still running when it is
    /// replaced, so they are dropped one generation later.
    static RETIRED: RefCell<Option<[Closure<dyn Fn(web_sys::Event)>; 2]>> = const { RefCell::new(None) };
}

/// Hand the page's message about file `id` (an archive) to the archive worker.
pub fn forward(id: u32, message: JsValue) {
    ARCHIVES.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = spawn();
        }
        let Some(a) = a.as_mut() else {
            let message = linklens_explain::catalogue::page::WORKER_FAILED.into();
            return post(&scope(), &FromWorker::Failed { id, code: FailureId::Worker, message });
        };
        a.held.push(id);
        if a.ready {
            let _ = a.worker.post_message(&message);
        } else {
            a.waiting.push(message);
        }
    });
}

/// The key and the file id of a message from the archive worker
/// (`{"archive-done": {"id": …}}`; `"ready"` has neither).
fn key_and_id(data: &JsValue) -> Option<(String, u32)> {
    let key = js_sys::Object::keys(data.dyn_ref::<js_sys::Object>()?).get(0).as_string()?;
    let inner = js_sys::Reflect::get(data, &key.as_str().into()).ok()?;
    let id = js_sys::Reflect::get(&inner, &"id".into()).ok()?.as_f64()?;
    Some((key, id as u32))
}

fn spawn() -> Option<Archives> {
    let worker = Worker::new(URL).ok()?;
    let onmessage = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        let Ok(e) = e.dyn_into::<MessageEvent>() else { return };
        let data = e.data();
        ARCHIVES.with(|a| {
            let mut a = a.borrow_mut();
            let Some(a) = a.as_mut() else { return };
            if data.as_string().as_deref() == Some("ready") {
                a.ready = true;
                for message in a.waiting.drain(..) {
                    let _ = a.worker.post_message(&message);
                }
                return;
            }
            if let Some((key, id)) = key_and_id(&data) {
                if key == "archive-done" || key == "failed" {
                    a.held.retain(|x| *x != id);
                }
            }
            let _ = scope().post_message(&data);
        });
    });
    let onerror = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default();
        let Some(dead) = ARCHIVES.with(|a| a.borrow_mut().take()) else { return };
        dead.worker.terminate();
        for id in dead.held {
            let message = linklens_explain::catalogue::page::WORKER_CRASHED.into();
            post(&scope(), &FromWorker::Failed { id, code: FailureId::Crash, message });
        }
        RETIRED.with(|r| *r.borrow_mut() = Some(dead._handlers));
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    Some(Archives { worker, ready: false, waiting: Vec::new(), held: Vec::new(), _handlers: [onmessage, onerror] })
}
