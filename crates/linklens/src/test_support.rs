//! Builders the unit tests share: a Go build as the build info records it,
//! a cause, and a fixture's report. Test-only.

use crate::report::{Cause, CauseId, GoDetection, GoInfo, Module, Setting};

/// A Go 1.26 binary of the module `example.com/app`, main package `path`,
/// with these `build` settings.
pub(crate) fn go_info(path: &str, settings: &[(&str, &str)]) -> GoInfo {
    let settings: Vec<Setting> = settings.iter().map(|(k, v)| Setting { key: k.to_string(), value: v.to_string() }).collect();
    GoInfo {
        detected_by: GoDetection::Both,
        version: Some("go1.26.8".into()),
        path: Some(path.into()),
        main: Some(Module { path: "example.com/app".into(), version: "(devel)".into(), sum: None, replace: None }),
        deps: vec![],
        build: crate::go::buildinfo::typed_settings(&settings),
        settings,
        pclntab: None,
        cgo_packages: vec![],
        buildinfo_section: None,
        buildinfo_offset: None,
        test_binary: None,
        tls: None,
    }
}

/// A cause that made the file dynamic, with no evidence.
pub(crate) fn cause(id: CauseId, package: Option<&str>, module: Option<&str>) -> Cause {
    Cause {
        id,
        title: String::new(),
        package: package.map(str::to_string),
        module: module.map(str::to_string),
        version: None,
        makes_dynamic: true,
        evidence: vec![],
    }
}

/// A fixture binary (stored gzipped in `fixtures/bin`), analysed.
pub(crate) fn fixture(name: &str) -> crate::Report {
    use std::io::Read;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/bin");
    let gz = std::fs::read(root.join(format!("{name}.gz"))).unwrap();
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut raw).unwrap();
    crate::analyze(&raw[..]).unwrap()
}
