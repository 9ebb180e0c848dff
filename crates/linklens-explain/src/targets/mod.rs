//! Where a Linux binary runs: a verdict for each target of
//! [`table::TARGETS`], from the versions its loader will check (the facts'
//! `portability`), its loader and libraries, and what each system has.
//! The words from the catalogue.

mod table;

use linklens::version::{self, Version};
use linklens::{Dynamic, Facts, LibcName, Linkage, Os, Portability, ReasonId, Requirement, Verdict};

use crate::catalogue::{self, fill};
use crate::explanation::{Fix, TargetResult};
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
    };
    if input.os != Os::Linux {
        let note = fill(catalogue::sentences::TARGETS_NOT_LINUX, &[("os", catalogue::os_name(input.os))]);
        return (Vec::new(), Some(note));
    }
    (verdicts(&facts.portability, &input, fixes), None)
}

fn verdicts(p: &Portability, input: &Input, fixes: &[Fix]) -> Vec<TargetResult> {
    let fix = fixes.first().map(|f| f.id);
    TARGETS
        .iter()
        .map(|t| {
            let (verdict, reason_id, args) = verdict(t, p, input);
            let words = catalogue::reason(reason_id);
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let mut all = vec![("target", catalogue::target(t.id).name)];
            all.extend(args);
            TargetResult {
                id: t.id,
                name: catalogue::target(t.id).name.to_string(),
                verdict,
                reason_id,
                reason: fill(words.reason, &all),
                error: words.error.map(|e| fill(e, &all)),
                fix: if verdict == Verdict::Runs || reason_id == ReasonId::ArchUnpublished { None } else { fix },
            }
        })
        .collect()
}

type Args = Vec<(&'static str, String)>;

fn verdict(t: &Target, p: &Portability, i: &Input) -> (Verdict, ReasonId, Args) {
    let arch = i.goarch.unwrap_or(i.machine);
    if !t.arches.is_empty() && !i.goarch.is_some_and(|a| t.arches.contains(&a)) {
        return (Verdict::Fails, ReasonId::ArchUnpublished, vec![("arch", arch.to_string())]);
    }
    if i.linkage.is_static() {
        return (Verdict::Runs, ReasonId::Static, vec![]);
    }
    let interpreter = i.dynamic.interpreter.clone().unwrap_or_default();
    let loader = |id| (Verdict::Fails, id, vec![("interpreter", interpreter.clone())]);
    let glibc_binary = i.libc == LibcName::Glibc;
    // A library has no interpreter of its own: the program that loads it
    // brings the loader, and its NEEDED libraries are what must be there.
    if i.dynamic.interpreter.is_some() {
        match (t.libc, p.musl, glibc_binary) {
            (TargetLibc::None, _, _) => return loader(ReasonId::NoLoader),
            (TargetLibc::MuslWithoutLoader, true, _) => return loader(ReasonId::MuslLoaderMissing),
            (TargetLibc::MuslWithoutLoader, false, _) => return loader(ReasonId::NoLoader),
            (TargetLibc::Glibc(_), true, _) => return loader(ReasonId::MuslOnGlibc),
            (TargetLibc::Musl, false, true) => {
                return (Verdict::Maybe, ReasonId::GlibcOnMusl, vec![("interpreter", interpreter)]);
            }
            _ => {}
        }
    }
    if !p.musl && !glibc_binary {
        return (Verdict::Maybe, ReasonId::LibcUnknown, vec![]);
    }

    let mut installable = None;
    for lib in &i.dynamic.needed {
        if has_library(t, lib) {
            continue;
        }
        match t.install {
            Some(install) => {
                installable.get_or_insert_with(|| vec![("library", lib.clone()), ("install", install.to_string())]);
            }
            None => return (Verdict::Fails, ReasonId::LibraryMissing, vec![("library", lib.clone())]),
        }
    }

    if let TargetLibc::Glibc(have) = t.libc {
        let have_v = Version::parse(have);
        if let Some(r) = too_new(p, "GLIBC_", have_v.as_ref(), false) {
            return (Verdict::Fails, ReasonId::GlibcTooOld, requirement_args(r, have));
        }
        if let Some(cxx) = t.cxx {
            for (prefix, have) in [("GLIBCXX_", cxx.glibcxx), ("CXXABI_", cxx.cxxabi)] {
                if let Some(r) = too_new(p, prefix, Version::parse(have).as_ref(), true) {
                    return (Verdict::Fails, ReasonId::CxxTooOld, requirement_args(r, have));
                }
            }
        }
        if let Some(r) = too_new(p, "GLIBC_", have_v.as_ref(), true) {
            return (Verdict::Maybe, ReasonId::GlibcWeakTooOld, requirement_args(r, have));
        }
    }
    if let Some(args) = installable {
        return (Verdict::Maybe, ReasonId::LibraryInstallable, args);
    }
    match t.libc {
        TargetLibc::Glibc(have) => {
            let need = p.glibc_min.clone().unwrap_or_else(|| catalogue::sentences::NO_VERSION.to_string());
            (Verdict::Runs, ReasonId::GlibcOk, vec![("have", have.to_string()), ("need", need)])
        }
        _ => (Verdict::Runs, ReasonId::MuslOk, vec![]),
    }
}

fn has_library(t: &Target, lib: &str) -> bool {
    let glibc = table::GLIBC_LIBRARIES.contains(&lib) || lib.starts_with("ld-linux") || lib.starts_with("libnss_");
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
fn too_new<'p>(p: &'p Portability, prefix: &str, have: Option<&Version>, weak: bool) -> Option<&'p Requirement> {
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
    let mut symbols: Vec<&str> = r.symbols.iter().take(SYMBOLS_NAMED).map(String::as_str).collect();
    if r.symbols.len() > SYMBOLS_NAMED {
        symbols.push("…");
    }
    vec![
        ("version", r.version.clone()),
        ("library", r.library.clone()),
        ("have", have.to_string()),
        ("symbols", if symbols.is_empty() { catalogue::sentences::NO_SYMBOLS.to_string() } else { symbols.join(", ") }),
        ("symbol", r.symbols.first().cloned().unwrap_or_default()),
    ]
}

#[cfg(test)]
mod tests;
