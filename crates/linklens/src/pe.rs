//! PE (Windows): importing system DLLs is normal for every Go binary; the
//! portability problem is the MinGW runtime DLLs that cgo builds pull in.

use object::read::{Import, Object};

use crate::facts::{Dynamic, Evidence, EvidenceKind, Warning, WarningId};
use crate::warning::warning;

/// DLLs that come from MinGW, not from Windows.
const MINGW_PREFIXES: &[&str] = &["libwinpthread", "libgcc_s", "libstdc++", "libgomp", "libssp"];

pub(crate) fn dynamic<'data, O: Object<'data>>(file: &O) -> Dynamic {
    let mut d = Dynamic::default();
    if let Ok(imports) = file.imports() {
        for imp in imports.take(1 << 16) {
            let Ok(imp) = imp else { break };
            let lib = String::from_utf8_lossy(Import::library(&imp)).into_owned();
            if !d.needed.iter().any(|l| l.eq_ignore_ascii_case(&lib)) {
                d.needed.push(lib);
            }
        }
    }
    d.has_dynamic_section = !d.needed.is_empty();
    d
}

/// The MinGW runtime DLLs among the imports.
fn mingw(d: &Dynamic) -> Vec<String> {
    d.needed
        .iter()
        .filter(|l| MINGW_PREFIXES.iter().any(|p| l.to_ascii_lowercase().starts_with(p)))
        .cloned()
        .collect()
}


/// The MinGW warning, when the file needs its runtime DLLs.
pub(crate) fn warnings(d: &Dynamic) -> Vec<Warning> {
    let dlls = mingw(d);
    if dlls.is_empty() {
        return Vec::new();
    }
    let evidence = dlls.into_iter().map(|l| Evidence::new(EvidenceKind::Library, l)).collect();
    vec![warning(WarningId::MingwRuntime, &[], evidence)]
}

