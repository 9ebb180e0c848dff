//! The archive worker: started by the analysis worker when the first
//! archive or image arrives, it walks each one (a `.tar.gz` as the
//! browser's own gzip decoder gives it, in a worker of its own; the wasm's
//! decoders for the rest) and posts
//! `Scanning`, then `ArchiveDone` with a rendered result per binary, or
//! `Failed`. Kept apart so that its decoders, walker and image judge never
//! delay the first answer about a single binary.

#[cfg(target_arch = "wasm32")]
fn main() {
    linklens_web::worker::serve(archive::handle);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the archive worker runs in a browser: build it with trunk");
}

#[cfg(target_arch = "wasm32")]
mod archive {
    use std::cell::RefCell;
    use std::rc::Rc;

    use linklens::archive::{ArchiveFormat, ArchiveReport};
    use linklens_web::blob_reader::BlobReader;
    use linklens_web::held::Held;
    use linklens_archive::{Decline, Fed};
    use linklens_web::native_gzip::{self, Decoded};
    use linklens_web::protocol::{DecodedBy, FailureId, FromWorker, Rendered, ToWorker};
    use linklens_web::worker::{now, post, scope, throttled, wasm_memory};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Blob, DedicatedWorkerGlobalScope};

    /// One archive handed on by the analysis worker.
    pub async fn handle(data: JsValue) {
        let reply = scope();
        let Some(ToWorker::Analyse { id, file }) = ToWorker::from_js(&data) else {
            let message = linklens_explain::catalogue::page::NO_FILE_IN_MESSAGE.into();
            return post(&reply, &FromWorker::Failed { id: ToWorker::id(&data), code: FailureId::Io, message });
        };
        walk(&reply, id, file).await;
    }

    async fn walk(scope: &DedicatedWorkerGlobalScope, id: u32, blob: Blob) {
        let start = now();
        // Member names carry the dropped file's name.
        let name = blob.dyn_ref::<web_sys::File>().map(|f| f.name()).unwrap_or_default();
        let mut reader = match BlobReader::new(blob.clone()) {
            Ok(r) => r,
            Err(message) => return post(scope, &FromWorker::Failed { id, code: FailureId::Io, message }),
        };
        let mut head = [0u8; linklens_archive::HEAD];
        let n = std::io::Read::read(&mut reader, &mut head).unwrap_or(0);
        let natively = match linklens_archive::format(&head[..n]) {
            Some(ArchiveFormat::Gzip) => natively(scope, id, &blob).await,
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

    /// A gzip file inflated by the browser's own decoder in a worker of its
    /// own, its tar walked here piece by piece as it comes (an image's
    /// gathered, then walked in place); `None` when that cannot give the
    /// report the wasm's walk gives (no decoder, a damaged stream, a limit
    /// reached or perhaps reached, not a whole tar inside, a read of the
    /// gathered `Blob` refused): the caller then walks it in the wasm.
    async fn natively(scope: &DedicatedWorkerGlobalScope, id: u32, blob: &Blob) -> Option<ArchiveReport> {
        let size = blob.size() as u64;
        let limits = linklens_archive::Limits::default();
        let mut progress = scanning(scope, id, size);
        let inflater = native_gzip::Inflater::start(blob)?;
        let mut feed = linklens_archive::Feed::with_holder(ArchiveFormat::Gzip, &limits, Some(&mut progress), Held::default())?;
        // Pieces the feed may yet hand back (an image is gathered whole).
        let mut held = native_gzip::Gathered::default();
        let mut decoded = 0u64;
        loop {
            let (bytes, consumed) = match inflater.next().await {
                Decoded::Piece { bytes, consumed } => (bytes, consumed),
                Decoded::End => return feed.finish(size),
                Decoded::Failed | Decoded::Unsupported => return None,
            };
            decoded += u64::from(bytes.length());
            if feed.deciding() {
                held.push(&bytes).ok()?;
            }
            match feed.push(consumed, &bytes) {
                Fed::More => inflater.taken(decoded),
                Fed::Declined(Decline::Image) => break,
                Fed::Declined(Decline::Walk) => return None,
            }
        }
        drop(feed);
        inflater.taken(decoded);
        gathered(&inflater, held, size, &limits, &mut progress).await
    }

    /// A compressed image: the rest of its pieces gathered into a `Blob`
    /// after `held`, then walked in place.
    async fn gathered(inflater: &native_gzip::Inflater, mut held: native_gzip::Gathered, size: u64, limits: &linklens_archive::Limits, progress: &mut dyn FnMut(linklens_archive::Progress)) -> Option<ArchiveReport> {
        loop {
            match inflater.next().await {
                Decoded::Piece { bytes, consumed } => {
                    held.push(&bytes).ok()?;
                    if !limits.decoded_within(consumed, held.len, held.len) {
                        return None;
                    }
                    inflater.taken(held.len);
                    progress(linklens_archive::Progress { bytes: held.len, files: 0, elf: 0 });
                }
                Decoded::End => break,
                Decoded::Failed | Decoded::Unsupported => return None,
            }
        }
        let len = held.len;
        let mut decoded = BlobReader::new(held.blob().ok()?).ok()?;
        let report = linklens_archive::open_decoded(ArchiveFormat::Gzip, &mut decoded, len, size, limits, Some(progress));
        // A read the browser refused (it could not keep the decoded `Blob`)
        // is not damage in the archive.
        report.filter(|_| decoded.failures == 0)
    }

    /// An archive walked in the wasm, every decoder included.
    fn in_wasm(scope: &DedicatedWorkerGlobalScope, id: u32, reader: &mut BlobReader) -> Option<ArchiveReport> {
        let size = reader.size();
        let limits = linklens_archive::Limits::default();
        let mut progress = scanning(scope, id, size);
        linklens_archive::open(reader, size, &limits, Some(&mut progress))
    }
}
