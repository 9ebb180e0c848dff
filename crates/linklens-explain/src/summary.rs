//! The two sentences a person reads first: a `file`-style line, and the
//! headline that says why the verdict is what it is. The words come from
//! the catalogue's sentences and the renderer's labels; this module only
//! chooses which.

use crate::catalogue::{fill, sentences as s};
use crate::render::labels;
use linklens::{CauseId, Facts, Format, Kind, Language, LibcName, Linkage, Os, WarningId};

pub(crate) fn line(r: &Facts) -> String {
    let format = match r.format {
        // The byte order, as `file` writes it: ppc64 and ppc64le share a machine name.
        Format::Elf => format!("ELF {}-bit {}", r.bits, labels::byte_order(r.endian)),
        Format::Macho => format!("Mach-O {}-bit", r.bits),
        Format::Pe => if r.bits == 64 { "PE32+".to_string() } else { "PE32".to_string() },
    };
    let mut line = format!("{format} {} {}", r.arch.machine, labels::kind(r.kind));
    // An ELF file for a system other than Linux says which.
    if r.format == Format::Elf && r.os.name != Os::Linux {
        line.push_str(&fill(labels::FOR_OS, &[("os", crate::catalogue::os_name(r.os.name))]));
    }
    line.push_str(&format!(", {}", labels::linkage_phrase(r.linkage)));
    let libc = r.libc.name;
    if r.format == Format::Elf {
        if r.linkage == Linkage::Dynamic && r.dynamic.needed.is_empty() && r.dynamic.interpreter.is_some() {
            line.push_str(&format!(" ({})", labels::INTERPRETER_ONLY));
        } else if libc == LibcName::System {
            line.push_str(&fill(labels::SYSTEM_LIBC, &[("os", crate::catalogue::os_name(r.os.name))]));
        } else if !matches!(libc, LibcName::None | LibcName::Unknown) {
            line.push_str(&format!(" ({libc})"));
        }
    }
    match (&r.go, r.toolchain.language) {
        // gccgo's build info has no version: the language says it.
        (Some(_), Some(lang @ Language::Gccgo)) => line.push_str(&format!(", {}", labels::language(lang))),
        (Some(go), _) => match &go.version {
            Some(v) => line.push_str(&format!(", Go {}", v.trim_start_matches("go"))),
            None => {
                let layout = go.pclntab.as_ref().map(|p| p.version.as_str()).unwrap_or("?");
                line.push_str(&format!(", Go ({})", fill(labels::NO_BUILDINFO_LAYOUT, &[("layout", layout)])));
            }
        },
        (None, Some(lang)) => line.push_str(&format!(", {}", labels::language(lang))),
        (None, None) => {}
    }
    line
}

/// How the headline names each cause: by module, package or title.
fn cause_names(r: &Facts, dynamic_only: bool) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in r.causes.iter().filter(|c| c.makes_dynamic || !dynamic_only) {
        let name = match (c.id, &c.module, &c.package) {
            (CauseId::CgoDep, Some(m), _) => fill(s::CAUSE_MODULE, &[("module", m)]),
            (CauseId::CgoDep, None, Some(p)) => fill(s::CAUSE_PACKAGE, &[("package", p)]),
            (CauseId::CgoOwn, _, Some(p)) if p != "main" => fill(s::CAUSE_OWN_PACKAGE, &[("package", p)]),
            _ => lower_first(crate::catalogue::cause(c.id).title),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn join(v: &[String]) -> String {
    match v {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(", "), s::AND),
    }
}

/// Neither musl-gcc (this machine's amd64) nor a zig musl target.
fn no_musl_toolchain(goarch: &str) -> bool {
    goarch != "amd64" && linklens::arch::from_goarch(goarch).is_some_and(|a| a.zig_musl.is_none())
}

/// The headline; `fixed`: whether a rebuild to a static file is offered
/// (a cause no recipe reaches on this architecture says so).
pub(crate) fn headline(r: &Facts, fixed: bool) -> String {
    let has_warning = |id: WarningId| r.warnings.iter().any(|w| w.id == id);
    match r.format {
        Format::Macho => return s::HEADLINE_MACHO.into(),
        Format::Pe if has_warning(WarningId::MingwRuntime) => return s::HEADLINE_PE_MINGW.into(),
        Format::Pe => return s::HEADLINE_PE_SYSTEM.into(),
        Format::Elf => {}
    }
    if has_warning(WarningId::UpxPacked) {
        return fill(s::HEADLINE_UPX, &[("verdict", r.linkage.as_str())]);
    }
    let libc = r.libc.name.as_str();
    match r.linkage {
        Linkage::Static | Linkage::StaticPie => {
            let what = if r.linkage == Linkage::Static { s::STATIC } else { s::STATIC_PIE };
            if has_warning(WarningId::GlibcStaticNss) {
                fill(s::HEADLINE_STATIC_NSS, &[("what", what)])
            } else if r.causes.is_empty() {
                fill(s::HEADLINE_STATIC_CLEAN, &[("what", what), ("os", crate::catalogue::os_name(r.os.name))])
            } else {
                fill(s::HEADLINE_STATIC_WITH, &[("what", what), ("causes", &join(&cause_names(r, false))), ("libc", libc)])
            }
        }
        Linkage::Dynamic => {
            let names = cause_names(r, true);
            if r.os.name == Os::Android {
                s::HEADLINE_ANDROID.into()
            } else if r.os.name.is_dynamic_by_design() {
                fill(s::HEADLINE_PLATFORM_DYNAMIC, &[("os", crate::catalogue::os_name(r.os.name))])
            } else if r.go.is_some() && r.kind == Kind::SharedObject {
                s::HEADLINE_SHARED_OBJECT.into()
            } else if r.causes.iter().any(|c| c.id == CauseId::Plugin) {
                s::HEADLINE_PLUGIN_HOST.into()
            } else if r.causes.iter().any(|c| c.id == CauseId::Purego) {
                s::HEADLINE_PUREGO.into()
            } else if r.causes.iter().any(|c| c.id == CauseId::NonGo) {
                let lang = labels::language(r.toolchain.language.unwrap_or(Language::C));
                let libc = if r.libc.name == LibcName::Unknown { s::THE_C_LIBRARY } else { libc };
                fill(s::HEADLINE_NON_GO, &[("lang", lang), ("libc", libc)])
            } else if r.causes.len() == 1 && r.causes[0].id == CauseId::PieInterp {
                s::HEADLINE_PIE_ONLY.into()
            } else if names.is_empty() {
                s::HEADLINE_NO_CAUSE.into()
            } else {
                let because = fill(s::HEADLINE_BECAUSE, &[("causes", &join(&names))]);
                match r.arch.goarch.as_deref().filter(|g| !fixed && no_musl_toolchain(g)) {
                    Some(goarch) => format!("{because}{}", fill(s::NO_RECIPE_FOR_ARCH, &[("goarch", goarch)])),
                    None => because,
                }
            }
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
