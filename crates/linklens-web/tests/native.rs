//! The browser-free parts of the web app, on real fixtures: what the worker
//! renders for the page (recipes, JSON and Markdown), the before/after
//! comparison, the messages and the reducer.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;

fn report(name: &str) -> linklens_explain::Report {
    let path = format!(
        "{}/../../fixtures/bin/{name}.gz",
        env!("CARGO_MANIFEST_DIR")
    );
    let gz = std::fs::read(&path).unwrap();
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_end(&mut raw)
        .unwrap();
    linklens_explain::Report::new(linklens::analyze(raw.as_slice()).unwrap())
}

#[test]
fn markdown_has_verdict_causes_and_command() {
    let r = report("lookuphost-default-go1.26");
    let rendered = linklens_web::protocol::Rendered::of("lookuphost", &r);
    // The JSON export is the CLI's report; each fix has its recipes, shell first.
    assert_eq!(
        serde_json::from_str::<linklens_explain::Report>(&rendered.json).unwrap(),
        r
    );
    assert_eq!(rendered.recipes.len(), r.explanation.fixes.len());
    for (fix, recipes) in r.explanation.fixes.iter().zip(&rendered.recipes) {
        assert_eq!(recipes[0].kind, linklens::RecipeKind::Shell);
        assert_eq!(recipes, &linklens_explain::render::recipe::recipes(&r, fix));
    }
    let md = rendered.markdown;
    assert!(md.starts_with("### `lookuphost`: **dynamic**"), "{md}");
    assert!(
        md.contains("- cause `dns`: The net package's cgo DNS resolver — package net"),
        "{md}"
    );
    assert!(
        md.contains("  - function `net._C2func_getaddrinfo`"),
        "{md}"
    );
    assert!(
        md.contains(&format!("```sh\n{}\n```", r.explanation.fixes[0].command)),
        "{md}"
    );
    assert!(md.contains("nothing was uploaded"));
    // Where it runs: the floor, the folded line, and a table row per target.
    assert!(md.contains("**Where it runs**"), "{md}");
    assert!(
        md.contains("- glibc ≥: `2.34 (GLIBC_2.34: pthread_attr_getstack"),
        "{md}"
    );
    assert!(
        md.contains("| Debian 11 (bullseye) | ✘ fails | Needs GLIBC_2.34; glibc 2.31 there."),
        "{md}"
    );
    assert!(md.contains("<br>you would see: `` /app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /app) ``<br>`` /app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.32' not found (required by /app) `` |"), "{md}");
    assert_eq!(
        md.lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Target"))
            .count(),
        linklens::TargetId::ALL.len(),
        "{md}"
    );
}

#[test]
fn comparison_says_what_a_rebuild_changed() {
    let before = report("lookuphost-default-go1.26");
    let after = report("lookuphost-netgo-go1.26");
    let c = linklens_web::compare::compare(&before, &after);
    assert_eq!(
        c.sentence(),
        "dynamic → static. Gone: dns. No longer needs libc.so.6. Interpreter: /lib64/ld-linux-x86-64.so.2 → none. glibc floor: 2.34 → none. Runs on 21 of the targets, was 10."
    );

    let musl = report("lookuphost-musl-go1.26");
    let c = linklens_web::compare::compare(&before, &musl);
    assert_eq!(
        c.sentence(),
        "dynamic → static. Now linked statically: dns. No longer needs libc.so.6. Interpreter: /lib64/ld-linux-x86-64.so.2 → none. glibc floor: 2.34 → none. Runs on 21 of the targets, was 10."
    );

    // Still dynamic, but linked against an older glibc: the floor drops.
    let zig = report("lookuphost-zig-glibc2.17-go1.26");
    let c = linklens_web::compare::compare(&before, &zig);
    assert!(
        c.sentence()
            .contains("glibc floor: 2.34 → 2.3.2. Runs on 17 of the targets, was 10."),
        "{}",
        c.sentence()
    );
}

#[test]
fn worker_messages_round_trip_as_json() {
    use linklens_web::protocol::FromWorker;
    let r = report("hello-default-go1.26");
    let rendered = Box::new(linklens_web::protocol::Rendered::of("app", &r));
    let msg = FromWorker::Done {
        id: 7,
        report: Box::new(r),
        rendered,
        read: 1.0,
        millis: 2.0,
        wasm_memory: 3.0,
    };
    let json = serde_json::to_string(&msg).unwrap();
    // Externally tagged: read as it arrives, never buffered whole.
    assert!(
        json.starts_with(r#"{"done":{"id":7,"#),
        "{}",
        json.chars().take(40).collect::<String>()
    );
    assert_eq!(serde_json::from_str::<FromWorker>(&json).unwrap(), msg);
}

#[test]
fn the_reducer_keeps_results_and_announces_them() {
    use linklens_web::protocol::FromWorker;
    use linklens_web::state::{Action, Entry, EntryState, Files, Share};
    use std::rc::Rc;
    use yew::Reducible;
    let files = Rc::new(Files::default());
    let entry = Entry {
        id: 1,
        name: "app".into(),
        size: 10.0,
        state: EntryState::Queued,
        file: None,
        share: Share::None,
    };
    let files = files.reduce(Action::Add(vec![entry]));
    assert_eq!(files.announcement, "Analysing 1 file(s).");
    let r = report("hello-default-go1.26");
    let files = files.reduce(Action::Worker(FromWorker::Done {
        id: 1,
        report: Box::new(r),
        rendered: Box::default(),
        read: 1.0,
        millis: 1.0,
        wasm_memory: 1.0,
    }));
    assert!(
        files.announcement.starts_with("app: static. Static"),
        "{}",
        files.announcement
    );
    // A late progress message never hides the result.
    let files = files.reduce(Action::Worker(FromWorker::Progress {
        id: 1,
        read: 5.0,
        size: 10.0,
    }));
    assert!(matches!(files.entries[0].state, EntryState::Done { .. }));
    assert_eq!(files.reports().len(), 1);
    // A share link: asked, then the worker's fragment; the result stays.
    let files = files.reduce(Action::Share(1));
    assert!(matches!(files.entries[0].share, Share::Hashing));
    let linked = FromWorker::Linked {
        id: 1,
        sha256: "ab".repeat(32),
        fragment: "#/r/xyz".into(),
    };
    let files = files.reduce(Action::Worker(linked));
    assert!(
        matches!(&files.entries[0].share, Share::Ready { fragment, .. } if fragment == "#/r/xyz")
    );
    assert!(matches!(files.entries[0].state, EntryState::Done { .. }));
    let files = files.reduce(Action::Worker(FromWorker::HashFailed {
        id: 1,
        message: "gone".into(),
    }));
    assert!(matches!(&files.entries[0].share, Share::Failed { message } if message == "gone"));
    // An opened link is kept with its fragment; a failed one with its error.
    let error = linklens_explain::share::open("#/r/@@").unwrap_err();
    let files = files.reduce(Action::Worker(FromWorker::Opened {
        fragment: "@@".into(),
        shared: None,
        rendered: None,
        error: Some(error.clone()),
    }));
    assert_eq!(
        files
            .opened
            .as_ref()
            .map(|(f, o)| (f.as_str(), o.clone().err())),
        Some(("@@", Some(error)))
    );
    let files = files.reduce(Action::Remove(1));
    assert!(files.entries.is_empty());
}
