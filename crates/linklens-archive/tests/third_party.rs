//! Real packages as users download them (`fixtures/third-party.json`,
//! fetched by `cargo xtask test`): every ELF that `file` finds after
//! unpacking with the usual tools is a member, with `file`'s linkage and
//! `go version -m`'s Go version.

use std::io::Cursor;
use std::path::PathBuf;

use serde_json::Value;

#[test]
fn real_packages_agree_with_file_and_go_version() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(root.join("fixtures/third-party.json")).unwrap()).unwrap();
    let packages = doc["packages"].as_array().unwrap();
    assert!(packages.len() >= 3);
    let kinds: std::collections::BTreeSet<&str> = packages.iter().filter_map(|p| p["kind"].as_str()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["deb", "npm", "wheel"]);
    for p in packages {
        let file = p["file"].as_str().unwrap();
        let path = root.join("fixtures/.cache/third-party").join(file);
        let Ok(bytes) = std::fs::read(&path) else {
            assert!(std::env::var_os("CI").is_none(), "{file} is missing: cargo xtask test fetches it");
            eprintln!("skipped: {file} not fetched (cargo xtask test fetches it)");
            continue;
        };
        let limits = linklens_archive::Limits::default();
        let r = linklens_archive::open(&mut Cursor::new(&bytes[..]), bytes.len() as u64, &limits, None).expect("an archive");
        assert!(r.errors.is_empty(), "{file}: {:?}", r.errors);
        let want = p["elf"].as_array().unwrap();
        assert_eq!(r.members.len(), want.len(), "{file}: the ELF files `file` finds");
        for (m, w) in r.members.iter().zip(want) {
            // Nested archives add their names (`data.tar.xz!/usr/bin/shfmt`).
            let inside = m.path.rsplit("!/").next().unwrap();
            assert_eq!(inside, w["path"].as_str().unwrap(), "{file}");
            let report = m.facts.as_ref().unwrap_or_else(|| panic!("{file}: {:?}", m.error));
            let linkage = if report.linkage.is_static() { "static" } else { "dynamic" };
            assert_eq!(linkage, w["linkage"], "{file}: {} says {}", w["path"], w["file"]);
            assert_eq!(report.go.as_ref().and_then(|g| g.version.clone()).as_deref(), w["go"].as_str(), "{file}: go version -m");
        }
    }
}
