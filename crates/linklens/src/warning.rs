//! Warnings: things that are true of the file and worth knowing, but are
//! not causes of dynamic linking (or are hazards of a static one). This
//! module decides and gathers the evidence and the values the catalogue's
//! message names; the sentences are the explainer's.

use crate::elf::StaticSymbols;
use crate::facts::{CauseId, Evidence, EvidenceKind as E, Facts, GoInfo, Kind, LibcName, Linkage, Warning, WarningId};
use crate::vocab::{BuildinfoPart, BuildinfoProblem};

/// A warning from its id, the values its message names, and the facts
/// behind it.
pub(crate) fn warning(id: WarningId, args: &[(&str, &str)], evidence: Vec<Evidence>) -> Warning {
    let values = args.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    Warning { id, values, evidence }
}

/// A build-info header whose contents could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BuildinfoDamage {
    /// File offset of the header.
    pub offset: u64,
    /// What could not be read.
    pub part: BuildinfoPart,
    /// What is wrong with it.
    pub problem: BuildinfoProblem,
    /// The length or pointer size read, where the problem has one.
    pub value: u64,
}

/// A dynamic-table string that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnreadableString {
    /// `DT_NEEDED`, `DT_RPATH` or `DT_RUNPATH`.
    pub tag: &'static str,
    /// The entry's value: an offset into the (missing) string table.
    pub offset: u64,
}

pub(crate) struct Input<'a> {
    pub symbols: &'a StaticSymbols,
    pub buildinfo_damage: Option<&'a BuildinfoDamage>,
    pub unreadable_strings: &'a [UnreadableString],
    /// (bytes present, bytes the headers describe) when the file is short.
    pub truncated: Option<(u64, u64)>,
    /// The offset of UPX's `UPX!` marker, when the file is packed.
    pub upx: Option<u64>,
}

pub(crate) fn collect(r: &Facts, i: &Input) -> Vec<Warning> {
    let mut out = damage(i);
    out.extend(glibc_static_nss(r, i));
    out.extend(musl_dynamic(r));
    if let Some(go) = &r.go {
        out.extend(go_build(r, go));
    }
    if let Some(d) = i.buildinfo_damage {
        let offset = format!("{:#x}", d.offset);
        out.push(warning(
            WarningId::BuildinfoDamaged,
            &[("offset", &offset), ("part", d.part.as_str()), ("problem", d.problem.as_str()), ("value", &d.value.to_string())],
            vec![Evidence::new(E::Offset, offset.clone())],
        ));
    }
    out
}

/// What is wrong with the file itself: cut short, packed, a dynamic
/// string that points nowhere.
fn damage(i: &Input) -> Vec<Warning> {
    let mut out = Vec::new();
    if let Some((have, want)) = i.truncated {
        let evidence = vec![Evidence::new(E::Length, have.to_string()), Evidence::new(E::Offset, format!("{want:#x}"))];
        out.push(warning(WarningId::Truncated, &[("have", &have.to_string()), ("want", &want.to_string())], evidence));
    }
    if let Some(at) = i.upx {
        let offset = format!("{at:#x}");
        out.push(warning(WarningId::UpxPacked, &[("offset", &offset)], vec![Evidence::new(E::Offset, offset.clone()), Evidence::new(E::Symbol, "UPX!")]));
    }
    for s in i.unreadable_strings {
        let offset = format!("{:#x}", s.offset);
        let evidence = vec![Evidence::new(E::Section, s.tag), Evidence::new(E::Offset, offset.clone())];
        out.push(warning(WarningId::DynamicStringUnreadable, &[("tag", s.tag), ("offset", &offset)], evidence));
    }
    out
}

/// glibc linked statically with functions that load NSS modules.
fn glibc_static_nss(r: &Facts, i: &Input) -> Option<Warning> {
    if !r.linkage.is_static() || r.libc.name != LibcName::Glibc {
        return None;
    }
    let mut evidence: Vec<Evidence> = r.libc.evidence.iter().filter(|e| e.kind == E::AbiTag).cloned().collect();
    evidence.extend(i.symbols.nss.iter().map(|s| Evidence::new(E::Symbol, s.clone())));
    let mut packages: Vec<&str> =
        r.causes.iter().filter(|c| matches!(c.id, CauseId::Dns | CauseId::OsUser)).filter_map(|c| c.package.as_deref()).collect();
    packages.dedup();
    let found = !i.symbols.nss.is_empty() || !packages.is_empty();
    evidence.extend(packages.into_iter().map(|p| Evidence::new(E::Package, p)));
    found.then(|| warning(WarningId::GlibcStaticNss, &[], evidence))
}

/// CC=musl-gcc without -linkmode external: musl's loader and libc.so.
fn musl_dynamic(r: &Facts) -> Option<Warning> {
    let interp = r.dynamic.interpreter.as_deref().filter(|p| p.contains("ld-musl"))?;
    let lib = r.dynamic.needed.iter().find(|l| l.as_str() == "libc.so")?;
    Some(warning(WarningId::MuslDynamic, &[], vec![Evidence::new(E::Interpreter, interp), Evidence::new(E::Library, lib.clone())]))
}

/// The build info against the file: settings it contradicts, or lacks.
fn go_build(r: &Facts, go: &GoInfo) -> Vec<Warning> {
    let mut out = Vec::new();
    let b = &go.build;
    if b.buildmode.as_deref() == Some("pie") && r.kind == Kind::Executable {
        out.push(warning(WarningId::BuildmodeMismatch, &[], vec![Evidence::new(E::Setting, "-buildmode=pie"), Evidence::new(E::Section, "ET_EXEC")]));
    }
    if let (Some(recorded), Some(actual)) = (&b.goarch, &r.arch.goarch) {
        if recorded != actual {
            let evidence = vec![Evidence::new(E::Setting, format!("GOARCH={recorded}"))];
            out.push(warning(WarningId::GoarchMismatch, &[("recorded", recorded), ("actual", actual)], evidence));
        }
    }
    // Where Go always calls libc, CGO_ENABLED=0 files need it too.
    // (purego asks for them on purpose: its cause says so.)
    let explained = r.causes.iter().any(|c| c.id == CauseId::Purego);
    if b.cgo_enabled == Some(false) && r.linkage == Linkage::Dynamic && !r.dynamic.needed.is_empty() && !r.os.name.is_dynamic_by_design() && !explained {
        let mut evidence = vec![Evidence::new(E::Setting, "CGO_ENABLED=0")];
        evidence.extend(r.dynamic.needed.iter().map(|l| Evidence::new(E::Library, l.clone())));
        out.push(warning(WarningId::CgoDisabledDynamic, &[], evidence));
    }
    // gccgo records settings but no version, and gccgo decides linking by
    // its own flags: neither warning below speaks of it.
    let gccgo = go.detected_by == crate::facts::GoDetection::GccgoModinfo;
    if go.version.is_none() && !gccgo {
        let evidence = go
            .pclntab
            .iter()
            .map(|p| match &p.section {
                Some(s) if !p.scanned => Evidence::new(E::Section, s.clone()),
                _ => Evidence::new(E::Offset, format!("{:#x}", p.offset)),
            })
            .collect();
        out.push(warning(WarningId::NoBuildinfo, &[], evidence));
    }
    if b.cgo_enabled == Some(true) && r.linkage.is_static() && r.causes.is_empty() && !gccgo {
        out.push(warning(WarningId::CgoEnabledStatic, &[], vec![Evidence::new(E::Setting, "CGO_ENABLED=1")]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{BuildSettings, Cause, Format, GoInfo, Libc};
    use crate::fuzzing::support::cause;

    fn go(settings: BuildSettings, version: Option<&str>) -> GoInfo {
        let mut g = crate::fuzzing::support::go_info("example.com/app", &[]);
        g.build = settings;
        g.version = version.map(str::to_string);
        g
    }

    fn report(linkage: Linkage, libc: LibcName) -> Facts {
        let mut r = Facts::new(Format::Elf, String::new(), Some("amd64"), 64, false, 0);
        r.linkage = linkage;
        r.kind = Kind::Executable;
        r.libc = Libc { name: libc, evidence: vec![] };
        r
    }

    fn value<'w>(w: &'w Warning, key: &str) -> Option<&'w str> {
        w.value(key)
    }

    fn ids(r: &Facts, i: &Input) -> Vec<WarningId> {
        collect(r, i).into_iter().map(|w| w.id).collect()
    }

    fn input<'a>(symbols: &'a StaticSymbols) -> Input<'a> {
        Input { symbols, buildinfo_damage: None, unreadable_strings: &[], truncated: None, upx: None }
    }

    #[test]
    fn glibc_static_nss_needs_static_glibc_and_nss_inside() {
        let nss = StaticSymbols { nss: vec!["getaddrinfo".into()], ..StaticSymbols::default() };
        let none = StaticSymbols::default();
        assert_eq!(ids(&report(Linkage::Static, LibcName::Glibc), &input(&nss)), [WarningId::GlibcStaticNss]);
        assert_eq!(ids(&report(Linkage::StaticPie, LibcName::Glibc), &input(&nss)), [WarningId::GlibcStaticNss]);
        assert!(ids(&report(Linkage::Static, LibcName::Glibc), &input(&none)).is_empty());
        assert!(ids(&report(Linkage::Static, LibcName::Musl), &input(&nss)).is_empty());
        assert!(ids(&report(Linkage::Dynamic, LibcName::Glibc), &input(&nss)).is_empty());
        // Stripped: the cgo lookups of net say it instead of .symtab.
        let mut r = report(Linkage::Static, LibcName::Glibc);
        r.causes.push(Cause { makes_dynamic: false, ..cause(CauseId::Dns, Some("net"), None) });
        let w = collect(&r, &input(&none));
        assert_eq!(w[0].id, WarningId::GlibcStaticNss);
        assert_eq!(w[0].evidence, [Evidence::new(E::Package, "net")]);
    }

    #[test]
    fn musl_dynamic_needs_the_loader_and_libc_so() {
        let none = StaticSymbols::default();
        let mut r = report(Linkage::Dynamic, LibcName::Musl);
        r.dynamic.interpreter = Some("/lib/ld-musl-x86_64.so.1".into());
        assert!(ids(&r, &input(&none)).is_empty());
        r.dynamic.needed = vec!["libc.so".into()];
        assert_eq!(ids(&r, &input(&none)), [WarningId::MuslDynamic]);
        r.dynamic.interpreter = Some("/lib64/ld-linux-x86-64.so.2".into());
        assert!(ids(&r, &input(&none)).is_empty());
    }

    #[test]
    fn build_info_against_the_file() {
        let none = StaticSymbols::default();
        let b = |f: &dyn Fn(&mut BuildSettings)| {
            let mut s = BuildSettings { goarch: Some("amd64".into()), ..BuildSettings::default() };
            f(&mut s);
            s
        };
        let mut r = report(Linkage::Dynamic, LibcName::Glibc);
        r.go = Some(go(b(&|s| s.buildmode = Some("pie".into())), Some("go1.26")));
        assert_eq!(ids(&r, &input(&none)), [WarningId::BuildmodeMismatch]);
        r.kind = Kind::PieExecutable;
        assert!(ids(&r, &input(&none)).is_empty());
        r.go = Some(go(b(&|s| s.goarch = Some("arm64".into())), Some("go1.26")));
        let w = collect(&r, &input(&none));
        assert_eq!(w[0].id, WarningId::GoarchMismatch);
        assert_eq!(value(&w[0], "recorded"), Some("arm64"), "{:?}", w[0].values);
        r.go = Some(go(b(&|s| s.cgo_enabled = Some(false)), Some("go1.26")));
        assert!(ids(&r, &input(&none)).is_empty(), "dynamic with no library needed");
        r.dynamic.needed = vec!["libc.so.6".into()];
        assert_eq!(ids(&r, &input(&none)), [WarningId::CgoDisabledDynamic]);
        let mut g = go(b(&|_| {}), None);
        g.pclntab = Some(crate::facts::Pclntab {
            version: "go1.20+".into(),
            magic: "0xfffffff1".into(),
            section: Some(".gopclntab".into()),
            scanned: false,
            offset: 0x1000,
            nfunc: 1,
            ptrsize: 8,
            quantum: 1,
        });
        r.go = Some(g.clone());
        let w = collect(&r, &input(&none));
        assert_eq!(w.iter().map(|w| w.id).collect::<Vec<_>>(), [WarningId::NoBuildinfo]);
        assert_eq!(w[0].evidence, [Evidence::new(E::Section, ".gopclntab")]);
        // Found by scanning (inside .data.rel.ro): its offset is the fact.
        g.pclntab.as_mut().unwrap().section = Some(".data.rel.ro".into());
        g.pclntab.as_mut().unwrap().scanned = true;
        r.go = Some(g);
        assert_eq!(collect(&r, &input(&none))[0].evidence, [Evidence::new(E::Offset, "0x1000")]);
    }

    #[test]
    fn cgo_enabled_static_only_without_any_cause() {
        let none = StaticSymbols::default();
        let mut r = report(Linkage::Static, LibcName::None);
        r.go = Some(go(BuildSettings { cgo_enabled: Some(true), ..BuildSettings::default() }, Some("go1.26")));
        assert_eq!(ids(&r, &input(&none)), [WarningId::CgoEnabledStatic]);
        r.linkage = Linkage::Dynamic;
        assert!(ids(&r, &input(&none)).is_empty());
        r.linkage = Linkage::Static;
        r.causes.push(Cause { makes_dynamic: false, ..cause(CauseId::CgoOwn, None, None) });
        assert!(ids(&r, &input(&none)).is_empty());
    }

    #[test]
    fn damage_and_truncation_carry_offsets() {
        let none = StaticSymbols::default();
        let r = report(Linkage::Static, LibcName::None);
        let damage = BuildinfoDamage { offset: 0x2000, part: BuildinfoPart::Version, problem: BuildinfoProblem::PastSegment, value: 99 };
        let strings = [UnreadableString { tag: "DT_RUNPATH", offset: 0x40 }];
        let i = Input { symbols: &none, buildinfo_damage: Some(&damage), unreadable_strings: &strings, truncated: Some((100, 4096)), upx: Some(0xe8) };
        let w = collect(&r, &i);
        assert_eq!(
            w.iter().map(|w| w.id).collect::<Vec<_>>(),
            [WarningId::Truncated, WarningId::UpxPacked, WarningId::DynamicStringUnreadable, WarningId::BuildinfoDamaged]
        );
        assert_eq!((value(&w[0], "have"), value(&w[0], "want")), (Some("100"), Some("4096")));
        assert_eq!(w[1].evidence[0], Evidence::new(E::Offset, "0xe8"));
        assert_eq!(value(&w[1], "offset"), Some("0xe8"));
        assert_eq!(w[2].evidence, [Evidence::new(E::Section, "DT_RUNPATH"), Evidence::new(E::Offset, "0x40")]);
        assert_eq!((value(&w[3], "offset"), value(&w[3], "part")), (Some("0x2000"), Some("version")));
        assert_eq!((value(&w[3], "problem"), value(&w[3], "value")), (Some("past-segment"), Some("99")));
    }
}
