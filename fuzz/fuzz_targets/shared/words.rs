//! The words of whatever an archive walk found: every error and image has
//! a sentence, and no catalogue placeholder is left unfilled.

use linklens::archive::ArchiveReport;

/// A brace may come from the input (a path, a name, a reader's words):
/// such a message is judged again on the same report with every brace in
/// its strings replaced, where only a placeholder the catalogue left
/// unfilled can still show one.
pub fn assert_filled(r: &ArchiveReport) {
    let words = linklens_explain::archive::explain_archive(r);
    let mut scrubbed = None;
    let mut again = || scrubbed.get_or_insert_with(|| linklens_explain::archive::explain_archive(&without_braces(r))).clone();
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

fn unfilled(message: &str) -> bool {
    ["{path}", "{limit}", "{detail}"].iter().any(|p| message.contains(p))
}

/// The report with `{` and `}` replaced in every string it holds (the page
/// gets the report through JSON the same way, so it must come back).
fn without_braces(r: &ArchiveReport) -> ArchiveReport {
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
