//! Mach-O: every macOS program links libSystem (Apple QA1118: fully static
//! executables are unsupported), so the useful finding is any library from
//! outside the system locations.

use object::macho;
use object::read::macho::{LoadCommandVariant, MachHeader, MachOFile};
use object::read::ReadRef;

use crate::facts::{Dynamic, Evidence, EvidenceKind, Warning, WarningId};
use crate::warning::warning;

pub(crate) fn dynamic<'data, Mach: MachHeader, R: ReadRef<'data>>(file: &MachOFile<'data, Mach, R>) -> Dynamic {
    let mut d = Dynamic::default();
    let endian = file.endian();
    let Ok(mut commands) = file.macho_load_commands() else { return d };
    for _ in 0..4096 {
        let Ok(Some(cmd)) = commands.next() else { break };
        match cmd.variant() {
            Ok(LoadCommandVariant::Dylib(lib)) if cmd.cmd() != macho::LC_ID_DYLIB => {
                if let Ok(name) = cmd.string(endian, lib.dylib.name) {
                    d.needed.push(String::from_utf8_lossy(name).into_owned());
                }
            }
            Ok(LoadCommandVariant::LoadDylinker(dl)) => {
                if let Ok(name) = cmd.string(endian, dl.name) {
                    d.interpreter = Some(String::from_utf8_lossy(name).into_owned());
                }
            }
            _ => {}
        }
    }
    d.has_dynamic_section = !d.needed.is_empty();
    d
}

/// Libraries outside /usr/lib and /System/Library: the ones that will be
/// missing on another Mac.
pub(crate) fn warnings(d: &Dynamic) -> Vec<Warning> {
    let others: Vec<Evidence> = d
        .needed
        .iter()
        .filter(|l| !(l.starts_with("/usr/lib/") || l.starts_with("/System/Library/")))
        .map(|l| Evidence::new(EvidenceKind::Library, l.clone()))
        .collect();
    if others.is_empty() {
        return Vec::new();
    }
    vec![warning(WarningId::MacosNonSystemDylib, &[], others)]
}
