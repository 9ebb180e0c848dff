//! Builders the unit tests of this crate and the explainer share: a Go
//! build as the build info records it, and a cause. Not a stable API.

use crate::facts::{Cause, CauseId, GoDetection, GoInfo, Module, Setting};

/// A Go 1.26 binary of the module `example.com/app`, main package `path`,
/// with these `build` settings.
pub fn go_info(path: &str, settings: &[(&str, &str)]) -> GoInfo {
    let settings: Vec<Setting> = settings
        .iter()
        .map(|(k, v)| Setting {
            key: k.to_string(),
            value: v.to_string(),
        })
        .collect();
    GoInfo {
        detected_by: GoDetection::Both,
        version: Some("go1.26.8".into()),
        path: Some(path.into()),
        main: Some(Module {
            path: "example.com/app".into(),
            version: "(devel)".into(),
            sum: None,
            replace: None,
        }),
        deps: vec![],
        build: crate::go::buildinfo::typed_settings(&settings),
        settings,
        pclntab: None,
        cgo_packages: vec![],
        buildinfo_section: None,
        buildinfo_offset: None,
        test_binary: None,
        tls: None,
        needs: Vec::new(),
    }
}

/// A cause that made the file dynamic, with no evidence.
pub fn cause(id: CauseId, package: Option<&str>, module: Option<&str>) -> Cause {
    Cause {
        id,
        package: package.map(str::to_string),
        module: module.map(str::to_string),
        version: None,
        makes_dynamic: true,
        evidence: vec![],
    }
}
