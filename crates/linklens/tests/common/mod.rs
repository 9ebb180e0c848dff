//! The fixture manifest and binaries, shared by the integration tests.
#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Expect {
    pub linkage: String,
    pub causes: Vec<String>,
    pub fix: Option<String>,
    pub format: String,
    pub goarch: Option<String>,
    pub go: bool,
    /// The glibc a glibc-dynamic fixture was linked against.
    #[serde(default)]
    pub glibc_linked_for: Option<String>,
    /// Versions marked weak by construction.
    #[serde(default)]
    pub weak_versions: Vec<String>,
    /// Dynamic against musl.
    #[serde(default)]
    pub musl_dynamic: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    pub name: String,
    pub program: String,
    pub variant: String,
    pub command: String,
    pub status: String,
    pub error: Option<String>,
    pub file: Option<String>,
    pub expect: Expect,
}

#[derive(Deserialize)]
struct Manifest {
    fixtures: Vec<Entry>,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

pub fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(root().join("manifest.json")).expect("fixtures/manifest.json");
    serde_json::from_str::<Manifest>(&text).expect("valid manifest").fixtures
}

pub struct Fixture {
    pub name: String,
    /// The committed (compressed) file.
    pub path: PathBuf,
    pub command: String,
    pub expect: Expect,
    pub bytes: &'static [u8],
}

impl Fixture {
    pub fn facts(&self) -> linklens::Facts {
        linklens::analyze(self.bytes).unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }

    /// The raw binary on disk (decompressed once into target/fixtures), for
    /// tools such as `file` and `readelf`.
    pub fn raw_path(&self) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/fixtures");
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(&self.name);
        let fresh = std::fs::metadata(&p).map(|m| m.len() == self.bytes.len() as u64).unwrap_or(false);
        if !fresh {
            // Tests run in parallel threads: each writes its own temporary.
            static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let tmp = dir.join(format!("{}.tmp{}-{n}", self.name, std::process::id()));
            std::fs::write(&tmp, self.bytes).unwrap();
            std::fs::rename(&tmp, &p).unwrap();
        }
        p
    }
}

pub fn read_fixture_file(path: &std::path::Path) -> Vec<u8> {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice()).read_to_end(&mut out).expect("valid gzip");
        out
    } else {
        raw
    }
}

static ALL: OnceLock<Vec<(Entry, Vec<u8>)>> = OnceLock::new();

/// Every built fixture, decompressed (once per test binary).
pub fn fixtures() -> Vec<Fixture> {
    let all = ALL.get_or_init(|| {
        manifest()
            .into_iter()
            .filter_map(|e| {
                let file = e.file.clone()?;
                let bytes = read_fixture_file(&root().join(&file));
                Some((e, bytes))
            })
            .collect()
    });
    all.iter()
        .map(|(e, bytes)| Fixture {
            name: e.name.clone(),
            path: root().join(e.file.as_ref().unwrap()),
            command: e.command.clone(),
            expect: e.expect.clone(),
            bytes: bytes.as_slice(),
        })
        .collect()
}
