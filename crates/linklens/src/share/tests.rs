use super::*;
use crate::test_support::fixture;


const SHA: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

#[test]
fn a_link_brings_the_whole_report_back() {
    let r = fixture("lookuphost-default-go1.26");
    let link = link(&r, "lookuphost", r.size, SHA);
    assert!(link.starts_with("#/r/") && link.len() <= PREFIX.len() + TYPICAL_LINK, "{} characters", link.len());
    let whole = Shared { name: "lookuphost".into(), size: r.size, sha256: SHA.into(), omitted: vec![], report: r.clone() };
    let shared = open(&format!("{PREFIX}{}", encode(&whole))).unwrap();
    let json = |r: &Report| serde_json::to_string_pretty(r).unwrap();
    assert!(json(&shared.report) == json(&r), "field for field, the derived ones filled in again");
    assert_eq!((shared.name.as_str(), shared.size, shared.sha256.as_str()), ("lookuphost", r.size, SHA));
    assert!(shared.omitted.is_empty());
    // The prefix is optional.
    assert_eq!(open(&link[PREFIX.len()..]).unwrap(), open(&link).unwrap());
}

#[test]
fn hostile_fragments_get_their_error() {
    let r = fixture("hello-default-go1.26");
    let good = link(&r, "hello", r.size, SHA);
    let id = |f: &str| open(f).map(|_| ()).map_err(|e| e.id);
    assert_eq!(id("#/r/"), Err(ShareErrorId::Empty));
    assert_eq!(id("#/r/@@@"), Err(ShareErrorId::NotBase64));
    assert_eq!(id(&"A".repeat(MAX_PAYLOAD + 1)), Err(ShareErrorId::TooLong));
    assert_eq!(id(&good[..PREFIX.len() + 400]), Err(ShareErrorId::Damaged), "cut short");
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let deflate = |bytes: &[u8]| b64(&miniz_oxide::deflate::compress_to_vec(bytes, 10));
    assert_eq!(id(&deflate(&vec![b' '; MAX_JSON + 1])), Err(ShareErrorId::TooLarge), "a bomb");
    assert_eq!(id(&deflate(b"{\"name\":1}")), Err(ShareErrorId::NotAReport));
    assert_eq!(id(&deflate(&[b'['; 100_000])), Err(ShareErrorId::NotAReport), "deep nesting");
    // A real report under another schema, a bad digest, a name that is a path.
    let slim = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = serde_json::to_value(slim::Slim::from(&open(&good).unwrap())).unwrap();
        edit(&mut v);
        deflate(&serde_json::to_vec(&v).unwrap())
    };
    assert_eq!(id(&slim(&|v| v["report"]["schema"] = 99.into())), Err(ShareErrorId::OtherVersion));
    assert_eq!(id(&slim(&|v| v["sha256"] = "xyz".into())), Err(ShareErrorId::NotAReport));
    assert_eq!(id(&slim(&|v| v["name"] = "../../etc/passwd".into())), Err(ShareErrorId::NotAReport));
    assert_eq!(id(&slim(&|v| v["report"]["linkage"] = "sideways".into())), Err(ShareErrorId::NotAReport));
    assert!(id(&slim(&|_| {})).is_ok());
    // Every error has its sentence.
    for e in ShareErrorId::ALL {
        assert!(!crate::catalogue::share_error(*e).is_empty());
    }
}

#[test]
fn a_report_too_long_for_a_link_is_shortened_and_says_what_it_left_out() {
    let r = fixture("sqlite-libsqlite3-go1.26");
    let link = link(&r, "sqlite", r.size, SHA);
    assert!(link.len() <= PREFIX.len() + TYPICAL_LINK, "{} characters", link.len());
    let shared = open(&link).unwrap();
    assert!(!shared.omitted.is_empty());
    assert_eq!(shared.omitted[0], Omitted { id: OmittedId::Settings, count: r.go.as_ref().unwrap().settings.len() as u64 });
    assert_eq!(shared.omitted[1], Omitted { id: OmittedId::Imports, count: r.imports.len() as u64 });
    assert_eq!(shared.report.fixes, r.fixes, "every fix survives");
    // What the view leads with survives: verdict, causes, the recommended fix.
    let s = &shared.report;
    assert_eq!((s.linkage, s.causes.iter().map(|c| c.id).collect::<Vec<_>>()), (r.linkage, r.causes.iter().map(|c| c.id).collect()));
    assert_eq!(s.fixes[0], r.fixes[0]);
    assert_eq!(s.headline, r.headline);
    assert_eq!(s.portability.targets.iter().map(|t| (t.id, t.verdict)).collect::<Vec<_>>(), r.portability.targets.iter().map(|t| (t.id, t.verdict)).collect::<Vec<_>>());
}

/// Every fixture: the whole report comes back through its link (before any
/// shortening), and every link fits; the sizes, for the closing note.
#[test]
fn every_fixture_round_trips_and_fits() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/bin");
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".gz")) else { continue };
        let Ok(r) = std::panic::catch_unwind(|| fixture(name)) else { continue };
        let shared = Shared { name: name.into(), size: r.size, sha256: SHA.into(), omitted: vec![], report: r.clone() };
        let full = encode(&shared);
        let back = open(&full).unwrap_or_else(|e| panic!("{name}: {}", e.message));
        let json = |r: &Report| serde_json::to_string_pretty(r).unwrap();
        assert!(json(&back.report) == json(&r), "{name}: the whole report comes back");
        let link = link(&r, name, r.size, SHA);
        assert!(link.len() <= PREFIX.len() + TYPICAL_LINK, "{name}: {} characters", link.len());
        let omitted = open(&link).unwrap().omitted.iter().map(|o| shorten::LEVELS.iter().position(|l| l.contains(&o.id)).unwrap() + 1).max().unwrap_or(0);
        sizes.push((full.len(), link.len(), omitted, name.to_string()));
    }
    sizes.sort();
    let whole = sizes.iter().filter(|s| s.2 == 0).count();
    let by_level: Vec<usize> = (0..=shorten::LEVELS.len()).map(|l| sizes.iter().filter(|s| s.2 == l).count()).collect();
    eprintln!("levels needed: {by_level:?}");
    eprintln!("{} fixtures; {whole} fit whole; full payloads {}..{} (median {}), largest {:?}", sizes.len(), sizes[0].0, sizes[sizes.len() - 1].0, sizes[sizes.len() / 2].0, sizes.last());
    assert!(sizes.len() > 50);
    // Every link keeps everything the view leads with (verdict, causes,
    // evidence, every fix, every target); more than half keep the imports
    // too, leaving out at most the raw build settings.
    assert_eq!(by_level[4..].iter().sum::<usize>(), 0, "{by_level:?}");
    assert!((by_level[0] + by_level[1]) * 2 > sizes.len(), "{by_level:?}");
}
