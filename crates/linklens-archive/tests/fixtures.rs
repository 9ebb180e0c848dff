//! Every archive fixture (`cargo xtask fixtures`, xtask/src/archives.rs)
//! gives what it was built to give: its format, its members with their
//! linkage, and for images the verdict their contents imply.

use std::io::{Cursor, Read};
use std::path::PathBuf;

use linklens::archive::ArchiveReport;
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/archives")
}

pub fn load(name: &str) -> Vec<u8> {
    let gz = std::fs::read(dir().join(format!("{name}.gz")))
        .unwrap_or_else(|e| panic!("{name}: {e} (run cargo xtask fixtures)"));
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut raw)
        .expect("gunzip");
    raw
}

fn open(bytes: &[u8]) -> ArchiveReport {
    let limits = linklens_archive::Limits::default();
    linklens_archive::open(&mut Cursor::new(bytes), bytes.len() as u64, &limits, None)
        .expect("an archive")
}

fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(dir().join("manifest.json"))
        .expect("fixtures/archives/manifest.json");
    let v: Value = serde_json::from_str(&text).expect("json");
    v["archives"].as_array().cloned().expect("archives")
}

#[test]
fn every_archive_gives_what_it_holds() {
    let all = manifest();
    assert!(all.len() >= 25, "the fixtures are there");
    for a in &all {
        let name = a["name"].as_str().unwrap();
        let r = open(&load(name));
        assert_eq!(r.format.as_str(), a["format"], "{name}: format");
        let chain: Vec<&str> = r.chain.iter().map(|f| f.as_str()).collect();
        assert_eq!(serde_json::json!(chain), a["chain"], "{name}: chain");
        assert!(r.errors.is_empty(), "{name}: {:?}", r.errors);
        if let Some(files) = a["files"].as_u64() {
            assert_eq!(r.files, files, "{name}: files");
        }
        if let Some(members) = a["members"].as_array() {
            let got: Vec<(String, String)> = r
                .members
                .iter()
                .map(|m| {
                    (
                        m.path.clone(),
                        m.facts
                            .as_ref()
                            .map(|r| r.linkage.as_str().to_string())
                            .unwrap_or_default(),
                    )
                })
                .collect();
            let want: Vec<(String, String)> = members
                .iter()
                .map(|m| {
                    (
                        m["path"].as_str().unwrap().to_string(),
                        m["linkage"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            assert_eq!(got, want, "{name}: members");
            assert_eq!(r.elf, want.len() as u64, "{name}: ELF count");
            assert_eq!(
                r.dynamic,
                want.iter().filter(|(_, l)| l == "dynamic").count() as u64,
                "{name}: dynamic count"
            );
        }
        let images = a["images"].as_array().unwrap();
        assert_eq!(r.images.len(), images.len(), "{name}: images");
        let explained = linklens_explain::archive::explain_archive(&r);
        for ((got, words), want) in r.images.iter().zip(&explained.images).zip(images) {
            assert_eq!(got.platform, want["platform"], "{name}: platform");
            assert_eq!(
                got.verdict.as_str(),
                want["verdict"],
                "{name}: verdict ({})",
                words.reason
            );
            assert_eq!(got.reason_id.as_str(), want["reason_id"], "{name}: reason");
            assert_eq!(
                got.program.as_deref(),
                want["program"].as_str(),
                "{name}: program"
            );
            let missing: Vec<String> = got
                .binaries
                .iter()
                .filter(|b| Some(b.path.as_str()) == got.program.as_deref())
                .flat_map(|b| b.missing.clone())
                .collect();
            let want_missing: Vec<String> = want["missing"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap().to_string())
                .collect();
            assert_eq!(missing, want_missing, "{name}: missing");
            let lacks: Vec<&str> = got.lacks.iter().map(|n| n.as_str()).collect();
            let want_lacks: Vec<&str> = want["lacks"]
                .as_array()
                .map_or(vec![], |l| l.iter().filter_map(|n| n.as_str()).collect());
            assert_eq!(
                lacks, want_lacks,
                "{name}: the files it reads and the image lacks"
            );
            if let Some(v) = want["libc"].as_str() {
                assert_eq!(
                    got.libc.as_ref().and_then(|l| l.version.as_deref()),
                    Some(v),
                    "{name}: the image's glibc"
                );
            }
            // A failure names what the user sees and how to fix it.
            if got.verdict == linklens::archive::ImageVerdict::Fails {
                assert!(
                    words
                        .error
                        .as_deref()
                        .is_some_and(|e| e.contains(got.program.as_deref().unwrap())),
                    "{name}: {:?}",
                    words.error
                );
                assert!(
                    words.fix.is_some()
                        || got.reason_id == linklens::archive::ImageReasonId::GlibcTooOld,
                    "{name}: a fix"
                );
            } else if got.verdict == linklens::archive::ImageVerdict::StartsBut {
                // What the program prints, as observed in an empty root (the needs fixture).
                assert_eq!(
                    words.error.as_deref(),
                    Some("x509: certificate signed by unknown authority"),
                    "{name}"
                );
                assert!(
                    words
                        .reason
                        .contains("COPY --from=build /etc/ssl/certs/ca-certificates.crt"),
                    "{name}: the line to add"
                );
            } else {
                assert!(words.error.is_none() && words.fix.is_none(), "{name}");
            }
        }
    }
}

#[test]
fn a_docker_save_of_scratch_with_cgo_fails_and_the_static_build_starts() {
    let r = linklens_explain::archive::ExplainedArchive::new(open(&load("scratch-cgo.docker.tar")));
    assert_eq!(
        r.facts.images[0].name.as_deref(),
        Some("docker.io/linklens/scratch-cgo:latest")
    );
    let image = &r.explanation.images[0];
    assert_eq!(
        image.error.as_deref(),
        Some("exec /app: no such file or directory")
    );
    assert!(
        image.reason.contains("/lib64/ld-linux-x86-64.so.2"),
        "{}",
        image.reason
    );
    let at = r
        .facts
        .members
        .iter()
        .position(|m| m.path == "app")
        .expect("the binary");
    let app = r.explanation.members[at]
        .as_ref()
        .expect("the binary's report");
    assert_eq!(
        image.fix,
        app.fixes.first().map(|f| f.id),
        "the image's fix is the binary's recommended rebuild"
    );
    assert!(
        app.fixes[0].command.contains("CGO_ENABLED=0") || app.fixes[0].command.contains("netgo"),
        "{}",
        app.fixes[0].command
    );
    let r = open(&load("scratch-static.docker.tar"));
    assert_eq!(r.images[0].verdict, linklens::archive::ImageVerdict::Starts);
}

/// Members of uncompressed containers are read where they lie: the same
/// reports as the binaries on their own.
#[test]
fn members_match_the_binaries_alone() {
    let bin = |name: &str| -> Vec<u8> {
        let gz = std::fs::read(dir().join("../bin").join(format!("{name}.gz"))).unwrap();
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut raw)
            .unwrap();
        raw
    };
    let alone = linklens::analyze(&bin("c-dynamic")[..]).unwrap();
    for name in [
        "release.tar",
        "release.tar.gz",
        "release.tar.xz",
        "release.tar.zst",
        "release.zip",
        "release-stored.zip",
        "nested.zip",
    ] {
        let r = open(&load(name));
        let m = r
            .members
            .iter()
            .find(|m| m.path.ends_with("usr/bin/c-dynamic"))
            .unwrap();
        assert_eq!(m.facts.as_ref(), Some(&alone), "{name}");
        assert_eq!(m.size, alone.size, "{name}");
    }
}

/// `docker save | gzip` (or xz, zstd): the image is still judged.
#[test]
fn a_compressed_image_tar_is_still_an_image() {
    let plain = load("scratch-cgo.docker.tar");
    let want = open(&plain);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &plain).unwrap();
    let got = open(&gz.finish().unwrap());
    assert_eq!(got.format, linklens::archive::ArchiveFormat::DockerArchive);
    let chain: Vec<&str> = got.chain.iter().map(|f| f.as_str()).collect();
    assert_eq!(chain, ["gzip", "docker-archive"]);
    assert_eq!(got.images, want.images);
    assert_eq!(got.members, want.members);
    // A compressed tar that is not an image stays a plain walk.
    let r = open(&load("release.tar.gz"));
    assert!(r.images.is_empty() && r.members.len() == 2);
}
