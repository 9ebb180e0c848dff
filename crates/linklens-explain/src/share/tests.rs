use super::*;
use crate::test_support::fixture;

const SHA: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

/// The payload of facts travelling whole.
fn whole(facts: &Facts, name: &str) -> String {
    let p = Payload { schema: SCHEMA_VERSION, name: name.into(), size: facts.size, sha256: SHA.into(), omitted: vec![], facts: facts.clone() };
    format!("{PREFIX}{}", encode(&p))
}

#[test]
fn a_link_brings_the_whole_report_back() {
    let r = fixture("lookuphost-default-go1.26");
    let link = link(&r.facts, "lookuphost", r.facts.size, SHA);
    assert!(link.starts_with("#/r/") && link.len() <= PREFIX.len() + TYPICAL_LINK, "{} characters", link.len());
    let shared = open(&whole(&r.facts, "lookuphost")).unwrap();
    let json = |r: &Report| serde_json::to_string_pretty(r).unwrap();
    assert!(json(&shared.report) == json(&r), "the facts field for field, and so the same explanation");
    assert_eq!((shared.name.as_str(), shared.size, shared.sha256.as_str()), ("lookuphost", r.facts.size, SHA));
    assert!(shared.omitted.is_empty());
    // The prefix is optional.
    assert_eq!(open(&link[PREFIX.len()..]).unwrap(), open(&link).unwrap());
}

#[test]
fn a_link_carries_facts_and_no_words() {
    let r = fixture("sqlite-default-go1.26");
    let json = payload_json(&r.facts);
    let text = String::from_utf8(json).unwrap();
    assert!(!text.contains(&r.explanation.headline), "no headline");
    assert!(!text.contains("\"explanation\"") && !text.contains("\"fixes\"") && !text.contains("\"targets\""), "{text}");
    assert!(!text.contains(crate::catalogue::cause(r.facts.causes[0].id).title), "no cause title");
}

#[test]
fn hostile_fragments_get_their_error() {
    let r = fixture("hello-default-go1.26");
    let good = link(&r.facts, "hello", r.facts.size, SHA);
    let id = |f: &str| open(f).map(|_| ()).map_err(|e| e.id);
    assert_eq!(id("#/r/"), Err(ShareErrorId::Empty));
    assert_eq!(id("#/r/@@@"), Err(ShareErrorId::NotBase64));
    assert_eq!(id(&"A".repeat(MAX_PAYLOAD + 1)), Err(ShareErrorId::TooLong));
    assert_eq!(id(good.get(..PREFIX.len() + 400).unwrap()), Err(ShareErrorId::Damaged), "cut short");
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let deflate = |bytes: &[u8]| b64(&miniz_oxide::deflate::compress_to_vec(bytes, 10));
    assert_eq!(id(&deflate(&vec![b' '; MAX_JSON + 1])), Err(ShareErrorId::TooLarge), "a bomb");
    assert_eq!(id(&deflate(b"{\"name\":1}")), Err(ShareErrorId::NotAReport));
    assert_eq!(id(&deflate(&[b'['; 100_000])), Err(ShareErrorId::NotAReport), "deep nesting");
    // Real facts under another schema, a bad digest, a name that is a path.
    let edited = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_slice(&payload_json(&r.facts)).unwrap();
        v["sha256"] = SHA.into();
        edit(&mut v);
        deflate(&serde_json::to_vec(&v).unwrap())
    };
    assert_eq!(id(&edited(&|v| v["schema"] = 99.into())), Err(ShareErrorId::OtherVersion));
    assert_eq!(id(&edited(&|v| v["schema"] = 3.into())), Err(ShareErrorId::OtherVersion), "the last shape with words");
    assert_eq!(id(&edited(&|v| v["sha256"] = "xyz".into())), Err(ShareErrorId::NotAReport));
    assert_eq!(id(&edited(&|v| v["name"] = "../../etc/passwd".into())), Err(ShareErrorId::NotAReport));
    assert_eq!(id(&edited(&|v| v["facts"]["linkage"] = "sideways".into())), Err(ShareErrorId::NotAReport));
    assert!(id(&edited(&|_| {})).is_ok());
    // Every error has its sentence.
    for e in ShareErrorId::ALL {
        assert!(!crate::catalogue::share_error(*e).is_empty());
    }
}

#[test]
fn facts_too_long_for_a_link_are_shortened_and_say_what_they_left_out() {
    let r = fixture("sqlite-libsqlite3-go1.26");
    let link = link(&r.facts, "sqlite", r.facts.size, SHA);
    assert!(link.len() <= PREFIX.len() + TYPICAL_LINK, "{} characters", link.len());
    let shared = open(&link).unwrap();
    assert!(!shared.omitted.is_empty());
    assert_eq!(shared.omitted[0], Omitted { id: OmittedId::Settings, count: r.facts.go.as_ref().unwrap().settings.len() as u64 });
    // What the view leads with is explained as the whole facts explain it:
    // verdict, headline, causes, every fix, every target's verdict.
    let (s, e) = (&shared.report.facts, &shared.report.explanation);
    assert_eq!((s.linkage, s.causes.iter().map(|c| c.id).collect::<Vec<_>>()), (r.facts.linkage, r.facts.causes.iter().map(|c| c.id).collect()));
    assert_eq!(e.fixes, r.explanation.fixes, "every fix survives");
    assert_eq!(e.headline, r.explanation.headline);
    let verdicts = |t: &[crate::TargetResult]| t.iter().map(|t| (t.id, t.verdict, t.reason_id)).collect::<Vec<_>>();
    assert_eq!(verdicts(&e.targets), verdicts(&r.explanation.targets));
}

/// Every fixture: the whole report comes back through its link (before any
/// shortening), every link fits, and what the view leads with is the same
/// after shortening; the sizes, for the closing note.
#[test]
fn every_fixture_round_trips_and_fits() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/bin");
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".gz")) else { continue };
        let Ok(r) = std::panic::catch_unwind(|| fixture(name)) else { continue };
        let full = whole(&r.facts, name);
        let back = open(&full).unwrap_or_else(|e| panic!("{name}: {}", e.message));
        let json = |r: &Report| serde_json::to_string_pretty(r).unwrap();
        assert!(json(&back.report) == json(&r), "{name}: the whole report comes back");
        let link = link(&r.facts, name, r.facts.size, SHA);
        assert!(link.len() <= PREFIX.len() + TYPICAL_LINK, "{name}: {} characters", link.len());
        let opened = open(&link).unwrap();
        assert!(shorten::Leads::of(&opened.report.facts) == shorten::Leads::of(&r.facts), "{name}: the view leads with the same");
        let omitted = opened.omitted.iter().map(|o| shorten::LEVELS.iter().position(|l| l.contains(&o.id)).unwrap() + 1).max().unwrap_or(0);
        sizes.push((full.len() - PREFIX.len(), link.len() - PREFIX.len(), omitted, name.to_string()));
    }
    sizes.sort();
    let whole = sizes.iter().filter(|s| s.2 == 0).count();
    let by_level: Vec<usize> = (0..=shorten::LEVELS.len()).map(|l| sizes.iter().filter(|s| s.2 == l).count()).collect();
    eprintln!("levels needed: {by_level:?}");
    eprintln!("{} fixtures; {whole} fit whole; full payloads {}..{} (median {}), largest {:?}", sizes.len(), sizes[0].0, sizes[sizes.len() - 1].0, sizes[sizes.len() / 2].0, sizes.last());
    assert!(sizes.len() > 50);
    // Every link keeps the evidence and build ids; most that need no more
    // than the first two steps keep the imports too. The share of those
    // depends on the fixture set (41 of 83 on 2026-12-03, once the
    // build-setting fixtures, lookuphost builds with many imports, came):
    // at least two in five.
    let deep: Vec<&str> = sizes.iter().filter(|s| s.2 >= 4).map(|s| s.3.as_str()).collect();
    assert!(deep.is_empty(), "{by_level:?}: {deep:?}");
    assert!((by_level[0] + by_level[1]) * 5 >= sizes.len() * 2, "{by_level:?}");
}
