//! The fixtures the CLI's tests run on, written out as files.
#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;

/// A binary fixture (stored gzipped), written out as it is.
pub fn fixture(name: &str) -> PathBuf {
    unpack("fixtures/bin", name, "target/cli-test")
}

/// An archive fixture (stored gzipped), written out as it is.
pub fn archive(name: &str) -> PathBuf {
    unpack("fixtures/archives", name, "target/cli-test/archives")
}

/// `from/name.gz`, gunzipped to `to/name`.
pub fn unpack(from: &str, name: &str, to: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let gz = std::fs::read(root.join(format!("{from}/{name}.gz"))).unwrap();
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_end(&mut raw)
        .unwrap();
    let dir = root.join(to);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    // Tests run in parallel and share files: write a private copy, then
    // rename it into place, so no test ever reads a half-written file.
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!("{name}.{}.{n}.tmp", std::process::id()));
    std::fs::write(&tmp, raw).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    path
}

