//! Recipes for files that are not Go: C, C++ and Rust programs.

use super::{fix, floor, note};
use linklens::arch;
use linklens::{Facts, FixId, Language, Linkage, NoteId};
use crate::explanation::Fix;

/// The static rebuild of a dynamic C, C++ or Rust program.
pub(crate) fn for_non_go(report: &Facts) -> Vec<Fix> {
    if report.linkage.is_static() {
        return Vec::new();
    }
    let causes: Vec<_> = report.causes.iter().map(|c| c.id).collect();
    let adapt = || vec![note(NoteId::AdaptFileNames, &[])];
    match report.toolchain.language.unwrap_or(Language::C) {
        Language::Gccgo => {
            // No build info: the package and flags are unknown.
            let unknown = || vec![note(NoteId::PackageUnknown, &[]), note(NoteId::FlagsUnknown, &[])];
            let gccgo = fix(FixId::GccgoStatic, "go build -compiler gccgo -gccgoflags '-static' .".into(), unknown(), &causes, "app", Linkage::Static);
            let mut notes = unknown();
            notes.push(note(NoteId::GcInsteadOfGccgo, &[]));
            let gc = fix(FixId::CgoOff, "CGO_ENABLED=0 go build .".into(), notes, &causes, "app", Linkage::Static);
            vec![gccgo, gc]
        }
        Language::Rust => {
            let goarch = report.arch.goarch.as_deref().unwrap_or("amd64");
            let Some(target) = arch::from_goarch(goarch).and_then(|a| a.rust_musl) else { return Vec::new() };
            let command = format!("rustup target add {target} && cargo build --release --target {target}");
            vec![fix(FixId::RustMusl, command, vec![], &causes, &format!("target/{target}/release/app"), Linkage::Static)]
        }
        Language::Cxx => {
            let mut out = vec![fix(FixId::CxxStatic, "g++ -O2 -static -o app *.cpp".into(), adapt(), &causes, "app", Linkage::Static)];
            out.extend(zig_glibc(report, "c++", "*.cpp"));
            out
        }
        _ => {
            let mut out = vec![fix(FixId::CStatic, "musl-gcc -O2 -static -o app *.c".into(), adapt(), &causes, "app", Linkage::Static)];
            out.extend(zig_glibc(report, "cc", "*.c"));
            out
        }
    }
}

/// `zig cc`/`zig c++` for an old glibc, when the file needs a newer one.
fn zig_glibc(report: &Facts, driver: &str, files: &str) -> Option<Fix> {
    let goarch = report.arch.goarch.as_deref()?;
    let target = floor::zig_target(report, goarch)?;
    let causes: Vec<_> = report.causes.iter().map(|c| c.id).collect();
    let command = format!("zig {driver} -target {target} -O2 -o app {files}");
    floor::fix(report, FixId::ZigGlibc, command, vec![note(NoteId::AdaptFileNames, &[])], &causes, "app", floor::zig_floor(goarch))
}

#[cfg(test)]
mod tests {
    use super::*;
    use linklens::{CauseId, Format, Kind};

    fn report(lang: Language, goarch: &str, linkage: Linkage) -> Facts {
        let mut r = Facts::new(Format::Elf, String::new(), Some(goarch), 64, false, 0);
        r.linkage = linkage;
        r.kind = Kind::Executable;
        r.toolchain.language = Some(lang);
        r.causes = vec![crate::test_support::cause(CauseId::NonGo, None, None)];
        r
    }

    #[test]
    fn one_recipe_per_language() {
        let c = for_non_go(&report(Language::C, "amd64", Linkage::Dynamic));
        assert_eq!((c[0].id, c[0].command.as_str()), (FixId::CStatic, "musl-gcc -O2 -static -o app *.c"));
        assert!(c[0].notes.iter().any(|n| n.id == NoteId::AdaptFileNames));
        assert_eq!(c[0].verify[0], "file ./app   # expect: statically linked");
        let cxx = for_non_go(&report(Language::Cxx, "amd64", Linkage::Dynamic));
        assert_eq!((cxx[0].id, cxx[0].command.as_str()), (FixId::CxxStatic, "g++ -O2 -static -o app *.cpp"));
        assert!(for_non_go(&report(Language::C, "amd64", Linkage::Static)).is_empty());
        assert!(for_non_go(&report(Language::C, "amd64", Linkage::StaticPie)).is_empty());
    }

    #[test]
    fn c_and_cxx_can_lower_their_glibc_floor_with_zig() {
        let mut r = report(Language::C, "arm64", Linkage::Dynamic);
        r.libc.name = linklens::LibcName::Glibc;
        r.portability.glibc_min = Some("2.34".into());
        let f = for_non_go(&r);
        assert_eq!(f[1].id, FixId::ZigGlibc);
        assert_eq!(f[1].command, "zig cc -target aarch64-linux-gnu.2.17 -O2 -o app *.c");
        assert!(f[1].notes.iter().any(|n| n.id == NoteId::GlibcFloor && n.text.contains("RHEL 7")), "{:?}", f[1].notes);
        assert_eq!(f[1].verify[2], "linklens --target rhel-7 ./app");
        r.toolchain.language = Some(Language::Cxx);
        assert_eq!(for_non_go(&r)[1].command, "zig c++ -target aarch64-linux-gnu.2.17 -O2 -o app *.cpp");
        // Already at the floor: nothing to lower.
        r.portability.glibc_min = Some("2.17".into());
        assert_eq!(for_non_go(&r).len(), 1);
    }

    #[test]
    fn rust_builds_for_the_files_own_musl_target() {
        for a in linklens::arch::ARCHES {
            let f = for_non_go(&report(Language::Rust, a.goarch, Linkage::Dynamic));
            match a.rust_musl {
                Some(t) => {
                    assert_eq!(f[0].command, format!("rustup target add {t} && cargo build --release --target {t}"));
                    assert!(f[0].verify[0].starts_with(&format!("file ./target/{t}/release/app")), "{:?}", f[0].verify);
                }
                None => assert!(f.is_empty(), "{}: Rust has no musl target for it", a.goarch),
            }
        }
    }
}
