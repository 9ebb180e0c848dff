//! Builders the unit tests share: a fixture's report, and (from the
//! analysis crate) a Go build and a cause. Test-only.

pub(crate) use linklens::fuzzing::support::{cause, go_info};

/// A fixture binary (stored gzipped in `fixtures/bin`), analysed.
pub(crate) fn fixture(name: &str) -> crate::Report {
    use std::io::Read;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/bin");
    let gz = std::fs::read(root.join(format!("{name}.gz"))).unwrap();
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut raw).unwrap();
    crate::Report::new(linklens::analyze(&raw[..]).unwrap())
}
