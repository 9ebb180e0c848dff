//! ELF: the verdict (`linkage`), what the loader is asked for (`dynamic`),
//! the undefined symbols (`symbol`), and toolchain traces (`note`).

mod dynamic;
mod note;
mod symbol;
mod version;

use object::elf;
use object::read::elf::{FileHeader, ProgramHeader, SectionTable};
use object::read::ReadRef;
use object::Endianness;

use crate::facts::{Dynamic, Import, Kind, Linkage};

pub use symbol::is_cxx_runtime;
pub(crate) use symbol::StaticSymbols;
pub use version::Needed;

/// What the ELF layer found, before any Go-specific reasoning.
pub(crate) struct ElfFacts {
    pub machine: u16,
    /// `EI_OSABI`.
    pub os_abi: u8,
    pub kind: Kind,
    pub linkage: Linkage,
    pub dynamic: Dynamic,
    pub imports: Vec<Import>,
    /// The version-needed table.
    pub needed_versions: Vec<Needed>,
    /// Interesting names from `.symtab` (absent in stripped files).
    pub static_symbols: StaticSymbols,
    pub notes: note::Notes,
    pub comments: Vec<String>,
    /// Where UPX's `UPX!` marker is, in a packed file.
    pub upx: Option<u64>,
    /// Dynamic-table strings that point outside the string table.
    pub unreadable_strings: Vec<crate::warning::UnreadableString>,
}

/// The headers of an ELF file, parsed without touching anything else.
/// (`object`'s `ElfFile::parse` also reads both symbol tables whole: 4 MB
/// of `.symtab` in a big Rust library, for a question that needs none.)
pub(crate) struct Headers<'data, Elf: FileHeader, R: ReadRef<'data>> {
    pub endian: Endianness,
    pub data: R,
    pub header: &'data Elf,
    pub phdrs: &'data [Elf::ProgramHeader],
    pub sections: SectionTable<'data, Elf, R>,
}

impl<'data, Elf, R> Headers<'data, Elf, R>
where
    Elf: FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    pub fn parse(data: R) -> object::read::Result<Self> {
        let header = Elf::parse(data)?;
        let endian = header.endian()?;
        let phdrs = header.program_headers(endian, data)?;
        let sections = header.sections(endian, data)?;
        Ok(Headers { endian, data, header, phdrs, sections })
    }

    pub fn is_64(&self) -> bool {
        self.header.is_type_64()
    }
}

pub(crate) fn read<'data, Elf, R>(file: &Headers<'data, Elf, R>, image: &crate::image::Image<'data, R>) -> ElfFacts
where
    Elf: FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let (endian, data, header, phdrs, sections) = (file.endian, file.data, file.header, file.phdrs, &file.sections);

    let (dynamic, unreadable_strings) = dynamic::read(endian, data, phdrs, sections, image);
    let has_dynamic_segment = phdrs.iter().any(|p| p.p_type(endian) == elf::PT_DYNAMIC);
    let linkage = linkage(&dynamic, has_dynamic_segment);
    let kind = match header.e_type(endian) {
        elf::ET_EXEC => Kind::Executable,
        elf::ET_DYN if dynamic.pie_flag || dynamic.interpreter.is_some() => Kind::PieExecutable,
        elf::ET_DYN => Kind::SharedObject,
        elf::ET_REL => Kind::Relocatable,
        elf::ET_CORE => Kind::Core,
        _ => Kind::Other,
    };
    ElfFacts {
        machine: header.e_machine(endian).0,
        os_abi: header.e_ident().os_abi.0,
        kind,
        linkage,
        imports: symbol::imports(endian, data, sections),
        needed_versions: version::needed(endian, data, sections),
        // `.symtab` says which libc a file carries inside, and whether glibc's
        // NSS came with it: questions for a file that needs no library. A
        // file that needs libraries names its libc there, and its symbol
        // table (tens of MB in a big C++ or Rust library) stays unread.
        static_symbols: if dynamic.needed.is_empty() {
            symbol::static_symbols(endian, data, sections)
        } else {
            StaticSymbols::default()
        },
        notes: note::read(endian, data, phdrs, sections),
        upx: upx_marker(data),
        comments: note::comments(endian, data, sections),
        dynamic,
        unreadable_strings,
    }
}

/// The rule `file` applies (src/readelf.c), so the two always agree:
/// no `PT_INTERP` and no `PT_DYNAMIC` is static; a `PT_DYNAMIC` with
/// `DF_1_PIE`, no interpreter and no `DT_NEEDED` is static-pie; anything
/// else is dynamic.
fn linkage(d: &Dynamic, has_dynamic_segment: bool) -> Linkage {
    if d.interpreter.is_none() && !has_dynamic_segment {
        Linkage::Static
    } else if d.interpreter.is_none() && d.pie_flag && d.needed.is_empty() {
        Linkage::StaticPie
    } else {
        Linkage::Dynamic
    }
}

/// UPX writes its `l_info` header, starting `UPX!`, right after the ELF
/// and program headers of the stub; its trailer repeats the magic at the
/// end. Only the first page is searched: a program that merely contains
/// the string elsewhere is not packed.
fn upx_marker<'data, R: ReadRef<'data>>(data: R) -> Option<u64> {
    let len = data.len().ok()?;
    let head = data.read_bytes_at(0, len.min(UPX_HEADER_WINDOW)).ok()?;
    memchr::memmem::find(head, b"UPX!").map(|at| at as u64)
}

/// How far into the file UPX's marker can be.
const UPX_HEADER_WINDOW: u64 = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    fn dynamic(interp: bool, pie: bool, needed: usize) -> Dynamic {
        Dynamic {
            interpreter: interp.then(|| "/lib64/ld-linux-x86-64.so.2".into()),
            needed: vec!["libc.so.6".into(); needed],
            pie_flag: pie,
            has_dynamic_section: true,
            ..Dynamic::default()
        }
    }

    #[test]
    fn linkage_follows_file() {
        assert_eq!(linkage(&Dynamic::default(), false), Linkage::Static);
        assert_eq!(linkage(&dynamic(false, true, 0), true), Linkage::StaticPie);
        // Internal-link Go PIE: interpreter but nothing needed: still dynamic.
        assert_eq!(linkage(&dynamic(true, true, 0), true), Linkage::Dynamic);
        assert_eq!(linkage(&dynamic(true, false, 1), true), Linkage::Dynamic);
        // A shared object with no interpreter and no DF_1_PIE is dynamic.
        assert_eq!(linkage(&dynamic(false, false, 0), true), Linkage::Dynamic);
    }
}
