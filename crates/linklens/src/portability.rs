//! What a Linux binary asks of the system it runs on: the versions its
//! loader will check (`readelf -V`), the symbols bound to each, and the
//! floors they set (the oldest glibc, libstdc++'s). Which systems meet them
//! is the explainer's judgement; this is the reading.

pub use crate::elf::Needed;
use crate::facts::{Import, LibcName, Linkage, Portability, Requirement};
use crate::version;

/// The imports bound to `library`'s `version`, sorted, once each.
pub fn bound_to(imports: &[Import], library: &str, version: &str) -> Vec<String> {
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
pub fn requirements(needed: &[Needed], imports: &[Import], libc: LibcName, linkage: Linkage) -> Portability {
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
    }
}
