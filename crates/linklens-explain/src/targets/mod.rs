//! Where a Linux binary runs: a verdict for each target of
//! [`table::TARGETS`], from the versions its loader will check (the facts'
//! `portability`), its loader and libraries, and what each system has.
//! The words from the catalogue.

mod table;

use linklens::version::{self, Version};
use linklens::{
    Dynamic, Facts, LibcName, Linkage, Need, NeedId, Os, Portability, ReasonId, RemedyId,
    Requirement, Verdict,
};

use crate::catalogue::{self, fill};
use crate::explanation::{Fix, Remedy, TargetResult};
pub use table::glibc_of;
pub(crate) use table::{Target, TargetLibc, TARGETS};

/// The glibc target with the oldest glibc at or above `floor`.
pub fn oldest_with_glibc(floor: &str) -> Option<linklens::TargetId> {
    let floor = Version::parse(floor)?;
    TARGETS
        .iter()
        .filter_map(|t| match t.libc {
            TargetLibc::Glibc(v) => Version::parse(v).filter(|v| *v >= floor).map(|v| (v, t.id)),
            _ => None,
        })
        .min()
        .map(|(_, id)| id)
}

/// What the verdicts depend on.
struct Input<'a> {
    os: Os,
    linkage: Linkage,
    goarch: Option<&'a str>,
    machine: &'a str,
    libc: LibcName,
    dynamic: &'a Dynamic,
    /// The files the program reads once started.
    needs: &'a [Need],
    /// os/user looks accounts up through libc (the `osuser` cause).
    accounts_via_libc: bool,
}

/// A verdict for every target, or the note saying why there is none.
pub(crate) fn judge(facts: &Facts, fixes: &[Fix]) -> (Vec<TargetResult>, Option<String>) {
    let input = Input {
        os: facts.os.name,
        linkage: facts.linkage,
        goarch: facts.arch.goarch.as_deref(),
        machine: &facts.arch.machine,
        libc: facts.libc.name,
        dynamic: &facts.dynamic,
        needs: facts.go.as_ref().map_or(&[][..], |g| g.needs.as_slice()),
        accounts_via_libc: facts.causes.iter().any(|c| c.id == linklens::CauseId::OsUser),
    };
    if input.os != Os::Linux {
        let note = fill(
            catalogue::sentences::TARGETS_NOT_LINUX,
            &[("os", catalogue::os_name(input.os))],
        );
        return (Vec::new(), Some(note));
    }
    (verdicts(&facts.portability, &input, fixes), None)
}

/// What a container runtime gives a program that looks host names up,
/// for a file with target verdicts.
pub(crate) fn resolver(facts: &Facts, judged: bool) -> Option<String> {
    let need = facts
        .go
        .as_ref()?
        .needs
        .iter()
        .find(|n| n.id == NeedId::Hosts)
        .filter(|_| judged)?;
    Some(fill(
        catalogue::sentences::RESOLVER_FILES,
        &[
            ("function", &need.evidence.value),
            ("error", catalogue::sentences::RESOLVER_ERROR),
        ],
    ))
}

fn verdicts(p: &Portability, input: &Input, fixes: &[Fix]) -> Vec<TargetResult> {
    let fix = fixes.first().map(|f| f.id);
    TARGETS.iter().map(|t| result(t, p, input, fix)).collect()
}

/// One target's verdict in words: the loader's lines where it stops the
/// program, the remedies for the image as it is, and the files a started
/// program would miss there.
fn result(
    t: &Target,
    p: &Portability,
    input: &Input,
    fix: Option<linklens::FixId>,
) -> TargetResult {
    let (mut verdict, mut reason_id, mut args) = verdict(t, p, input);
    let name = catalogue::target(t.id).name;
    args.insert(0, ("target", name.to_string()));
    let mut error = error_lines(t, p, input, reason_id, &args);
    let mut remedies: Vec<Remedy> = remedy(t, reason_id, &args).into_iter().collect();
    let mut lacks = Vec::new();
    if verdict == Verdict::Runs {
        lacks = input
            .needs
            .iter()
            .filter(|n| !t.files.has(n.id))
            .collect::<Vec<_>>();
        // Only a file the image could ship is lacked, and each has a reason.
        if let Some((first, Some(reason))) = lacks
            .first()
            .map(|n| (n, catalogue::need(n.id).reason))
        {
            verdict = Verdict::StartsBut;
            reason_id = reason;
            args.push(("function", first.evidence.value.clone()));
            let errors: Vec<String> = lacks
                .iter()
                .filter_map(|n| need_error(n, input.accounts_via_libc))
                .map(str::to_string)
                .collect();
            error = Some(errors.join("\n"));
            remedies = lacks.iter().filter_map(|n| lack_remedy(t, n.id)).collect();
        }
    }
    let filled: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut reason = fill(catalogue::reason(reason_id).reason, &filled);
    if lacks.len() > 1 {
        let files: Vec<&str> = lacks.iter().skip(1).map(|n| catalogue::need(n.id).name).collect();
        reason.push_str(&fill(catalogue::ALSO_LACKS, &[("files", &files.join(", "))]));
    }
    let rebuild_helps = !matches!(verdict, Verdict::Runs | Verdict::StartsBut)
        && reason_id != ReasonId::ArchUnpublished;
    TargetResult {
        id: t.id,
        name: name.to_string(),
        verdict,
        reason_id,
        reason,
        error,
        fix: if rebuild_helps { fix } else { None },
        lacks: lacks.iter().map(|n| n.id).collect(),
        remedies,
    }
}

/// What a started program prints where a file it needs is missing.
pub(crate) fn need_error(n: &Need, accounts_via_libc: bool) -> Option<&'static str> {
    match n.id {
        linklens::NeedId::Accounts => catalogue::accounts_error(&n.evidence.value, accounts_via_libc),
        id => catalogue::reason(catalogue::need(id).reason?).error,
    }
}

/// What the user sees where it does not start: the loader's own lines
/// (every missing version, in the file's order, with the path the loader
/// resolved there), or the reason's one line.
fn error_lines(
    t: &Target,
    p: &Portability,
    input: &Input,
    reason: ReasonId,
    args: &Args,
) -> Option<String> {
    let template = catalogue::reason(reason).error?;
    if !matches!(reason, ReasonId::GlibcTooOld | ReasonId::CxxTooOld) {
        let filled: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        return Some(fill(template, &filled));
    }
    let goarch = input.goarch.unwrap_or_default();
    let lines: Vec<String> = p
        .requires
        .iter()
        .filter(|r| missing_version(t, r))
        .map(|r| {
            let line = if r.weak {
                catalogue::LOADER_WEAK_VERSION
            } else {
                catalogue::LOADER_VERSION
            };
            fill(
                line,
                &[
                    ("path", &table::library_path(t, goarch, &r.library)),
                    ("version", &r.version),
                ],
            )
        })
        .collect();
    Some(lines.join("\n"))
}

/// A version the target's glibc or libstdc++ does not define.
fn missing_version(t: &Target, r: &Requirement) -> bool {
    let TargetLibc::Glibc(glibc) = t.libc else {
        return false;
    };
    let have = match (
        version::of("GLIBC_", &r.version),
        version::of("GLIBCXX_", &r.version),
        version::of("CXXABI_", &r.version),
    ) {
        (Some(_), _, _) => Some(glibc),
        (_, Some(_), _) => t.cxx.map(|c| c.glibcxx),
        (_, _, Some(_)) => t.cxx.map(|c| c.cxxabi),
        _ => None,
    };
    let need = ["GLIBC_", "GLIBCXX_", "CXXABI_"]
        .iter()
        .find_map(|prefix| version::of(prefix, &r.version));
    matches!((need, have.and_then(Version::parse)), (Some(need), Some(have)) if need > have)
}

/// The remedy for an image that fails as shipped: the package, or gcompat.
fn remedy(t: &Target, reason: ReasonId, args: &Args) -> Option<Remedy> {
    let arg = |key: &str| {
        args.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    match reason {
        ReasonId::LibraryInstallable => {
            let (install, library) = (t.install?, arg("library"));
            let package = table::package_of(&library, install)?;
            Some(remedy_words(
                RemedyId::InstallPackage,
                &[
                    ("install", install),
                    ("package", package),
                    ("library", &library),
                ],
            ))
        }
        ReasonId::GlibcOnMusl => Some(remedy_words(RemedyId::Gcompat, &[])),
        _ => None,
    }
}

/// The remedy for a run-time file the target lacks.
fn lack_remedy(t: &Target, need: NeedId) -> Option<Remedy> {
    Some(match (need, t.install) {
        (NeedId::CaBundle, Some(install)) => {
            remedy_words(RemedyId::InstallCaCertificates, &[("install", install)])
        }
        (NeedId::CaBundle, None) => remedy_words(RemedyId::CopyCaBundle, &[]),
        (NeedId::Zoneinfo, Some(install)) => {
            remedy_words(RemedyId::InstallTzdata, &[("install", install)])
        }
        (NeedId::Zoneinfo, None) => remedy_words(RemedyId::EmbedTzdata, &[]),
        (NeedId::Accounts, _) => remedy_words(RemedyId::CopyAccounts, &[]),
        // The runtime mounts them: no image line would stay in place.
        (NeedId::Hosts, _) => return None,
    })
}

fn remedy_words(id: RemedyId, args: &[(&str, &str)]) -> Remedy {
    let words = catalogue::remedy(id);
    Remedy {
        id,
        command: fill(words.command, args),
        caveat: fill(words.caveat, args),
    }
}


type Args = Vec<(&'static str, String)>;

fn verdict(t: &Target, p: &Portability, i: &Input) -> (Verdict, ReasonId, Args) {
    let arch = i.goarch.unwrap_or(i.machine);
    if !t.arches.is_empty() && !i.goarch.is_some_and(|a| t.arches.contains(&a)) {
        return (
            Verdict::Fails,
            ReasonId::ArchUnpublished,
            vec![("arch", arch.to_string())],
        );
    }
    if i.linkage.is_static() {
        return (Verdict::Runs, ReasonId::Static, vec![]);
    }
    let interpreter = i.dynamic.interpreter.clone().unwrap_or_default();
    let loader = |id| {
        (
            Verdict::Fails,
            id,
            vec![("interpreter", interpreter.clone())],
        )
    };
    let glibc_binary = i.libc == LibcName::Glibc;
    // A library has no interpreter of its own: the program that loads it
    // brings the loader, and its NEEDED libraries are what must be there.
    if i.dynamic.interpreter.is_some() {
        match (t.libc, p.musl, glibc_binary) {
            (TargetLibc::None, _, _) => return loader(ReasonId::NoLoader),
            (TargetLibc::MuslWithoutLoader, true, _) => return loader(ReasonId::MuslLoaderMissing),
            (TargetLibc::MuslWithoutLoader, false, _) => return loader(ReasonId::NoLoader),
            (TargetLibc::Glibc(_), true, _) => return loader(ReasonId::MuslOnGlibc),
            // As shipped: no glibc loader (gcompat, a remedy, adds one).
            (TargetLibc::Musl, false, true) => return loader(ReasonId::GlibcOnMusl),
            _ => {}
        }
    }
    if !p.musl && !glibc_binary {
        return (Verdict::Maybe, ReasonId::LibcUnknown, vec![]);
    }

    // The loader finds every library before it checks any version: a
    // missing one is the first (and only) error, installable or not.
    if let Some(lib) = i.dynamic.needed.iter().find(|lib| !has_library(t, lib)) {
        return match t.install {
            Some(install) => (
                Verdict::Fails,
                ReasonId::LibraryInstallable,
                vec![("library", lib.clone()), ("install", install.to_string())],
            ),
            None => (
                Verdict::Fails,
                ReasonId::LibraryMissing,
                vec![("library", lib.clone())],
            ),
        };
    }

    if let TargetLibc::Glibc(have) = t.libc {
        let have_v = Version::parse(have);
        if let Some(r) = too_new(p, "GLIBC_", have_v.as_ref(), false) {
            return (
                Verdict::Fails,
                ReasonId::GlibcTooOld,
                requirement_args(r, have),
            );
        }
        if let Some(cxx) = t.cxx {
            for (prefix, have) in [("GLIBCXX_", cxx.glibcxx), ("CXXABI_", cxx.cxxabi)] {
                if let Some(r) = too_new(p, prefix, Version::parse(have).as_ref(), true) {
                    return (
                        Verdict::Fails,
                        ReasonId::CxxTooOld,
                        requirement_args(r, have),
                    );
                }
            }
        }
        if let Some(r) = too_new(p, "GLIBC_", have_v.as_ref(), true) {
            return (
                Verdict::Maybe,
                ReasonId::GlibcWeakTooOld,
                requirement_args(r, have),
            );
        }
    }
    match t.libc {
        TargetLibc::Glibc(have) => {
            let need = p
                .glibc_min
                .clone()
                .unwrap_or_else(|| catalogue::sentences::NO_VERSION.to_string());
            (
                Verdict::Runs,
                ReasonId::GlibcOk,
                vec![("have", have.to_string()), ("need", need)],
            )
        }
        _ => (Verdict::Runs, ReasonId::MuslOk, vec![]),
    }
}

fn has_library(t: &Target, lib: &str) -> bool {
    let glibc = table::GLIBC_LIBRARIES.contains(&lib)
        || lib.starts_with("ld-linux")
        || lib.starts_with("libnss_");
    let musl = lib == "libc.so" || lib.starts_with("libc.musl-") || lib.starts_with("ld-musl-");
    let cxx = table::CXX_LIBRARIES.contains(&lib);
    match t.libc {
        TargetLibc::Glibc(_) if glibc => true,
        TargetLibc::Musl if musl => true,
        _ if cxx => t.cxx.is_some_and(|c| c.installed),
        _ => t.extra.contains(&lib),
    }
}

/// The newest requirement with `prefix` above `have` (non-weak only unless
/// `weak`).
fn too_new<'p>(
    p: &'p Portability,
    prefix: &str,
    have: Option<&Version>,
    weak: bool,
) -> Option<&'p Requirement> {
    let have = have?;
    p.requires
        .iter()
        .filter(|r| weak || !r.weak)
        .filter_map(|r| version::of(prefix, &r.version).map(|v| (v, r)))
        .filter(|(v, _)| v > have)
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, r)| r)
}

/// At most this many symbols are named in a sentence; the report lists all.
const SYMBOLS_NAMED: usize = 4;

fn requirement_args(r: &Requirement, have: &str) -> Args {
    let mut symbols: Vec<&str> = r
        .symbols
        .iter()
        .take(SYMBOLS_NAMED)
        .map(String::as_str)
        .collect();
    if r.symbols.len() > SYMBOLS_NAMED {
        symbols.push("…");
    }
    vec![
        ("version", r.version.clone()),
        ("library", r.library.clone()),
        ("have", have.to_string()),
        (
            "symbols",
            if symbols.is_empty() {
                catalogue::sentences::NO_SYMBOLS.to_string()
            } else {
                symbols.join(", ")
            },
        ),
        ("symbol", r.symbols.first().cloned().unwrap_or_default()),
    ]
}

#[cfg(test)]
mod tests;
