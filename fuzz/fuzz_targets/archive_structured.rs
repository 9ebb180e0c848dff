//! Structure-aware: `arbitrary` builds an archive from parts (tar headers of
//! every format with names of any bytes, zip directories, ar/deb, OCI
//! layouts and `docker save` tars with hostile JSON, compressed honestly or
//! cut, nested) and the walker must give a report, never a panic, a hang
//! or an unbounded allocation. Built with overflow checks on. A gzip
//! stream is also walked as the page walks it — a plain tar fed to the walk
//! in pieces as it is decoded, an image inflated whole and walked in place —
//! and must say what the CLI's walk says.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linklens_archive::fuzzing::Spec;

fuzz_target!(|spec: Spec| {
    let data = spec.build();
    let limits = linklens_archive::fuzzing::limits();
    if let Some(gz) = linklens_archive::fuzzing::as_tar_gz(&data) {
        if let Err(diff) = linklens_archive::fuzzing::decoded_agrees(&gz, &limits) {
            panic!("the page's walk and the CLI's differ: {diff}");
        }
        if let Err(diff) = linklens_archive::fuzzing::fed_agrees(&gz, &limits) {
            panic!("the page's fed walk and the CLI's differ: {diff}");
        }
    }
    let mut src = std::io::Cursor::new(&data);
    if let Some(r) = linklens_archive::open(&mut src, data.len() as u64, &limits, None) {
        let words = linklens_explain::archive::explain_archive(&r);
        // A brace may come from the input (a path, a name, a reader's
        // words): such a message is judged again on the same report with
        // every brace in its strings replaced, where only a placeholder the
        // catalogue left unfilled can still show one.
        let mut scrubbed = None;
        let mut again = || scrubbed.get_or_insert_with(|| linklens_explain::archive::explain_archive(&without_braces(&r))).clone();
        for (at, (e, m)) in r.errors.iter().zip(&words.errors).enumerate() {
            assert!(!m.is_empty(), "{e:?}");
            if unfilled(m) {
                let m = &again().errors[at];
                assert!(!unfilled(m), "{e:?}: {m}");
            }
        }
        for (at, w) in words.images.iter().enumerate() {
            assert!(!w.reason.is_empty(), "{:?}", r.images[at]);
            if w.reason.contains('{') {
                let reason = &again().images[at].reason;
                assert!(!reason.contains('{'), "{reason}");
            }
        }
    }
});

fn unfilled(message: &str) -> bool {
    ["{path}", "{limit}", "{detail}"].iter().any(|p| message.contains(p))
}

/// The report with `{` and `}` replaced in every string it holds (the page
/// gets the report through JSON the same way, so it must come back).
fn without_braces(r: &linklens::archive::ArchiveReport) -> linklens::archive::ArchiveReport {
    fn scrub(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => *s = s.replace(['{', '}'], "_"),
            serde_json::Value::Array(items) => items.iter_mut().for_each(scrub),
            serde_json::Value::Object(fields) => fields.values_mut().for_each(scrub),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(r).expect("a report is JSON");
    scrub(&mut v);
    serde_json::from_value(v).expect("a report comes back from JSON")
}
