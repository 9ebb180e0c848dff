//! Where it runs, held against what happened: every Linux x86-64 fixture
//! was started as `/app` in real root file systems (`cargo xtask observe`,
//! recorded in `fixtures/observations.json`; `cargo xtask test` re-observes
//! the empty root and Debian 12 on every run). For each (fixture, root)
//! pair, linklens's verdict for the root's target must be what happened,
//! and its error the loader's own lines, word for word.

mod support;

use std::collections::BTreeMap;

use linklens::{NeedId, TargetId, Verdict};
use serde::Deserialize;
use support::{fixtures, Explained};

#[derive(Deserialize)]
struct Record {
    roots: Vec<Root>,
    observations: Vec<Observation>,
}

#[derive(Deserialize)]
struct Root {
    name: String,
    target: String,
}

#[derive(Deserialize)]
struct Observation {
    fixture: String,
    root: String,
    #[serde(default)]
    args: Vec<String>,
    /// Started with the files a container runtime mounts.
    #[serde(default)]
    runtime: bool,
    outcome: String,
    #[serde(default)]
    said: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    lines: Vec<String>,
}

fn record() -> Record {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/observations.json"
    );
    serde_json::from_str(
        &std::fs::read_to_string(path).expect("fixtures/observations.json (cargo xtask observe)"),
    )
    .expect("observations")
}

/// The need a `needs` check exercises.
fn need_of(check: &str) -> NeedId {
    match check {
        "tls" => NeedId::CaBundle,
        "tz" => NeedId::Zoneinfo,
        "user" => NeedId::Accounts,
        "dns" => NeedId::Hosts,
        other => panic!("unknown check {other}"),
    }
}

/// Our line is what the program printed, word for word, but for one
/// `<placeholder>` standing for the one word the program chose (the uid
/// it looked up).
fn same_words(ours: &str, printed: &str) -> bool {
    match (ours.split_once('<'), ours.split_once('>')) {
        (Some((before, _)), Some((_, after))) => printed
            .strip_prefix(before)
            .and_then(|rest| rest.strip_suffix(after))
            .is_some_and(|word| !word.is_empty() && !word.contains(char::is_whitespace)),
        _ => ours == printed,
    }
}

#[test]
fn placeholders_stand_for_one_word() {
    assert!(same_words("user: unknown userid <uid>", "user: unknown userid 0"));
    assert!(!same_words("user: unknown userid <uid>", "user: unknown userid "));
    assert!(!same_words("user: unknown userid <uid>", "user: unknown user 0"));
    assert!(!same_words("user: unknown userid <uid>", "user: unknown userid 0 1"));
    assert!(same_words("open /etc/passwd: no such file or directory", "open /etc/passwd: no such file or directory"));
    assert!(!same_words("open /etc/passwd: no such file or directory", "open /etc/group: no such file or directory"));
}

#[test]
fn every_verdict_and_error_is_what_happened_in_a_real_root() {
    let record = record();
    let targets: BTreeMap<&str, TargetId> = record
        .roots
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                TargetId::parse(&r.target)
                    .unwrap_or_else(|| panic!("root {}: no target {}", r.name, r.target)),
            )
        })
        .collect();
    let reports: BTreeMap<String, linklens_explain::Report> = fixtures()
        .into_iter()
        .map(|f| (f.name.clone(), f.report()))
        .collect();
    let (mut pairs, mut verdicts_equal, mut errors_equal, mut maybe, mut needs_equal) =
        (0, 0, 0, 0, 0);
    let mut resolver_equal = 0;
    let mut failures = Vec::new();
    for o in &record.observations {
        let report = reports
            .get(&o.fixture)
            .unwrap_or_else(|| panic!("{}: observed but not a fixture", o.fixture));
        let target = targets[o.root.as_str()];
        let t = report
            .explanation
            .targets
            .iter()
            .find(|t| t.id == target)
            .unwrap_or_else(|| panic!("{}: no verdict for {target}", o.fixture));
        let at = format!("{} in {} ({target})", o.fixture, o.root);
        if let Some(check) = o.args.first() {
            // A run-time need: "ok", or the error the program printed.
            let need = need_of(check);
            let said = o.said.as_deref().unwrap_or_default();
            if need == NeedId::Hosts {
                // No target lacks what the runtime mounts; without the
                // runtime (none of the roots ships /etc/hosts), the lookup
                // fails as the resolver sentence says.
                let sentence = report.explanation.resolver.as_deref().unwrap_or_default();
                let error = linklens_explain::catalogue::sentences::RESOLVER_ERROR;
                let as_said = if o.runtime { said == "ok" } else { said.starts_with(error) };
                if t.lacks.contains(&need) || !sentence.contains(error) || !as_said {
                    failures.push(format!(
                        "{at} `{check}` (runtime files: {}): printed {said:?}; linklens lacks {:?}, says {sentence:?}",
                        o.runtime, t.lacks
                    ));
                } else {
                    resolver_equal += 1;
                }
                continue;
            }
            let lacks = t.lacks.contains(&need);
            let ours = t.error.as_deref().unwrap_or_default();
            if lacks != (said != "ok") || (lacks && !ours.lines().any(|l| same_words(l, said))) {
                failures.push(format!(
                    "{at} `{check}`: printed {said:?}; linklens: {:?} lacks {:?}, error {ours:?}",
                    t.verdict, t.lacks
                ));
            } else {
                needs_equal += 1;
            }
            continue;
        }
        pairs += 1;
        let started = o.outcome == "started";
        let verdict_ok = match t.verdict {
            Verdict::Runs | Verdict::StartsBut => started,
            Verdict::Fails => !started,
            Verdict::Maybe => {
                maybe += 1;
                true
            }
        };
        if !verdict_ok {
            failures.push(format!(
                "{at}: {} ({:?}); linklens says {:?}: {}",
                o.outcome,
                o.lines.first().or(o.error.as_ref()),
                t.verdict,
                t.reason
            ));
            continue;
        }
        verdicts_equal += 1;
        let seen: Option<String> = match o.outcome.as_str() {
            "loader" => Some(o.lines.join("\n")),
            // The kernel's ENOENT, as a container runtime words it.
            "exec-failed" => o
                .error
                .as_ref()
                .map(|e| format!("exec /app: {}", e.to_lowercase())),
            _ => None,
        };
        if let Some(seen) = seen {
            if t.error.as_deref() == Some(seen.as_str()) {
                errors_equal += 1;
            } else {
                failures.push(format!(
                    "{at}: the loader printed\n    {}\n  linklens says\n    {}",
                    seen.replace('\n', "\n    "),
                    t.error
                        .as_deref()
                        .unwrap_or("(nothing)")
                        .replace('\n', "\n    ")
                ));
            }
        }
    }
    let stopped = record
        .observations
        .iter()
        .filter(|o| o.args.is_empty() && o.outcome != "started")
        .count();
    eprintln!(
        "observed: {pairs} (fixture, root) pairs; {verdicts_equal} verdicts equal; {errors_equal} of {stopped} errors equal word for word; {maybe} maybe; {needs_equal} run-time needs equal; {resolver_equal} lookups as the resolver sentence says"
    );
    assert!(
        failures.is_empty(),
        "{} disagreements with what happened:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(pairs >= 7 * 60, "only {pairs} pairs observed");
    assert!(
        needs_equal > 0 && resolver_equal > 0,
        "no run-time need was observed (the needs fixtures)"
    );
}
