//! The analysis worker: receives `{id, file}`, reads the file lazily, runs
//! `linklens::analyze`, and posts back a `FromWorker` message; it also
//! makes and opens share links. An archive is handed to the archive
//! worker (`archive_worker.rs`), started here when the first one comes.
//! Running here keeps the page responsive whatever the file's size.

#[cfg(target_arch = "wasm32")]
fn main() {
    linklens_web::worker::serve(worker::handle);
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
    use linklens_web::worker::{archives, now, post, scope, throttled, wasm_memory};
    use object::read::ReadCache;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Blob, DedicatedWorkerGlobalScope};

    /// One message from the page.
    pub async fn handle(data: JsValue) {
        let reply = scope();
        match ToWorker::from_js(&data) {
            Some(ToWorker::Analyse { id, file }) => analyse(&reply, id, file, data),
            Some(ToWorker::Share { id, file, report, name }) => share(&reply, id, file, &report, &name),
            Some(ToWorker::Open { fragment }) => open(&reply, fragment),
            None => {
                let message = linklens_explain::catalogue::page::NO_FILE_IN_MESSAGE.into();
                post(&reply, &FromWorker::Failed { id: ToWorker::id(&data), code: FailureId::Io, message });
            }
        }
    }

    fn analyse(scope: &DedicatedWorkerGlobalScope, id: u32, blob: Blob, message: JsValue) {
        let start = now();
        // The exports carry the dropped file's name.
        let name = blob.dyn_ref::<web_sys::File>().map(|f| f.name()).unwrap_or_default();
        let progress_scope = scope.clone();
        let read_so_far = Rc::new(RefCell::new((0u64, 0u64)));
        let told = read_so_far.clone();
        let mut tell = throttled(50.0, move || {
            let (read, size) = *told.borrow();
            post(&progress_scope, &FromWorker::Progress { id, read: read as f64, size: size as f64 });
        });
        let mut reader = match BlobReader::new(blob) {
            Ok(r) => r.on_progress(move |read, size| {
                *read_so_far.borrow_mut() = (read, size);
                tell();
            }),
            Err(message) => {
                post(scope, &FromWorker::Failed { id, code: FailureId::Io, message });
                return;
            }
        };
        // An archive or image: the archive worker walks it.
        let mut head = [0u8; linklens_archive::HEAD];
        let n = std::io::Read::read(&mut reader, &mut head).unwrap_or(0);
        if linklens_archive::format(&head[..n]).is_some() {
            return archives::forward(id, message);
        }
        let _ = std::io::Seek::seek(&mut reader, std::io::SeekFrom::Start(0));
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
        use linklens_explain::catalogue::page;
        use sha2::Digest;
        let blob_size = blob.size() as u64;
        let msg = (|| {
            let mut reader = BlobReader::new(blob)?;
            let mut sha = sha2::Sha256::new();
            let mut buf = vec![0u8; 1 << 20];
            loop {
                // The browser's own words stay in the console; the page says ours.
                let n = std::io::Read::read(&mut reader, &mut buf).map_err(|_| page::SHARE_UNREADABLE.to_string())?;
                if n == 0 {
                    break;
                }
                sha.update(&buf[..n]);
            }
            Ok::<String, String>(sha.finalize().iter().map(|b| format!("{b:02x}")).collect())
        })();
        let msg = msg.and_then(|sha256| {
            let report: linklens_explain::Report = serde_json::from_str(report).map_err(|_| page::SHARE_NO_REPORT.to_string())?;
            let fragment = linklens_explain::share::link(&report.facts, name, blob_size, &sha256);
            Ok(FromWorker::Linked { id, sha256, fragment })
        });
        post(scope, &msg.unwrap_or_else(|message| FromWorker::HashFailed { id, message }));
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
