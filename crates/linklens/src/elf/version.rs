//! The version-needed table (`.gnu.version_r`): which library versions
//! the loader checks before the program starts (`readelf -V`'s "Version
//! needs section"), and whether each reference is weak (`VER_FLG_WEAK`).

use object::elf;
use object::read::elf::SectionTable;
use object::read::ReadRef;
use object::Endianness;

/// One needed version: `GLIBC_2.34` from `libc.so.6`.
#[derive(Debug, Clone, PartialEq, Eq)]
/// One version the loader will check: `GLIBC_2.34` from `libc.so.6`.
pub struct Needed {
    /// The library that must provide it.
    pub library: String,
    /// The version name.
    pub version: String,
    /// `VER_FLG_WEAK`: glibc's loader does not refuse to start when such a
    /// version is missing (GNU ld 2.40 and lld 20 did not set it in our
    /// builds; other linkers may).
    pub weak: bool,
}

/// More entries than any real file has (glibc itself needs a few dozen);
/// a hostile table stops after reading this many. The iterators of `object` always move
/// forward, so a `vn_next` loop cannot form, but a table can be long.
const MAX_NEEDED: usize = 4096;

pub(super) fn needed<'data, Elf, R>(endian: Endianness, data: R, sections: &SectionTable<'data, Elf, R>) -> Vec<Needed>
where
    Elf: object::read::elf::FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let mut out = Vec::new();
    let Ok(Some((mut files, link))) = sections.gnu_verneed(endian, data) else {
        return out;
    };
    let Ok(strings) = sections.strings(endian, data, link) else {
        return out;
    };
    let mut read = 0usize;
    while let Ok(Some((file, mut versions))) = files.next() {
        let library = file.file(endian, strings).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
        while let Ok(Some(version)) = versions.next() {
            read += 1;
            if read > MAX_NEEDED {
                return out;
            }
            let Ok(name) = version.name(endian, strings) else { continue };
            let needed = Needed {
                library: library.clone(),
                version: String::from_utf8_lossy(name).into_owned(),
                weak: version.vna_flags.get(endian).contains(elf::VER_FLG_WEAK),
            };
            // `vna_next = 0` repeats an entry `vn_cnt` times: once is enough.
            if !out.contains(&needed) {
                out.push(needed);
            }
        }
    }
    out
}
