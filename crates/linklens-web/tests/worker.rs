//! The worker's file-reading glue, in a real browser worker
//! (`FileReaderSync` exists only there): run by `cargo xtask test` with
//! wasm-bindgen-test-runner and Debian's Chromium.
#![cfg(target_arch = "wasm32")]

use std::io::Read;

use linklens_web::blob_reader::BlobReader;
use object::read::ReadCache;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

fn fixture(gz: &[u8]) -> Vec<u8> {
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz).read_to_end(&mut raw).unwrap();
    raw
}

fn blob(bytes: &[u8]) -> web_sys::Blob {
    let array = js_sys::Uint8Array::from(bytes);
    web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&array)).unwrap()
}

#[wasm_bindgen_test]
fn analyses_a_blob_reading_only_what_it_needs() {
    let raw = fixture(include_bytes!("../../../fixtures/bin/lookuphost-default-go1.26.gz"));
    let reader = BlobReader::new(blob(&raw)).unwrap();
    let cache = ReadCache::new(reader);
    let report = linklens::analyze(&cache).unwrap();
    assert_eq!(report.linkage, linklens::Linkage::Dynamic);
    assert_eq!(report.causes[0].id, linklens::CauseId::Dns);
    assert_eq!(report.size, raw.len() as u64);
    // Must equal the analysis of the whole file in memory.
    assert_eq!(report, linklens::analyze(raw.as_slice()).unwrap());
    let reader = cache.into_inner();
    let read = reader.bytes_read;
    assert!(read < raw.len() as u64 / 2, "read {read} of {} bytes", raw.len());
    // Tables are read whole, not one symbol name at a time, and nearby
    // small reads share a block (7 round trips here when this was written).
    assert!(reader.reads < 20, "{} reads", reader.reads);
}

#[wasm_bindgen_test]
fn progress_is_reported_and_bad_input_is_an_error() {
    use std::cell::Cell;
    use std::rc::Rc;
    let calls = Rc::new(Cell::new(0));
    let seen = calls.clone();
    let reader = BlobReader::new(blob(b"just some text\n")).unwrap().on_progress(move |_, size| {
        assert_eq!(size, 15);
        seen.set(seen.get() + 1);
    });
    let cache = ReadCache::new(reader);
    let err = linklens::analyze(&cache).unwrap_err();
    assert_eq!(err.code(), "not-object");
    assert!(calls.get() > 0);
}
