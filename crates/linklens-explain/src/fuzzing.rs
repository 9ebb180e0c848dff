//! Entry points for the fuzz targets (`fuzz/`): share links opened from
//! hostile bytes, and the explainer over hostile facts. Not a stable API.

/// A share link's payload from fuzzer bytes: the first byte picks how far
/// in the bytes go — a fragment as typed, a deflate stream to inflate, or
/// JSON to parse and explain (the deepest: the explainer's decisions then
/// run on hostile facts). Any input gives a report or an error.
pub fn share(data: &[u8]) {
    use base64::Engine;
    let Some((&mode, rest)) = data.split_first() else { return };
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let fragment = match mode % 3 {
        0 => String::from_utf8_lossy(rest).into_owned(),
        1 => b64(rest),
        _ => b64(&miniz_oxide::deflate::compress_to_vec(rest, 1)),
    };
    if let Ok(shared) = crate::share::open(&fragment) {
        // What opens renders: the one renderer must not panic on it either.
        let _ = crate::render::text(&shared.name, &shared.report, crate::render::TextOptions::default());
        for fix in &shared.report.explanation.fixes {
            let _ = crate::render::recipe::recipes(&shared.report, fix);
        }
    }
}

/// The JSON a link carries for these facts (a seed for [`share`]).
pub fn share_json(facts: &linklens::Facts) -> Vec<u8> {
    crate::share::payload_json(facts)
}

/// Explain whatever `analyze` reads from `data`, and print it every way:
/// the words must not panic on facts from any bytes either.
pub fn analyze_and_explain(data: &[u8]) {
    if let Ok(facts) = linklens::analyze(data) {
        let report = crate::Report::new(facts);
        let _ = crate::render::text("app", &report, crate::render::TextOptions::default());
        let _ = crate::render::markdown("app", &report);
        for fix in &report.explanation.fixes {
            let _ = crate::render::recipe::recipes(&report, fix);
        }
    }
}
