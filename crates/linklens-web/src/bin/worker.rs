//! The analysis worker: receives `{id, file}`, reads the file lazily, runs
//! `linklens::analyze`, and posts back a `FromWorker` message. Running here
//! keeps the page responsive whatever the file's size.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the worker runs in a browser: build it with trunk");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;
    use std::rc::Rc;

    use linklens_web::blob_reader::BlobReader;
    use linklens_web::protocol::{FailureId, FromWorker, Rendered, ToWorker};
    use object::read::ReadCache;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

    fn post(scope: &DedicatedWorkerGlobalScope, msg: &FromWorker) {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(v) = serde::Serialize::serialize(msg, &serializer) {
            let _ = scope.post_message(&v);
        }
    }

    fn now() -> f64 {
        js_sys::global()
            .dyn_into::<web_sys::WorkerGlobalScope>()
            .ok()
            .and_then(|g| g.performance())
            .map(|p| p.now())
            .unwrap_or(0.0)
    }

    fn wasm_memory() -> f64 {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64)
            .unwrap_or(0.0)
    }

    fn handle(scope: &DedicatedWorkerGlobalScope, id: u32, blob: Blob) {
        let start = now();
        // The exports and member names carry the dropped file's name.
        let name = blob.dyn_ref::<web_sys::File>().map(|f| f.name()).unwrap_or_default();
        // Progress at most every 50 ms: reads are many and small.
        let last = Rc::new(RefCell::new(0.0));
        let progress_scope = scope.clone();
        let reader = match BlobReader::new(blob) {
            Ok(r) => r.on_progress(move |read, size| {
                let t = now();
                if t - *last.borrow() > 50.0 {
                    *last.borrow_mut() = t;
                    post(&progress_scope, &FromWorker::Progress { id, read: read as f64, size: size as f64 });
                }
            }),
            Err(message) => {
                post(scope, &FromWorker::Failed { id, code: FailureId::Io, message });
                return;
            }
        };
        // An archive or image: walk it where it lies, a report per binary.
        let mut reader = reader;
        let mut head = [0u8; linklens_archive::HEAD];
        let n = std::io::Read::read(&mut reader, &mut head).unwrap_or(0);
        let _ = std::io::Seek::seek(&mut reader, std::io::SeekFrom::Start(0));
        if linklens_archive::format(&head[..n]).is_some() {
            let size = reader.size();
            let limits = linklens_archive::Limits::default();
            let last = Rc::new(RefCell::new(0.0));
            let scope2 = scope.clone();
            let mut progress = move |p: linklens_archive::Progress| {
                let t = now();
                if t - *last.borrow() > 100.0 {
                    *last.borrow_mut() = t;
                    post(&scope2, &FromWorker::Scanning { id, read: p.bytes as f64, size: size as f64, files: p.files as f64, elf: p.elf as f64 });
                }
            };
            let msg = match linklens_archive::open(&mut reader, size, &limits, Some(&mut progress)) {
                Some(archive) => {
                    let archive = linklens_explain::archive::ExplainedArchive::new(archive);
                    let rendered = archive
                        .members()
                        .map(|(path, r)| r.map(|r| Rendered::of(&linklens_explain::render::member_name(&name, path), &r)).unwrap_or_default())
                        .collect();
                    FromWorker::ArchiveDone { id, archive: Box::new(archive), rendered, millis: now() - start, wasm_memory: wasm_memory() }
                }
                None => FromWorker::Failed { id, code: FailureId::Io, message: linklens_explain::catalogue::page::ARCHIVE_UNREADABLE.into() },
            };
            post(scope, &msg);
            return;
        }
        let cache = ReadCache::new(reader);
        let result = linklens::analyze(&cache);
        let read = cache.into_inner().bytes_read as f64;
        let msg = match result {
            Ok(facts) => {
                let report = linklens_explain::Report::new(facts);
                let rendered = Box::new(Rendered::of(&name, &report));
                FromWorker::Done { id, report: Box::new(report), rendered, read, millis: now() - start, wasm_memory: wasm_memory() }
            }
            Err(e) => FromWorker::Failed { id, code: FailureId::from(&e), message: linklens_explain::error::message(&e) },
        };
        post(scope, &msg);
    }

    /// A share link: the file's SHA-256, read front to back in 1 MiB
    /// steps, and the report (sent back by the page as JSON) encoded.
    fn share(scope: &DedicatedWorkerGlobalScope, id: u32, blob: Blob, report: &str, name: &str) {
        use sha2::Digest;
        let blob_size = blob.size() as u64;
        let msg = (|| {
            let mut reader = BlobReader::new(blob)?;
            let mut sha = sha2::Sha256::new();
            let mut buf = vec![0u8; 1 << 20];
            loop {
                let n = std::io::Read::read(&mut reader, &mut buf).map_err(|e| e.to_string())?;
                if n == 0 {
                    break;
                }
                sha.update(&buf[..n]);
            }
            Ok::<String, String>(sha.finalize().iter().map(|b| format!("{b:02x}")).collect())
        })();
        let msg = msg.and_then(|sha256| {
            let report: linklens_explain::Report = serde_json::from_str(report).map_err(|e| e.to_string())?;
            let fragment = linklens_explain::share::link(&report.facts, name, blob_size, &sha256);
            Ok(FromWorker::Linked { id, sha256, fragment })
        });
        post(scope, &msg.unwrap_or_else(|message| FromWorker::HashFailed { id, message }));
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
            let data = msg.data();
            match ToWorker::from_js(&data) {
                Some(ToWorker::Analyse { id, file }) => handle(&reply, id, file),
                Some(ToWorker::Share { id, file, report, name }) => share(&reply, id, file, &report, &name),
                Some(ToWorker::Open { fragment }) => open(&reply, fragment),
                None => {
                    let message = linklens_explain::catalogue::page::NO_FILE_IN_MESSAGE.into();
                    post(&reply, &FromWorker::Failed { id: ToWorker::id(&data), code: FailureId::Io, message });
                }
            }
        });
        scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        post(&scope, &FromWorker::Ready);
    }

    /// Open a share link: its facts explained and rendered, or why not.
    fn open(reply: &DedicatedWorkerGlobalScope, fragment: String) {
                let (shared, rendered, error) = match linklens_explain::share::open(&fragment) {
                    Ok(s) => {
                        let rendered = Box::new(Rendered::of(&s.name, &s.report));
                        (Some(Box::new(s)), Some(rendered), None)
                    }
                    Err(e) => (None, None, Some(e)),
                };
                post(reply, &FromWorker::Opened { fragment, shared, rendered, error });
    }
}
