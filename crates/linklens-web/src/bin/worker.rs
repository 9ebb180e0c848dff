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

    use linklens::archive::ArchiveFormat;
    use linklens_web::blob_reader::BlobReader;
    use linklens_web::native_gzip;
    use linklens_web::protocol::{DecodedBy, FailureId, FromWorker, Rendered, ToWorker};
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

    /// Progress at most every `every` ms.
    fn throttled(every: f64, mut f: impl FnMut()) -> impl FnMut() {
        let mut last = 0.0;
        move || {
            let t = now();
            if t - last > every {
                last = t;
                f();
            }
        }
    }

    async fn handle(scope: &DedicatedWorkerGlobalScope, id: u32, blob: Blob) {
        let start = now();
        // The exports and member names carry the dropped file's name.
        let name = blob.dyn_ref::<web_sys::File>().map(|f| f.name()).unwrap_or_default();
        let progress_scope = scope.clone();
        let read_so_far = Rc::new(RefCell::new((0u64, 0u64)));
        let told = read_so_far.clone();
        let mut tell = throttled(50.0, move || {
            let (read, size) = *told.borrow();
            post(&progress_scope, &FromWorker::Progress { id, read: read as f64, size: size as f64 });
        });
        let reader = match BlobReader::new(blob.clone()) {
            Ok(r) => r.on_progress(move |read, size| {
                *read_so_far.borrow_mut() = (read, size);
                tell();
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
        if let Some(format) = linklens_archive::format(&head[..n]) {
            let natively = match format {
                ArchiveFormat::Gzip => natively(scope, id, &blob).await,
                _ => None,
            };
            let decoded_by = if natively.is_some() { DecodedBy::Browser } else { DecodedBy::Wasm };
            let archive = natively.or_else(|| in_wasm(scope, id, &mut reader));
            let msg = match archive {
                Some(archive) => {
                    let archive = linklens_explain::archive::ExplainedArchive::new(archive);
                    let rendered = archive
                        .members()
                        .map(|(path, r)| r.map(|r| Rendered::of(&linklens_explain::render::member_name(&name, path), &r)).unwrap_or_default())
                        .collect();
                    FromWorker::ArchiveDone { id, archive: Box::new(archive), rendered, millis: now() - start, wasm_memory: wasm_memory(), decoded_by }
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

    /// A progress callback for a walk: `Scanning` at most every 100 ms.
    fn scanning(scope: &DedicatedWorkerGlobalScope, id: u32, size: u64) -> impl FnMut(linklens_archive::Progress) {
        let scope = scope.clone();
        let latest = Rc::new(RefCell::new(linklens_archive::Progress { bytes: 0, files: 0, elf: 0 }));
        let told = latest.clone();
        let mut tell = throttled(100.0, move || {
            let p = *told.borrow();
            post(&scope, &FromWorker::Scanning { id, read: p.bytes as f64, size: size as f64, files: p.files as f64, elf: p.elf as f64 });
        });
        move |p| {
            *latest.borrow_mut() = p;
            tell();
        }
    }

    /// A gzip file inflated by the browser's own decoder, its tar walked in
    /// place; `None` when that cannot give the report the wasm's walk
    /// gives (no decoder, a damaged stream, a limit reached, not a whole
    /// tar inside): the caller then walks it in the wasm.
    async fn natively(scope: &DedicatedWorkerGlobalScope, id: u32, blob: &Blob) -> Option<linklens::archive::ArchiveReport> {
        let size = blob.size() as u64;
        let limits = linklens_archive::Limits::default();
        let mut progress = scanning(scope, id, size);
        let within = |consumed, decoded| limits.decoded_within(consumed, decoded, decoded);
        let inflated = native_gzip::inflate(blob, within, |decoded| progress(linklens_archive::Progress { bytes: decoded, files: 0, elf: 0 })).await.ok()?;
        let mut decoded = BlobReader::new(inflated.blob).ok()?;
        let report = linklens_archive::open_decoded(ArchiveFormat::Gzip, &mut decoded, inflated.len, size, &limits, Some(&mut progress));
        // A read of the decoded `Blob` refused (the browser could not keep
        // it all) is not damage in the archive: walk it in the wasm instead.
        report.filter(|_| decoded.failures == 0)
    }

    /// An archive walked in the wasm, every decoder included.
    fn in_wasm(scope: &DedicatedWorkerGlobalScope, id: u32, reader: &mut BlobReader) -> Option<linklens::archive::ArchiveReport> {
        let size = reader.size();
        let limits = linklens_archive::Limits::default();
        let mut progress = scanning(scope, id, size);
        linklens_archive::open(reader, size, &limits, Some(&mut progress))
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

    thread_local! {
        /// Messages wait here while one is handled: a `.tar.gz` is awaited
        /// (the browser decodes it), and the next file must not start then.
        static QUEUE: RefCell<std::collections::VecDeque<JsValue>> = RefCell::default();
        static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
            QUEUE.with(|q| q.borrow_mut().push_back(msg.data()));
            if !BUSY.with(|b| b.replace(true)) {
                wasm_bindgen_futures::spawn_local(drain(reply.clone()));
            }
        });
        scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        post(&scope, &FromWorker::Ready);
    }

    /// Handle the queued messages one after another, in order.
    async fn drain(reply: DedicatedWorkerGlobalScope) {
        while let Some(data) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
            match ToWorker::from_js(&data) {
                Some(ToWorker::Analyse { id, file }) => handle(&reply, id, file).await,
                Some(ToWorker::Share { id, file, report, name }) => share(&reply, id, file, &report, &name),
                Some(ToWorker::Open { fragment }) => open(&reply, fragment),
                None => {
                    let message = linklens_explain::catalogue::page::NO_FILE_IN_MESSAGE.into();
                    post(&reply, &FromWorker::Failed { id: ToWorker::id(&data), code: FailureId::Io, message });
                }
            }
        }
        BUSY.with(|b| b.set(false));
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
