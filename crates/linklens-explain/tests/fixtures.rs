//! Golden-file and manifest tests over the real binaries in `fixtures/bin`.
//!
//! Every fixture's report must equal its golden JSON (`<name>.json` beside
//! it) *and* match the manifest's expectations, which come from how the
//! binary was built; so a blessed golden cannot hide a wrong answer.
//! `LINKLENS_BLESS=1` rewrites the goldens.

mod support;

use linklens_explain::proof::Outcome;
use support as common;
use support::Explained;

use common::{fixtures, Fixture};
use linklens::{FixId, NoteId, WarningId};

#[test]
fn reports_match_golden_files() {
    let bless = std::env::var_os("LINKLENS_BLESS").is_some();
    let mut mismatches = Vec::new();
    for f in fixtures() {
        let report = f.report();
        let json = serde_json::to_string_pretty(&report).unwrap() + "\n";
        let golden = f.path.with_file_name(format!("{}.json", f.name));
        if bless {
            std::fs::write(&golden, &json).unwrap();
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == json => {}
            Ok(expected) => {
                let line = expected
                    .lines()
                    .zip(json.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                mismatches.push(format!(
                    "{}: differs from {} at line {}:\n  golden: {}\n  now:    {}",
                    f.name,
                    golden.display(),
                    line + 1,
                    expected.lines().nth(line).unwrap_or(""),
                    json.lines().nth(line).unwrap_or("")
                ));
            }
            Err(e) => mismatches.push(format!(
                "{}: no golden file {} ({e}); run cargo xtask fixtures",
                f.name,
                golden.display()
            )),
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} golden mismatches (LINKLENS_BLESS=1 to accept):\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn reports_meet_the_manifest() {
    let mut failures = Vec::new();
    let all = fixtures();
    assert!(
        all.len() >= 40,
        "expected the whole matrix, found {} fixtures",
        all.len()
    );
    for f in &all {
        let r = f.report();
        let mut check = |what: &str, ok: bool, detail: String| {
            if !ok {
                failures.push(format!("{} ({}): {what}: {detail}", f.name, f.command));
            }
        };
        check(
            "linkage",
            r.facts.linkage.as_str() == f.expect.linkage,
            format!(
                "got {}, want {}",
                r.facts.linkage.as_str(),
                f.expect.linkage
            ),
        );
        let mut got: Vec<&str> = r.facts.causes.iter().map(|c| c.id.as_str()).collect();
        got.sort();
        got.dedup();
        let mut want: Vec<&str> = f.expect.causes.iter().map(String::as_str).collect();
        want.sort();
        check("causes", got == want, format!("got {got:?}, want {want:?}"));
        let fix = r.explanation.fixes.first().map(|x| x.id.as_str());
        check(
            "recommended fix",
            fix == f.expect.fix.as_deref(),
            format!("got {fix:?}, want {:?}", f.expect.fix),
        );
        let format = serde_json::to_value(r.facts.format).unwrap();
        check(
            "format",
            format == f.expect.format.as_str(),
            format!("got {format}, want {}", f.expect.format),
        );
        check(
            "goarch",
            r.facts.arch.goarch == f.expect.goarch,
            format!("got {:?}, want {:?}", r.facts.arch.goarch, f.expect.goarch),
        );
        check(
            "go",
            r.facts.go.is_some() == f.expect.go,
            format!("got go={}, want {}", r.facts.go.is_some(), f.expect.go),
        );
        // Every cause carries evidence; every fix a command.
        for c in &r.facts.causes {
            check(
                "evidence",
                !c.evidence.is_empty(),
                format!("cause {} has no evidence", c.id.as_str()),
            );
        }
        for x in &r.explanation.fixes {
            check(
                "fix command",
                !x.command.is_empty() && !x.verify.is_empty(),
                format!("fix {} is incomplete", x.id),
            );
        }
        check(
            "summary",
            !r.explanation.summary.is_empty() && !r.explanation.headline.is_empty(),
            "empty summary".into(),
        );
        where_it_runs(f, &r, &mut check);
    }
    assert!(
        failures.is_empty(),
        "{} manifest failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn failed_builds_are_recorded_not_hidden() {
    let manifest = common::manifest();
    let failed: Vec<_> = manifest.iter().filter(|e| e.status == "failed").collect();
    for e in &failed {
        assert!(
            e.error.as_deref().is_some_and(|s| !s.is_empty()),
            "{} failed without an error",
            e.name
        );
        assert!(e.file.is_none(), "{} failed yet names a file", e.name);
    }
    // zig without -linkmode external cannot link net's cgo: the manifest keeps
    // the build's own error ("relocation target getaddrinfo not defined").
    assert!(
        failed.iter().any(|e| e.name == "lookuphost-zig-go1.26"),
        "the known zig failure is not recorded"
    );
}

/// Spot checks of facts the golden files must never lose.
#[test]
fn key_facts() {
    let get = |name: &str| -> Fixture {
        fixtures()
            .into_iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("no fixture {name}"))
    };

    let r = get("sqlite-default-go1.26").report();
    let dep = r
        .facts
        .causes
        .iter()
        .find(|c| c.id == linklens::CauseId::CgoDep)
        .unwrap();
    assert_eq!(dep.module.as_deref(), Some("github.com/mattn/go-sqlite3"));
    assert_eq!(dep.version.as_deref(), Some("v1.14.22"));
    assert!(r
        .explanation
        .fixes
        .iter()
        .any(|f| f.id == FixId::PureGoDriver));

    let r = get("lookuphost-musl-go1.26").report();
    assert_eq!(r.facts.libc.name, linklens::LibcName::Musl);
    assert!(r.facts.causes.iter().all(|c| !c.makes_dynamic));
    assert!(
        r.explanation.headline.contains("musl"),
        "{}",
        r.explanation.headline
    );

    let r = get("lookuphost-glibc-static-go1.26").report();
    assert!(r
        .facts
        .warnings
        .iter()
        .any(|w| w.id == WarningId::GlibcStaticNss));
    assert_eq!(r.facts.libc.name, linklens::LibcName::Glibc);

    let r = get("lookuphost-musl-dynamic-go1.26").report();
    assert!(r
        .facts
        .warnings
        .iter()
        .any(|w| w.id == WarningId::MuslDynamic));

    let r = get("lookuphost-flags-go1.26").report();
    let cmd = &r.explanation.fixes[0].command;
    assert!(
        cmd.contains("-tags timetzdata") && cmd.contains("-X main.version=1.0"),
        "{cmd}"
    );
    let musl = r
        .explanation
        .fixes
        .iter()
        .find(|f| f.id == FixId::MuslGcc)
        .unwrap();
    assert!(
        musl.command
            .contains(r#"-extldflags "-Wl,--as-needed -static""#),
        "{}",
        musl.command
    );

    let r = get("lookuphost-file-go1.19").report();
    assert_eq!(
        r.facts.go.as_ref().unwrap().path.as_deref(),
        Some("command-line-arguments")
    );
    assert!(r.explanation.fixes[0]
        .notes
        .iter()
        .any(|n| n.id == NoteId::CommandLineFiles));

    let r = get("cstdio-arm64-zig-go1.26").report();
    assert_eq!(r.facts.arch.goarch.as_deref(), Some("arm64"));

    let r = get("hello-s390x-go1.26").report();
    assert_eq!(r.facts.endian, linklens::Endian::Big);
    assert!(r.facts.go.as_ref().unwrap().pclntab.is_some());

    // Plugins are often said to carry no build info; Go 1.26 plugins do
    // (go version -m agrees, see the differential test).
    let r = get("plugin-plugin-go1.26").report();
    assert_eq!(r.facts.kind, linklens::Kind::SharedObject);
    assert_eq!(
        r.facts.go.as_ref().unwrap().detected_by,
        linklens::GoDetection::Both
    );
    assert!(
        r.explanation.fixes.is_empty(),
        "a plugin is dynamic by design"
    );

    let r = get("hello-pie-go1.19").report();
    let p = r.facts.go.as_ref().unwrap().pclntab.as_ref().unwrap();
    assert_eq!(
        p.section.as_deref(),
        Some(".data.rel.ro.gopclntab"),
        "Go 1.19 PIE keeps the pclntab in .data.rel.ro.gopclntab"
    );

    let r = get("rust-dynamic").report();
    assert_eq!(r.facts.toolchain.language, Some(linklens::Language::Rust));
    assert_eq!(r.explanation.fixes[0].id, FixId::RustMusl);

    let r = get("lookuphost-386-go1.26").report();
    assert_eq!(r.facts.go.as_ref().unwrap().build.cgo_enabled, Some(false));
}

/// Which section a line of the text or Markdown output opens, if any.
fn section_of(line: &str, markdown: bool) -> Option<&'static str> {
    let marks: &[(&str, &str)] = if markdown {
        &[
            ("### ", "summary"),
            ("**Loader**", "loader"),
            ("**Causes**", "causes"),
            ("**Warnings**", "warnings"),
            ("**Recommended:", "fix"),
            ("**Alternatives**", "alternatives"),
            ("**Verify**", "verify"),
        ]
    } else {
        &[
            ("  interpreter ", "loader"),
            ("  needs ", "loader"),
            ("  rpath ", "loader"),
            ("  runpath ", "loader"),
            ("  cause ", "causes"),
            ("  warning ", "warnings"),
            ("  recommended:", "fix"),
            ("  alternatives:", "alternatives"),
            ("  verify:", "verify"),
        ]
    };
    marks
        .iter()
        .find(|(m, _)| line.starts_with(m))
        .map(|(_, s)| *s)
}

#[test]
fn text_and_markdown_have_the_same_sections_and_words() {
    for f in fixtures() {
        let r = f.report();
        let text = linklens_explain::render::text(&f.name, &r, Default::default());
        let md = linklens_explain::render::markdown(&f.name, &r);
        let mut in_text = vec!["summary"];
        in_text.extend(text.lines().skip(1).filter_map(|l| section_of(l, false)));
        let mut in_md: Vec<&str> = md.lines().filter_map(|l| section_of(l, true)).collect();
        in_text.dedup();
        in_md.dedup();
        assert_eq!(in_text, in_md, "{}: sections differ\n{text}\n{md}", f.name);
        // Every sentence of the report reaches both.
        let mut words: Vec<&str> = vec![&r.explanation.summary, &r.explanation.headline];
        words.extend(r.explanation.warnings.iter().map(String::as_str));
        for fix in &r.explanation.fixes {
            words.push(&fix.title);
            words.push(&fix.command);
        }
        if let Some(first) = r.explanation.fixes.first() {
            words.extend(first.notes.iter().map(|n| n.text.as_str()));
            words.extend(first.caveats.iter().map(String::as_str));
            words.extend(first.verify.iter().map(String::as_str));
        }
        for c in &r.facts.causes {
            words.push(linklens_explain::catalogue::cause(c.id).title);
            words.push(linklens_explain::catalogue::cause(c.id).summary);
        }
        // Every placeholder of every sentence was filled by a value of the facts.
        let unfilled = |w: &str| {
            w.split('{').skip(1).any(|after| {
                after.split_once('}').is_some_and(|(name, _)| {
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
            })
        };
        for w in r
            .explanation
            .warnings
            .iter()
            .chain(r.explanation.targets.iter().map(|t| &t.reason))
        {
            assert!(
                !unfilled(w),
                "{}: a sentence with a placeholder left: {w}",
                f.name
            );
        }
        for w in words {
            assert!(text.contains(w), "{}: text lacks {w:?}", f.name);
            assert!(md.contains(w), "{}: markdown lacks {w:?}", f.name);
        }
    }
}

/// A dotted version, for ordering.
fn version(v: &str) -> Option<linklens::version::Version> {
    linklens::version::Version::parse(v)
}

/// The target verdicts a fixture must get, from how it was built: static
/// runs everywhere its architecture is published; a glibc link runs
/// wherever glibc is at least the one it was linked against (for what it
/// needs of glibc), never below its floor; musl needs musl's loader.
fn where_it_runs(
    f: &common::Fixture,
    r: &linklens_explain::Report,
    check: &mut impl FnMut(&str, bool, String),
) {
    use linklens::{ReasonId, TargetId, Verdict};
    let (p, e) = (&r.facts.portability, &r.explanation);
    // Built for another system than Linux (GOOS in its command): no targets, a note.
    let other_os = f
        .command
        .split_whitespace()
        .any(|w| w.starts_with("GOOS=") && w != "GOOS=linux");
    if f.expect.format != "elf" || other_os {
        check(
            "targets",
            e.targets.is_empty() && e.targets_note.is_some(),
            format!("{} targets, note {:?}", e.targets.len(), e.targets_note),
        );
        return;
    }
    check(
        "targets",
        e.targets.len() == TargetId::ALL.len(),
        format!("{} targets", e.targets.len()),
    );
    for t in &e.targets {
        if t.reason_id == ReasonId::ArchUnpublished {
            continue;
        }
        if f.expect.linkage != "dynamic" {
            // It starts; a file it reads may still be missing there.
            check(
                "static runs",
                matches!(t.verdict, Verdict::Runs | Verdict::StartsBut),
                format!("{}: {:?} {}", t.id, t.verdict, t.reason),
            );
        }
        let glibc = linklens_explain::glibc_of(t.id);
        if let (Some(linked), Some(have)) = (&f.expect.glibc_linked_for, glibc) {
            if version(have) >= version(linked) {
                let ok = !matches!(
                    t.reason_id,
                    ReasonId::GlibcTooOld | ReasonId::GlibcWeakTooOld
                );
                check(
                    "glibc floor",
                    ok,
                    format!(
                        "linked for glibc {linked}, yet {} ({have}): {}",
                        t.id, t.reason
                    ),
                );
            }
            if let Some(min) = &p.glibc_min {
                if version(have) < version(min) {
                    check(
                        "glibc floor",
                        t.verdict == Verdict::Fails,
                        format!("needs {min}, yet {} ({have}) is {:?}", t.id, t.verdict),
                    );
                }
            }
        }
        if f.expect.musl_dynamic {
            let want = if t.id == TargetId::Alpine {
                Verdict::Runs
            } else {
                Verdict::Fails
            };
            check(
                "musl loader",
                t.verdict == want,
                format!("{}: {:?} {}", t.id, t.verdict, t.reason),
            );
        }
    }
    if let (Some(linked), Some(min)) = (&f.expect.glibc_linked_for, &p.glibc_min) {
        check(
            "glibc floor",
            version(min) <= version(linked),
            format!("floor {min} above the glibc it was linked for, {linked}"),
        );
    }
    check(
        "musl",
        p.musl == f.expect.musl_dynamic,
        format!("portability.musl {}", p.musl),
    );
    for w in &f.expect.weak_versions {
        let weak = p.requires.iter().any(|q| &q.version == w && q.weak);
        check("weak version", weak, format!("{w} is not reported weak"));
        check(
            "weak floor",
            p.glibc_min_weak.as_deref() == w.strip_prefix("GLIBC_"),
            format!("glibc_min_weak {:?}", p.glibc_min_weak),
        );
    }
}

/// Every command linklens prints for a fixture was run by `cargo xtask
/// fixtures` (`xtask/src/prove.rs`) and gave what it promised: the
/// recommended one a static (or static-pie) file, the ones that stay
/// dynamic a file whose glibc floor is the one they name. A command that
/// did not build fails here with the build's own error. The recorded
/// commands must be the ones linklens prints today, or the proof is stale.
#[test]
fn every_printed_command_was_run_and_kept_its_promise() {
    let mut failures = Vec::new();
    let (mut run, mut static_results, mut skipped) = (0, 0, 0);
    for f in fixtures() {
        let r = f.report();
        if r.facts.format != linklens::Format::Elf {
            continue;
        }
        let printed: Vec<(&str, &str)> = r
            .explanation
            .fixes
            .iter()
            .map(|x| (x.id.as_str(), x.command.as_str()))
            .collect();
        let proved: Vec<(&str, &str)> = f
            .proofs()
            .iter()
            .map(|p| (p.fix.as_str(), p.command.as_str()))
            .collect();
        if printed != proved {
            failures.push(format!("{}: the recorded proofs are stale (cargo xtask fixtures)\n  printed {printed:?}\n  proved  {proved:?}", f.name));
            continue;
        }
        for (p, fix) in f.proofs().iter().zip(&r.explanation.fixes) {
            match p.outcome {
                Outcome::Skipped => {
                    skipped += 1;
                    continue;
                }
                Outcome::Failed => {
                    failures.push(format!(
                        "{}: {} did not build (in {}): {}\n  {}",
                        f.name,
                        p.fix,
                        p.cwd,
                        p.command,
                        p.detail.as_deref().unwrap_or("")
                    ));
                    continue;
                }
                _ => run += 1,
            }
            // The same in a clean environment (no C compiler unless the
            // command names one): nothing is left to the shell's defaults.
            if p.clean != Some(p.outcome) {
                failures.push(format!(
                    "{}: {} gave {} in a shell, {:?} in a clean environment: {}",
                    f.name, p.fix, p.outcome, p.clean, p.command
                ));
            }
            if p.outcome.linkage() != Some(fix.expect) || p.expect != fix.expect {
                failures.push(format!(
                    "{}: {} gave a {} file, it promises {}: {}",
                    f.name,
                    p.fix,
                    p.outcome,
                    fix.expect.as_str(),
                    p.command
                ));
            }
            if p.outcome
                .linkage()
                .is_some_and(linklens::Linkage::is_static)
            {
                static_results += 1;
            }
            // A musl recipe must give musl (or no C library), not a glibc
            // link that happened to be static.
            if matches!(fix.id, linklens::FixId::MuslGcc | linklens::FixId::ZigMusl) {
                let libc = p.libc.unwrap_or(linklens::LibcName::Unknown);
                if !matches!(libc, linklens::LibcName::Musl | linklens::LibcName::None) {
                    failures.push(format!(
                        "{}: {} gave a {libc} file: {}",
                        f.name, p.fix, p.command
                    ));
                }
            }
            // A BoringCrypto build stays one, unless the fix says it cannot.
            if let Some(n) = p.boringcrypto_symbols {
                let said = fix
                    .notes
                    .iter()
                    .any(|n| n.id == linklens::NoteId::BoringcryptoDropped);
                if n == 0 && !said {
                    failures.push(format!(
                        "{}: {} left BoringCrypto out without saying so: {}",
                        f.name, p.fix, p.command
                    ));
                }
            } else if p.command.contains("boringcrypto")
                && p.outcome != Outcome::Skipped
                && p.outcome != Outcome::Failed
            {
                failures.push(format!(
                    "{}: {} was not checked for BoringCrypto (cargo xtask fixtures)",
                    f.name, p.fix
                ));
            }
            let floor = fix
                .notes
                .iter()
                .find(|n| n.id == linklens::NoteId::GlibcFloor);
            if let (Some(_), Some(min)) = (floor, &p.glibc_min) {
                let named = fix.glibc_floor.as_deref();
                let ok = named.is_some_and(|n| version(min) <= version(n));
                if !ok {
                    failures.push(format!(
                        "{}: {} rebuilt needs glibc {min}, it names {named:?}",
                        f.name, p.fix
                    ));
                }
            }
        }
        if let Some(first) = f.proofs().first() {
            let recommended_static = first
                .outcome
                .linkage()
                .is_some_and(linklens::Linkage::is_static);
            // Dynamic by design (purego): the first fix moves the glibc
            // floor and promises nothing static, as its words say.
            let by_design = r
                .facts
                .causes
                .iter()
                .any(|c| c.id == linklens::CauseId::Purego);
            if !recommended_static && first.outcome != Outcome::Skipped && !by_design {
                failures.push(format!(
                    "{}: the recommended {} gave {}",
                    f.name, first.fix, first.outcome
                ));
            }
        }
    }
    eprintln!(
        "proven: {run} commands run, {static_results} static results, {skipped} not run here"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(run >= 80, "only {run} commands were run");
}

/// Every rebuilt file judged again without linklens, by the tools users
/// trust: `file` for the linkage, `readelf` for the interpreter, the NEEDED
/// libraries and the versions required. A bug in the analysis cannot bless
/// its own wrong command: the promise must hold in their words too.
#[test]
fn every_proof_holds_in_file_and_readelf_too() {
    let mut failures = Vec::new();
    let mut judged = 0;
    for f in fixtures() {
        let r = f.report();
        for (p, fix) in f.proofs().iter().zip(&r.explanation.fixes) {
            if matches!(p.outcome, Outcome::Skipped | Outcome::Failed) {
                continue;
            }
            let (Some(file), Some(elf)) = (&p.file, &p.readelf) else {
                failures.push(format!(
                    "{}: {} has no file/readelf view (cargo xtask fixtures)",
                    f.name, p.fix
                ));
                continue;
            };
            judged += 1;
            let no_loader = elf.interpreter.is_none() && elf.needed.is_empty();
            let by_tools = if no_loader && file.contains("static-pie linked") {
                "static-pie"
            } else if no_loader && file.contains("statically linked") {
                "static"
            } else if !no_loader && file.contains("dynamically linked") {
                "dynamic"
            } else {
                "file and readelf disagree"
            };
            if by_tools != fix.expect.as_str() {
                failures.push(format!(
                    "{}: {} promises {}, file and readelf say {by_tools}: {file}; {elf:?}",
                    f.name,
                    p.fix,
                    fix.expect.as_str()
                ));
            }
            if matches!(fix.id, linklens::FixId::MuslGcc | linklens::FixId::ZigMusl) {
                let musl = elf
                    .interpreter
                    .as_deref()
                    .is_none_or(|i| i.contains("ld-musl"))
                    && elf.needed.iter().all(|n| n == "libc.so")
                    && elf.versions.is_empty();
                if !musl {
                    failures.push(format!(
                        "{}: {} promises musl, readelf shows {elf:?}",
                        f.name, p.fix
                    ));
                }
            }
            if fix
                .notes
                .iter()
                .any(|n| n.id == linklens::NoteId::GlibcFloor)
            {
                let named = fix.glibc_floor.as_deref();
                let highest = elf
                    .versions
                    .iter()
                    .filter_map(|v| v.strip_prefix("GLIBC_"))
                    .map(version)
                    .max();
                let ok = match (named, highest) {
                    (Some(n), Some(h)) => h <= version(n),
                    (_, None) => true,
                    (None, Some(_)) => false,
                };
                if !ok {
                    failures.push(format!(
                        "{}: {} names the floor {named:?}, readelf shows {:?}",
                        f.name, p.fix, elf.versions
                    ));
                }
            }
        }
    }
    eprintln!("{judged} rebuilt files judged by file and readelf");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(judged >= 80, "only {judged} rebuilt files judged");
}

/// A fix keeps what the binary chose — its target, tags, build mode,
/// `-trimpath`, `-race` and linker flags — or one of its notes says what it
/// removes and why. Checked on the rebuilt files themselves: their build
/// settings, recorded with each proof.
#[test]
fn fixes_keep_what_the_binary_chose() {
    use linklens::NoteId;
    let mut failures = Vec::new();
    let mut compared = 0;
    for f in fixtures() {
        let r = f.report();
        let Some(go) = &r.facts.go else { continue };
        let get = |settings: &[(String, String)], key: &str| {
            settings
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let original: Vec<(String, String)> = go
            .settings
            .iter()
            .map(|s| (s.key.clone(), s.value.clone()))
            .collect();
        for (p, fix) in f.proofs().iter().zip(&r.explanation.fixes) {
            if p.settings.is_empty() {
                continue;
            }
            compared += 1;
            let noted = |id: NoteId| fix.notes.iter().any(|n| n.id == id);
            let mut check = |what: &str, ok: bool| {
                if !ok {
                    failures.push(format!(
                        "{}: {} changed {what} without saying so: {}\n  before {:?}\n  after  {:?}",
                        f.name, p.fix, p.command, original, p.settings
                    ));
                }
            };
            // Only what the binary recorded can be kept (Go 1.19's test
            // binaries record no settings at all).
            let recorded = !original.is_empty();
            // Every key the binary recorded, by its row in the settings
            // table: kept as it was, dropped with its note, or one of the
            // keys a fix changes (checked one by one below).
            use linklens_explain::settings::{handling, Handling};
            for (key, _) in &original {
                let mut same = get(&original, key) == get(&p.settings, key);
                if key == "-pgo" {
                    // The profile beside the main package, in the proof's
                    // copy of the source: the same file, another checkout.
                    let tail = |v: Option<String>| v.map(|v| v.rsplit('/').take(3).map(str::to_string).collect::<Vec<_>>());
                    same = tail(get(&original, key)) == tail(get(&p.settings, key));
                }
                match handling(key) {
                    None => check(&format!("{key} (no row in the settings table)"), false),
                    Some(Handling::Kept) => check(key, same),
                    Some(Handling::NeedsCgo(id)) => check(
                        key,
                        same || noted(id)
                            || (id == NoteId::CgoFlagsDropped
                                && get(&p.settings, "CGO_ENABLED").as_deref() == Some("0")),
                    ),
                    // The same source, go.mod and checkout: the same value;
                    // DefaultGODEBUG also follows the toolchain, and the
                    // proofs rebuild with Go 1.26.
                    Some(Handling::Derived) if key == "DefaultGODEBUG" && !f.name.ends_with("-go1.26") => {}
                    Some(Handling::Derived) => check(key, same),
                    Some(Handling::Changed) if key == "-compiler" => {
                        check(key, same || noted(NoteId::GcInsteadOfGccgo))
                    }
                    Some(Handling::Changed) => {}
                    Some(Handling::WasmOnly) => check(&format!("{key} (recorded in an ELF file)"), false),
                }
            }
            let mode = |s: &[(String, String)]| get(s, "-buildmode").filter(|m| m != "exe");
            // A static-pie recipe sets -buildmode=pie (Go 1.19 did not record it).
            let pie_set =
                fix.id == linklens::FixId::StaticPie && mode(&p.settings).as_deref() == Some("pie");
            check(
                "-buildmode",
                !recorded
                    || mode(&original) == mode(&p.settings)
                    || noted(NoteId::PieDropped)
                    || pie_set,
            );
            let tags = |s: &[(String, String)]| {
                get(s, "-tags")
                    .map(|t| t.split(',').map(str::to_string).collect::<Vec<_>>())
                    .unwrap_or_default()
            };
            let after = tags(&p.settings);
            let dropped_sqlite = |t: &String| t == "libsqlite3" && noted(NoteId::BundledSqlite);
            check(
                "-tags",
                tags(&original)
                    .iter()
                    .all(|t| after.contains(t) || dropped_sqlite(t)),
            );
            // Every -ldflags word the binary had is still there, but for
            // the link mode and external flags a static recipe sets.
            let after_ld = get(&p.settings, "-ldflags").unwrap_or_default();
            let kept = get(&original, "-ldflags")
                .unwrap_or_default()
                .split_whitespace()
                .all(|w| {
                    w == "-linkmode"
                        || w == "external"
                        || w.starts_with("-extldflags")
                        || w.starts_with('"')
                        || after_ld
                            .split_whitespace()
                            .any(|a| a == w || a.starts_with(w))
                });
            check("-ldflags", kept || noted(NoteId::LinkmodeDropped));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(compared >= 60, "only {compared} rebuilt files compared");
}
