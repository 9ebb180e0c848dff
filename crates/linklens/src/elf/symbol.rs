//! Symbols: the undefined dynamic symbols (what `nm -D --undefined-only`
//! lists), with their versions, and a few telling names from `.symtab`.

use object::elf;
use object::read::elf::{SectionHeader, SectionTable, Sym};
use object::read::{ReadRef, SectionIndex, SymbolIndex};
use object::Endianness;

/// A symbol table and its string table. A small string table is read with
/// one request (a lazy reader would otherwise make one per name); a large
/// one (a library exporting 10^4 names has MBs of them) is read name by
/// name, for the few names asked for.
struct Table<'data, Elf: object::read::elf::FileHeader, R: ReadRef<'data>> {
    symbols: &'data [Elf::Sym],
    strings: Strings<'data, R>,
}

enum Strings<'data, R: ReadRef<'data>> {
    Whole(&'data [u8]),
    Lazy { data: R, start: u64, end: u64 },
}

/// Larger string tables are read name by name.
const READ_WHOLE: u64 = 256 * 1024;

fn table<'data, Elf, R>(
    endian: Endianness,
    data: R,
    sections: &SectionTable<'data, Elf, R>,
    kind: elf::SectionType,
) -> Option<Table<'data, Elf, R>>
where
    Elf: object::read::elf::FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let section = sections.iter().find(|s| s.sh_type(endian) == kind)?;
    let symbols = section.data_as_array(endian, data).ok()?;
    let link = SectionIndex(section.sh_link(endian) as usize);
    let strtab = sections.section(link).ok()?;
    let strings = match strtab.file_range(endian) {
        Some((start, size)) if size > READ_WHOLE => Strings::Lazy { data, start, end: start.checked_add(size)? },
        _ => Strings::Whole(strtab.data(endian, data).ok()?),
    };
    Some(Table { symbols, strings })
}

impl<'data, Elf: object::read::elf::FileHeader<Endian = Endianness>, R: ReadRef<'data>> Table<'data, Elf, R> {
    fn name(&self, endian: Endianness, sym: &Elf::Sym) -> Option<&'data [u8]> {
        let offset = u64::from(sym.st_name(endian));
        match &self.strings {
            Strings::Whole(strings) => {
                let rest = strings.get(usize::try_from(offset).ok()?..)?;
                Some(&rest[..memchr::memchr(0, rest)?])
            }
            Strings::Lazy { data, start, end } => data.read_bytes_at_until(start.checked_add(offset)?..*end, 0).ok(),
        }
    }
}

use crate::facts::Import;

/// More symbols than any real file has; a hostile count stops here.
const MAX_SYMBOLS: usize = 1 << 22;

pub(super) fn imports<'data, Elf, R>(
    endian: Endianness,
    data: R,
    sections: &SectionTable<'data, Elf, R>,
) -> Vec<Import>
where
    Elf: object::read::elf::FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let Some(table) = table(endian, data, sections, elf::SHT_DYNSYM) else {
        return Vec::new();
    };
    let versions = sections.versions(endian, data).ok().flatten();
    let mut out = Vec::new();
    for (i, sym) in table.symbols.iter().enumerate().take(MAX_SYMBOLS) {
        if !sym.is_undefined(endian) {
            continue;
        }
        let Some(name) = table.name(endian, sym) else { continue };
        if name.is_empty() {
            continue;
        }
        let version = versions.as_ref().and_then(|v| {
            let index = v.version_index(endian, SymbolIndex(i)).index();
            v.version(index).ok().flatten()
        });
        out.push(Import {
            name: String::from_utf8_lossy(name).into_owned(),
            version: version.map(|v| String::from_utf8_lossy(v.name()).into_owned()),
            library: version.and_then(|v| v.file()).map(|f| String::from_utf8_lossy(f).into_owned()),
            weak: sym.st_bind() == elf::STB_WEAK,
            cause: None,
        });
    }
    out
}

/// Names in `.symtab` that tell which libc is inside a static file, and
/// whether glibc's NSS-dependent functions came with it.
#[derive(Debug, Default, Clone)]
pub(crate) struct StaticSymbols {
    /// Defined functions that load NSS modules at run time in static glibc.
    pub nss: Vec<String>,
    /// glibc-only internals (`__libc_start_main` exists in both; these do not).
    pub glibc: Vec<String>,
    /// musl-only internals.
    pub musl: Vec<String>,
    /// Rust's runtime or standard library.
    pub rust: bool,
    /// C++ runtime.
    pub cxx: bool,
    /// Go's runtime (`runtime.main`…) in `.symtab`: a cheap sign of Go.
    pub go_runtime: bool,
}

const NSS_FUNCTIONS: &[&str] = &[
    "getaddrinfo",
    "getnameinfo",
    "gethostbyname",
    "gethostbyname_r",
    "getpwnam_r",
    "getpwuid_r",
    "getgrnam_r",
    "getgrgid_r",
    "getgrouplist",
];
const GLIBC_MARKERS: &[&str] = &["__libc_setup_tls", "_dl_relocate_static_pie", "__nss_database_lookup2", "_IO_stdin_used"];
const GO_RUNTIME: [&[u8]; 4] = [b"runtime.main", b"runtime.goexit", b"runtime.morestack", b"runtime.rt0_go"];
const MUSL_MARKERS: &[&str] = &["__libc_start_init", "__init_libc", "__stdio_write", "__dns_parse"];

pub(super) fn static_symbols<'data, Elf, R>(
    endian: Endianness,
    data: R,
    sections: &SectionTable<'data, Elf, R>,
) -> StaticSymbols
where
    Elf: object::read::elf::FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let mut out = StaticSymbols::default();
    let Some(table) = table(endian, data, sections, elf::SHT_SYMTAB) else {
        return out;
    };
    for sym in table.symbols.iter().take(MAX_SYMBOLS) {
        let Some(name) = table.name(endian, sym) else { continue };
        // Dispatch on the first byte: a Rust or C++ library has 10^5 names
        // here, nearly all `_ZN…`/`_R…`, and most need no further look.
        match name.first() {
            Some(b'g') if !sym.is_undefined(endian) => {
                if let Some(n) = NSS_FUNCTIONS.iter().find(|n| n.as_bytes() == name) {
                    if !out.nss.iter().any(|x| x == n) {
                        out.nss.push((*n).to_string());
                    }
                }
            }
            // Functions every Go program has; not just a `runtime.` prefix,
            // which C++ source files (`runtime.cc`) share.
            Some(b'r') if GO_RUNTIME.contains(&name) => out.go_runtime = true,
            Some(b'r') if name == b"rust_begin_unwind" => out.rust = true,
            Some(b'_') => {
                if let Some(m) = GLIBC_MARKERS.iter().find(|m| m.as_bytes() == name) {
                    if !out.glibc.iter().any(|x| x == m) {
                        out.glibc.push((*m).to_string());
                    }
                } else if let Some(m) = MUSL_MARKERS.iter().find(|m| m.as_bytes() == name) {
                    if !out.musl.iter().any(|x| x == m) {
                        out.musl.push((*m).to_string());
                    }
                } else if !out.rust && (name.starts_with(b"_ZN3std") || name.starts_with(b"_RN")) {
                    out.rust = true;
                } else if !out.cxx && is_cxx_runtime(name) {
                    out.cxx = true;
                }
            }
            _ => {}
        }
    }
    out
}

/// C++ runtime symbols. Not `__cxa_finalize`/`__cxa_atexit`: every gcc C
/// program references those.
pub fn is_cxx_runtime(name: &[u8]) -> bool {
    name.starts_with(b"_ZNSt")
        || name.starts_with(b"_ZSt")
        || name == b"__gxx_personality_v0"
        || name == b"__cxa_throw"
        || name == b"__cxa_begin_catch"
}

#[cfg(test)]
mod tests {
    use super::is_cxx_runtime;

    #[test]
    fn cxx_runtime_names() {
        for name in ["_ZNSt6vectorIiE9push_backEi", "_ZSt4cout", "__gxx_personality_v0", "__cxa_throw", "__cxa_begin_catch"] {
            assert!(is_cxx_runtime(name.as_bytes()), "{name}");
        }
        for name in ["__cxa_finalize", "__cxa_atexit", "_ZN3foo3barEv", "__gxx_personality_v1", "__cxa_throwx", "main"] {
            assert!(!is_cxx_runtime(name.as_bytes()), "{name}");
        }
    }
}
