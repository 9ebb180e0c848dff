//! Where a Linux binary runs: the versions its loader will check (the
//! glibc floor, libstdc++'s), the symbols that raise them, and a verdict
//! for each target of [`targets::TARGETS`]. Facts come from the ELF layer;
//! the words from the catalogue.

mod targets;
mod version;

use crate::catalogue::{self, fill};
use crate::elf::Needed;
use crate::report::{Dynamic, Fix, Import, LibcName, Linkage, Os, Portability, ReasonId, Requirement, TargetResult, Verdict};
pub(crate) use targets::{glibc_of, source, Target, TargetLibc, TARGETS};
pub(crate) use version::Version;

/// The glibc target with the oldest glibc at or above `floor`.
pub(crate) fn oldest_with_glibc(floor: &str) -> Option<crate::report::TargetId> {
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
pub(crate) struct Input<'a> {
    pub os: Option<Os>,
    pub linkage: Linkage,
    pub goarch: Option<&'a str>,
    pub machine: &'a str,
    pub libc: LibcName,
    pub dynamic: &'a Dynamic,
}

/// The imports bound to `library`'s `version`, sorted, once each.
pub(crate) fn bound_to(imports: &[Import], library: &str, version: &str) -> Vec<String> {
    let mut symbols: Vec<String> = imports
        .iter()
        .filter(|i| i.version.as_deref() == Some(version) && i.library.as_deref() == Some(library))
        .map(|i| i.name.clone())
        .collect();
    symbols.sort();
    symbols.dedup();
    symbols
}

/// The versions needed, grouped as `readelf -V` shows them, each with the
/// undefined symbols bound to it, and the floors they set.
pub(crate) fn requirements(needed: &[Needed], imports: &[Import], libc: LibcName, linkage: Linkage) -> Portability {
    let requires: Vec<Requirement> = needed
        .iter()
        .map(|n| {
            let symbols = bound_to(imports, &n.library, &n.version);
            Requirement { library: n.library.clone(), version: n.version.clone(), weak: n.weak, symbols }
        })
        .collect();
    let floor = |prefix: &str, weak: bool| {
        requires
            .iter()
            .filter(|r| weak || !r.weak)
            .filter_map(|r| version::of(prefix, &r.version))
            .max()
    };
    let glibc_min = floor("GLIBC_", false);
    let glibc_min_weak = floor("GLIBC_", true).filter(|w| Some(w) != glibc_min.as_ref());
    Portability {
        glibc_min: glibc_min.map(|v| v.to_string()),
        glibc_min_weak: glibc_min_weak.map(|v| v.to_string()),
        glibcxx_min: floor("GLIBCXX_", true).map(|v| v.to_string()),
        cxxabi_min: floor("CXXABI_", true).map(|v| v.to_string()),
        musl: libc == LibcName::Musl && linkage == Linkage::Dynamic,
        requires,
        targets: Vec::new(),
        note: None,
    }
}

/// A verdict for every target, or the note saying why there is none.
pub(crate) fn judge(p: &mut Portability, input: &Input, fixes: &[Fix]) {
    match input.os {
        Some(Os::Linux) => {}
        other => {
            let os = other.map_or(catalogue::sentences::OS_UNKNOWN, catalogue::os_name);
            p.note = Some(fill(catalogue::sentences::TARGETS_NOT_LINUX, &[("os", os)]));
            p.targets.clear();
            return;
        }
    }
    let fix = fixes.first().map(|f| f.id);
    p.targets = TARGETS
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
        .collect();
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
    let glibc = targets::GLIBC_LIBRARIES.contains(&lib) || lib.starts_with("ld-linux") || lib.starts_with("libnss_");
    let musl = lib == "libc.so" || lib.starts_with("libc.musl-") || lib.starts_with("ld-musl-");
    let cxx = targets::CXX_LIBRARIES.contains(&lib);
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
