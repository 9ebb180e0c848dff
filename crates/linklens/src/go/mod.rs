//! Go-specific reading: the build info, the pclntab, and the cgo wrapper
//! functions found in it.

pub(crate) mod buildinfo;
pub(crate) mod pclntab;
pub mod quoted;

use std::collections::BTreeMap;

use object::read::ReadRef;

use crate::image::Image;
use crate::report::{CgoPackage, GoDetection, GoInfo};
use crate::warning::BuildinfoDamage;

/// How many example function names a `CgoPackage` keeps.
const EXAMPLES: usize = 6;

/// What the function names say, beyond the cgo packages themselves.
#[derive(Debug, Default, Clone)]
pub(crate) struct Names {
    /// Number of functions in each package of interest.
    pub net: u64,
    pub os_user: u64,
    pub plugin: u64,
    /// C functions kept in internally linked binaries: `_cgo_<hash>_C2func_getaddrinfo`.
    pub cgo_c_functions: Vec<String>,
    /// `runtime/cgo`'s C side (`x_cgo_init`, `crosscall2`…) or Go side.
    pub runtime_cgo: Option<String>,
}

pub(crate) struct Detected {
    pub info: GoInfo,
    pub names: Names,
    /// Build info that was present but could not be parsed.
    pub buildinfo_damage: Option<BuildinfoDamage>,
}

pub(crate) fn detect<'data, R: ReadRef<'data>>(image: &Image<'data, R>) -> Option<Detected> {
    let (bi, buildinfo_damage) = match buildinfo::find(image) {
        Ok(bi) => (bi, None),
        Err(e) => (None, Some(e)),
    };
    let table = pclntab::find(image);
    let detected_by = match (&bi, &table) {
        (Some(_), Some(_)) => GoDetection::Both,
        (Some(_), None) => GoDetection::Buildinfo,
        (None, Some(_)) => GoDetection::Pclntab,
        (None, None) => return None,
    };
    let mut names = Names::default();
    let mut cgo: BTreeMap<String, (u64, Vec<String>)> = BTreeMap::new();
    if let Some(t) = &table {
        t.for_each_name(image, |name| scan_name(name, &mut names, &mut cgo));
    }
    let cgo_packages = cgo
        .into_iter()
        .map(|(package, (count, mut functions))| {
            // Real C calls first; cgo's own helpers (GoString, CString…)
            // and closures last, since they say nothing about the cause.
            functions.sort_by_key(|f| (is_cgo_helper(f), f.contains(".func"), !f.contains("func_"), f.clone()));
            functions.truncate(EXAMPLES);
            CgoPackage { package, count, functions }
        })
        .collect();
    let (version, path, main, deps, settings, section, offset) = match bi {
        Some(b) => (Some(b.version), b.path, b.main, b.deps, b.settings, b.section, Some(b.offset)),
        None => (None, None, None, Vec::new(), Vec::new(), None, None),
    };
    let build = buildinfo::typed_settings(&settings);
    Some(Detected {
        info: GoInfo {
            detected_by,
            version,
            path,
            main,
            deps,
            settings,
            build,
            pclntab: table.map(|t| t.info),
            cgo_packages,
            buildinfo_section: section,
            buildinfo_offset: offset,
        },
        names,
        buildinfo_damage,
    })
}

/// The markers cgo gives the Go side of a C call: `pkg._Cfunc_f`,
/// `pkg._C2func_f` (returns errno) and, in newer Go, `pkg._C_f`.
const CGO_MARKERS: [&str; 3] = ["._Cfunc_", "._C2func_", "._C_"];

fn scan_name(name: &[u8], names: &mut Names, cgo: &mut BTreeMap<String, (u64, Vec<String>)>) {
    let Ok(name) = core::str::from_utf8(name) else { return };
    let count_in = |prefix: &str| name.starts_with(prefix) as u64;
    names.net += count_in("net.");
    names.os_user += count_in("os/user.");
    names.plugin += count_in("plugin.");
    if names.runtime_cgo.is_none() && (name.starts_with("runtime/cgo.") || name == "x_cgo_init" || name == "crosscall2") {
        names.runtime_cgo = Some(name.to_string());
    }
    let c_wrapper = name.starts_with("_cgo_") && (name.contains("_C2func_") || name.contains("_Cfunc_"));
    if c_wrapper && names.cgo_c_functions.len() < EXAMPLES {
        names.cgo_c_functions.push(name.to_string());
    }
    if let Some(package) = cgo_package(name) {
        let entry = cgo.entry(package.to_string()).or_default();
        entry.0 += 1;
        // A bounded sample; sorted and cut to EXAMPLES at the end.
        if entry.1.len() < 64 {
            entry.1.push(name.to_string());
        }
    }
}

/// The package of a cgo wrapper function, if `name` is one. The package
/// path must be plain: no spaces, brackets or parentheses, which would mean
/// the marker sits inside a generic instantiation or a method receiver.
pub(crate) fn cgo_package(name: &str) -> Option<&str> {
    let at = CGO_MARKERS.iter().filter_map(|m| name.find(m)).min()?;
    let package = &name[..at];
    let plain = !package.is_empty() && !package.contains(|c: char| c.is_whitespace() || "[]()*{},;".contains(c));
    plain.then_some(package)
}

/// cgo's built-in helpers, present in any package that uses them.
fn is_cgo_helper(name: &str) -> bool {
    ["GoString", "GoStringN", "GoBytes", "CString", "CBytes", "_CMalloc"]
        .iter()
        .any(|h| name.ends_with(&format!("_Cfunc_{h}")) || name.ends_with(&format!("_C_{h}")))
}

/// Strip a vendor directory: `example.com/app/vendor/github.com/x/y` is `github.com/x/y`.
pub(crate) fn unvendor(package: &str) -> &str {
    match package.rfind("/vendor/") {
        Some(i) => &package[i + "/vendor/".len()..],
        None => package.strip_prefix("vendor/").unwrap_or(package),
    }
}

/// Is `package` inside the standard library? Std paths have no dot in
/// their first element.
pub(crate) fn is_std(package: &str) -> bool {
    let first = package.split('/').next().unwrap_or("");
    !first.contains('.') && first != "main" && !package.contains("/vendor/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cgo_packages() {
        assert_eq!(cgo_package("net._C2func_getaddrinfo"), Some("net"));
        assert_eq!(cgo_package("os/user._C_getpwnam_r"), Some("os/user"));
        assert_eq!(
            cgo_package("github.com/mattn/go-sqlite3._Cfunc_sqlite3_threadsafe"),
            Some("github.com/mattn/go-sqlite3")
        );
        assert_eq!(cgo_package("gopkg.in/x.v2._Cfunc_f"), Some("gopkg.in/x.v2"));
        assert_eq!(cgo_package("sync.(*Pool[net._C_struct_x]).Get"), None);
        assert_eq!(cgo_package("net.cgoLookupHost"), None);
        assert_eq!(cgo_package("._Cfunc_x"), None);
    }

    #[test]
    fn std_and_vendor() {
        assert!(is_std("net"));
        assert!(is_std("os/user"));
        assert!(!is_std("main"));
        assert!(!is_std("github.com/mattn/go-sqlite3"));
        assert_eq!(unvendor("example.com/app/vendor/github.com/mattn/go-sqlite3"), "github.com/mattn/go-sqlite3");
        assert_eq!(unvendor("vendor/golang.org/x/net"), "golang.org/x/net");
    }
}
