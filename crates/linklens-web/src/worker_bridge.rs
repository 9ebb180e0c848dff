//! The page's side of the worker: spawn it, queue files until it says it
//! is ready, route its messages to the app, and survive a crash (a new
//! worker is spawned and the files in flight are reported as failed).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::protocol::{FailureId, FromWorker, ToWorker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, MessageEvent, Worker};


/// Trunk writes this loader next to index.html (`data-loader-shim`); a
/// relative URL keeps the app working from any sub-path.
const WORKER_URL: &str = "worker_loader.js";
/// Where `init.js` leaves the worker it started early.
const PRESTARTED: &str = "linklensWorker";

pub struct WorkerBridge {
    worker: RefCell<Option<Worker>>,
    ready: Cell<bool>,
    queue: RefCell<Vec<(u32, File)>>,
    in_flight: RefCell<Vec<u32>>,
    /// The files the worker holds, to send again when it is restarted.
    held: RefCell<Vec<(u32, File)>>,
    /// Files being hashed for a share link (answered or failed on a crash).
    hashing: RefCell<Vec<u32>>,
    /// A share link to open once the worker is ready.
    pending_open: RefCell<Option<String>>,
    on_message: Rc<dyn Fn(FromWorker)>,
    // The live worker's handlers; the previous worker's are kept one more
    // generation (the error handler that respawns is still running when
    // its replacement is installed), so respawns never pile them up.
    closures: RefCell<Vec<Closure<dyn Fn(web_sys::Event)>>>,
    retired: RefCell<Vec<Closure<dyn Fn(web_sys::Event)>>>,
}

impl WorkerBridge {
    pub fn new(on_message: impl Fn(FromWorker) + 'static) -> Rc<WorkerBridge> {
        let bridge = Rc::new(WorkerBridge {
            worker: RefCell::new(None),
            ready: Cell::new(false),
            queue: RefCell::new(Vec::new()),
            in_flight: RefCell::new(Vec::new()),
            held: RefCell::new(Vec::new()),
            hashing: RefCell::new(Vec::new()),
            pending_open: RefCell::new(None),
            on_message: Rc::new(on_message),
            closures: RefCell::new(Vec::new()),
            retired: RefCell::new(Vec::new()),
        });
        bridge
    }

    /// Adopt the worker `init.js` started beside the page's wasm, or start
    /// one (an embedding page has no `init.js`), once. Files chosen before
    /// it is ready wait in the queue.
    pub fn start(this: &Rc<WorkerBridge>) {
        if this.worker.borrow().is_none() {
            WorkerBridge::spawn(this);
        }
    }

    /// The worker `init.js` started before the page's wasm, once, and
    /// whether it has already said it is ready.
    fn prestarted() -> Option<(Worker, bool)> {
        let global = js_sys::global();
        let early = js_sys::Reflect::get(&global, &PRESTARTED.into()).ok().filter(|e| e.is_object())?;
        let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &PRESTARTED.into());
        let worker = js_sys::Reflect::get(&early, &"worker".into()).ok()?.dyn_into::<Worker>().ok()?;
        let ready = js_sys::Reflect::get(&early, &"ready".into()).ok().and_then(|r| r.as_bool()).unwrap_or(false);
        Some((worker, ready))
    }

    /// The worker is ready: send what waited for it.
    fn on_ready(&self) {
        self.ready.set(true);
        let queued: Vec<(u32, File)> = self.queue.borrow_mut().drain(..).collect();
        for (id, file) in queued {
            self.send(id, &file);
        }
        let pending = self.pending_open.borrow_mut().take();
        if let Some(fragment) = pending {
            self.open(&fragment);
        }
    }

    fn spawn(this: &Rc<WorkerBridge>) {
        this.ready.set(false);
        let (worker, ready) = match WorkerBridge::prestarted() {
            Some(early) => early,
            None => match Worker::new(&crate::dom::asset(WORKER_URL)) {
                Ok(w) => (w, false),
                Err(_) => {
                    (this.on_message)(FromWorker::Failed {
                        id: 0,
                        code: FailureId::Worker,
                        message: linklens_explain::catalogue::page::WORKER_FAILED.into(),
                    });
                    return;
                }
            },
        };
        let weak = Rc::downgrade(this);
        let onmessage = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let Some(this) = weak.upgrade() else { return };
            let Ok(e) = e.dyn_into::<MessageEvent>() else { return };
            let Ok(msg) = serde_wasm_bindgen::from_value::<FromWorker>(e.data()) else { return };
            match &msg {
                FromWorker::Ready => this.on_ready(),
                FromWorker::Done { id, .. } | FromWorker::ArchiveDone { id, .. } | FromWorker::Failed { id, .. } => {
                    this.in_flight.borrow_mut().retain(|x| x != id);
                    this.held.borrow_mut().retain(|(x, _)| x != id);
                }
                FromWorker::Linked { id, .. } | FromWorker::HashFailed { id, .. } => this.hashing.borrow_mut().retain(|x| x != id),
                FromWorker::Opened { .. } => {}
                FromWorker::Progress { .. } | FromWorker::Scanning { .. } => {}
            }
            (this.on_message)(msg);
        });
        let weak = Rc::downgrade(this);
        let onerror = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            let Some(this) = weak.upgrade() else { return };
            // The worker died (a trap in the wasm): fail what it held, start anew.
            let lost: Vec<u32> = this.in_flight.borrow_mut().drain(..).collect();
            this.held.borrow_mut().clear();
            let hashing: Vec<u32> = this.hashing.borrow_mut().drain(..).collect();
            for id in hashing {
                (this.on_message)(FromWorker::HashFailed { id, message: linklens_explain::catalogue::page::WORKER_CRASHED.into() });
            }
            for id in lost {
                (this.on_message)(FromWorker::Failed {
                    id,
                    code: FailureId::Crash,
                    message: linklens_explain::catalogue::page::WORKER_CRASHED.into(),
                });
            }
            if let Some(w) = this.worker.borrow_mut().take() {
                w.terminate();
            }
            WorkerBridge::spawn(&this);
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        let previous = std::mem::replace(&mut *this.closures.borrow_mut(), vec![onmessage, onerror]);
        *this.retired.borrow_mut() = previous;
        *this.worker.borrow_mut() = Some(worker);
        if ready {
            this.on_ready();
        }
    }

    fn send(&self, id: u32, file: &File) {
        let msg = ToWorker::Analyse { id, file: (**file).clone() }.to_js();
        if let Some(w) = self.worker.borrow().as_ref() {
            if w.post_message(&msg).is_ok() {
                self.in_flight.borrow_mut().push(id);
                self.held.borrow_mut().push((id, file.clone()));
            }
        }
    }

    /// A share link for a file already analysed (its report as JSON): the
    /// answer arrives through `on_message` as `Linked` with this id.
    pub fn share(&self, id: u32, file: &File, report: &str, name: &str) {
        let msg = ToWorker::Share { id, file: (**file).clone(), report: report.to_string(), name: name.to_string() }.to_js();
        let posted = self.ready.get() && self.worker.borrow().as_ref().is_some_and(|w| w.post_message(&msg).is_ok());
        if posted {
            self.hashing.borrow_mut().push(id);
        } else {
            (self.on_message)(FromWorker::HashFailed { id, message: linklens_explain::catalogue::page::WORKER_FAILED.into() });
        }
    }

    /// Open a share link's fragment; the answer arrives as `Opened` (queued
    /// until the worker is ready).
    pub fn open(&self, fragment: &str) {
        let msg = ToWorker::Open { fragment: fragment.to_string() }.to_js();
        if self.ready.get() {
            if let Some(w) = self.worker.borrow().as_ref() {
                let _ = w.post_message(&msg);
            }
        } else {
            self.pending_open.borrow_mut().replace(fragment.to_string());
        }
    }

    /// Stop the analysis of `id`. The worker reads synchronously and
    /// cannot be interrupted, so it is ended and a new one started; the
    /// other files it held are sent again.
    pub fn cancel(this: &Rc<WorkerBridge>, id: u32) {
        let queued = this.queue.borrow().iter().any(|(x, _)| *x == id);
        this.queue.borrow_mut().retain(|(x, _)| *x != id);
        if !queued && this.in_flight.borrow().contains(&id) {
            this.in_flight.borrow_mut().clear();
            let others: Vec<(u32, File)> = this.held.borrow_mut().drain(..).filter(|(x, _)| *x != id).collect();
            if let Some(w) = this.worker.borrow_mut().take() {
                w.terminate();
            }
            this.ready.set(false);
            this.queue.borrow_mut().splice(0..0, others);
            WorkerBridge::spawn(this);
        }
        (this.on_message)(FromWorker::Failed { id, code: FailureId::Cancelled, message: linklens_explain::catalogue::page::CANCELLED.into() });
    }

    /// Analyse a file; the result arrives through `on_message` with this id.
    pub fn analyze(&self, id: u32, file: File) {
        if self.ready.get() {
            self.send(id, &file);
        } else {
            self.queue.borrow_mut().push((id, file));
        }
    }
}
