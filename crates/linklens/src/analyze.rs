//! The pipeline: bytes → format → facts (ELF layer, Go layer) → causes →
//! warnings → the versions the loader will check. Nothing here is worded:
//! the explainer (`linklens-explain`) turns these facts into sentences,
//! fixes and target verdicts.

use object::read::elf::FileHeader;
use object::read::macho::{MachHeader, MachOFile};
use object::read::{FileKind, Object, ReadRef};
use object::Endianness;

use crate::error::{Error, ObjectFormat, Problem};
use crate::sniff::Sniffed;
use crate::image::Image;
use crate::facts::*;
use crate::{arch, cause, elf, go, libc, macho, os, pe, portability, sniff, warning};

/// Analyse one file. Pure and deterministic; never panics on any input.
/// The reader's `len` must be the bytes it really has: `object`'s
/// `ReadCache` checks a read against it before reserving the read's size.
pub fn analyze<'data, R: ReadRef<'data>>(data: R) -> Result<Facts, Error> {
    let unreadable = Error::NotObject { what: Sniffed::Unreadable, starts_with_mz: false };
    let len = data.len().map_err(|_| unreadable.clone())?;
    if len == 0 {
        return Err(Error::Empty);
    }
    let head = data.read_bytes_at(0, len.min(512)).map_err(|_| unreadable)?;
    let Some(magic) = sniff::object_magic(head) else {
        return Err(Error::NotObject { what: sniff::sniff(head), starts_with_mz: false });
    };
    if magic == sniff::Magic::MachOFat {
        return Err(Error::Unsupported { format: ObjectFormat::MachO, problem: Problem::FatMachO });
    }
    let kind = FileKind::parse(data).map_err(|e| header_error(magic, head, len, e))?;
    match kind {
        FileKind::Elf32 => elf_report(&elf::Headers::<object::elf::FileHeader32<Endianness>, R>::parse(data).map_err(|e| elf_error(head, len, e))?, len),
        FileKind::Elf64 => elf_report(&elf::Headers::<object::elf::FileHeader64<Endianness>, R>::parse(data).map_err(|e| elf_error(head, len, e))?, len),
        FileKind::MachO32 => macho_report(&MachOFile::<object::macho::MachHeader32<Endianness>, R>::parse(data).map_err(|e| malformed(ObjectFormat::MachO, e))?, data, len),
        FileKind::MachO64 => macho_report(&MachOFile::<object::macho::MachHeader64<Endianness>, R>::parse(data).map_err(|e| malformed(ObjectFormat::MachO, e))?, data, len),
        FileKind::Pe32 => pe_report(&object::read::pe::PeFile32::<R>::parse(data).map_err(|e| malformed(ObjectFormat::Pe, e))?, data, len),
        FileKind::Pe64 => pe_report(&object::read::pe::PeFile64::<R>::parse(data).map_err(|e| malformed(ObjectFormat::Pe, e))?, data, len),
        _ => Err(Error::Unsupported { format: ObjectFormat::Other, problem: Problem::NotAnExecutable }),
    }
}

fn malformed(format: ObjectFormat, e: object::read::Error) -> Error {
    Error::Malformed { format, problem: parser(e) }
}

/// `object`'s errors are short static strings: kept verbatim, as evidence.
fn parser(e: object::read::Error) -> Problem {
    Problem::Parser { said: e.to_string() }
}

fn header_error(magic: sniff::Magic, head: &[u8], len: u64, e: object::read::Error) -> Error {
    match magic {
        sniff::Magic::Elf => elf_error(head, len, e),
        sniff::Magic::Pe if head.len() < 64 => Error::Truncated { format: ObjectFormat::Pe, problem: Problem::ShorterThanHeader { len, header: 64 } },
        // "MZ" alone is too weak a signal to call a file damaged.
        sniff::Magic::Pe => Error::NotObject { what: sniff::sniff(head.get(2..).unwrap_or_default()), starts_with_mz: true },
        _ => Error::Truncated { format: ObjectFormat::MachO, problem: parser(e) },
    }
}

/// Say "cut short" when the headers point past the end of the file.
fn elf_error(head: &[u8], len: u64, e: object::read::Error) -> Error {
    let is64 = head.get(4) == Some(&2);
    let big = head.get(5) == Some(&2);
    let min_header = if is64 { 64 } else { 52 };
    if len < min_header {
        return Error::Truncated { format: ObjectFormat::Elf, problem: Problem::ShorterThanHeader { len, header: min_header } };
    }
    match head.get(4..6) {
        Some([1 | 2, 1 | 2]) => {}
        _ => return Error::Unsupported { format: ObjectFormat::Elf, problem: Problem::UnknownElfClass },
    }
    let rd = |off: usize, n: u8| crate::image::read_uint(head.get(off..).unwrap_or(&[]), n, big).unwrap_or(0);
    let (phoff, shoff, phentsize, phnum, shentsize, shnum) = if is64 {
        (rd(32, 8), rd(40, 8), rd(54, 2), rd(56, 2), rd(58, 2), rd(60, 2))
    } else {
        (rd(28, 4), rd(32, 4), rd(42, 2), rd(44, 2), rd(46, 2), rd(48, 2))
    };
    let ends = [phoff.saturating_add(phentsize * phnum), shoff.saturating_add(shentsize * shnum)];
    let want = ends.into_iter().max().unwrap_or(0);
    if want > len {
        return Error::Truncated { format: ObjectFormat::Elf, problem: Problem::TablesPastEnd { len, reach: want } };
    }
    malformed(ObjectFormat::Elf, e)
}

fn elf_report<'data, Elf, R>(file: &elf::Headers<'data, Elf, R>, len: u64) -> Result<Facts, Error>
where
    Elf: FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let image = Image::from_elf(len, file);
    let facts = elf::read(file, &image);
    let bits = if file.is_64() { 64 } else { 32 };
    let machine = arch::elf_machine_name(facts.machine, bits, image.big_endian);
    let goarch = arch::from_elf(facts.machine, bits, image.big_endian).map(|a| a.goarch);
    let mut r = Facts::new(Format::Elf, machine, goarch, bits, image.big_endian, len);
    r.kind = facts.kind;
    r.linkage = facts.linkage;
    r.dynamic = facts.dynamic.clone();
    // gccgo's files name runtime.main too, but hold none of gc's tables:
    // scanning them for a pclntab would read the whole file for nothing.
    let gccgo = is_gccgo(&facts, &image);
    let search = if gccgo { go::Search::NamedOnly } else { go::search(&image, facts.notes.go_build_id.is_some(), facts.static_symbols.go_runtime) };
    let detected = go::detect(&image, search, cause::needs_package_counts(&facts.imports));
    let names = detected.as_ref().map(|d| &d.names);

    r.toolchain = toolchain(&facts, &image, detected.as_ref(), gccgo);
    r.go = detected.as_ref().map(|d| d.info.clone()).or_else(|| if gccgo { go::gccgo_info(&image) } else { None });
    libc_and_os(&mut r, &facts, detected.is_none());
    let mut imports = facts.imports.clone();
    r.causes = cause::attribute(
        &cause::Input {
            linkage: r.linkage,
            dynamic: &r.dynamic,
            // gccgo's build info names the settings, not the causes: it
            // has none of the tables the Go causes are read from.
            go: r.go.as_ref().filter(|_| !gccgo),
            names,
            libc_is_shared: !r.dynamic.needed.is_empty(),
            language: r.toolchain.language,
        },
        &mut imports,
    );
    r.imports = imports;
    let described = Some(facts_end(&image)).filter(|&end| end > len).map(|end| (len, end));
    r.warnings = warning::collect(
        &r,
        &warning::Input {
            symbols: &facts.static_symbols,
            buildinfo_damage: detected.as_ref().and_then(|d| d.buildinfo_damage.as_ref()),
            unreadable_strings: &facts.unreadable_strings,
            truncated: described,
            upx: facts.upx,
        },
    );
    r.portability = portability::requirements(&facts.needed_versions, &r.imports, r.libc.name, r.linkage);
    // A packed file's headers are the packer's: nothing about the program
    // inside can be concluded (the explainer gives no command either).
    if facts.upx.is_some() {
        r.causes.clear();
        r.toolchain.language = None;
    }
    Ok(r)
}

/// Who built the file: the language, the toolchain's notes and comments,
/// and whether Go's runtime/cgo is linked.
fn toolchain<'data, R: ReadRef<'data>>(facts: &elf::ElfFacts, image: &Image<'data, R>, detected: Option<&go::Detected>, gccgo: bool) -> Toolchain {
    let runtime_cgo = detected.is_some_and(|d| {
        d.names.runtime_cgo.is_some()
            || !d.names.cgo_c_functions.is_empty()
            || !d.info.cgo_packages.is_empty()
            || facts.imports.iter().any(|i| i.name == "pthread_create")
    });
    Toolchain {
        language: language(detected, facts, image, gccgo),
        comments: facts.comments.clone(),
        abi_tag: facts.notes.abi_tag.clone(),
        gnu_build_id: facts.notes.gnu_build_id.clone(),
        go_build_id: facts.notes.go_build_id.clone(),
        runtime_cgo,
    }
}

/// The C library and the operating system, each from its evidence; on an
/// OS other than Linux the C library is the system's.
fn libc_and_os(r: &mut Facts, facts: &elf::ElfFacts, not_go: bool) {
    let has_c = not_go || r.toolchain.runtime_cgo || !r.dynamic.needed.is_empty();
    r.libc = libc::infer(&libc::Input {
        dynamic: &r.dynamic,
        imports: &facts.imports,
        abi_tag: r.toolchain.abi_tag.as_deref(),
        symbols: &facts.static_symbols,
        comments: &r.toolchain.comments,
        has_c,
    });
    r.os = os::infer(&os::Input {
        goos: r.go.as_ref().and_then(|g| g.build.goos.as_deref()),
        os_abi: facts.os_abi,
        os_note: facts.notes.os,
        interpreter: r.dynamic.interpreter.as_deref(),
        abi_tag: r.toolchain.abi_tag.as_deref(),
    });
    if r.os.name != Os::Linux && r.libc.name != LibcName::None && (r.libc.name != LibcName::Unknown || has_c) {
        r.libc.name = LibcName::System;
    }
}

/// The furthest byte any segment or section claims (`u64::MAX` for one
/// that claims more than the offset space holds).
fn facts_end<'data, R: ReadRef<'data>>(image: &Image<'data, R>) -> u64 {
    image.segments.iter().chain(image.sections.iter()).map(|r| r.end().map_or(u64::MAX, |e| e.get())).max().unwrap_or(0)
}

/// gccgo: libgo.so (Go's runtime as a C library), or its export data when
/// libgo was linked in (-static-libgo, -static).
fn is_gccgo<'data, R: ReadRef<'data>>(facts: &elf::ElfFacts, image: &Image<'data, R>) -> bool {
    facts.dynamic.needed.iter().any(|l| l.starts_with("libgo.so")) || image.section(".go_export").is_some()
}

fn language<'data, R: ReadRef<'data>>(go: Option<&go::Detected>, facts: &elf::ElfFacts, image: &Image<'data, R>, gccgo: bool) -> Option<Language> {
    if go.is_some() {
        return Some(Language::Go);
    }
    if gccgo {
        return Some(Language::Gccgo);
    }
    let comments = facts.comments.join("\n");
    let rust = comments.contains("rustc version")
        || facts.static_symbols.rust
        || image.section(".rustc").is_some()
        || facts.imports.iter().any(|i| i.name.starts_with("_ZN3std") || i.name == "__rust_probestack");
    let cxx = facts.static_symbols.cxx
        || facts.dynamic.needed.iter().any(|l| l.starts_with("libstdc++") || l.starts_with("libc++"))
        || facts.imports.iter().any(|i| elf::is_cxx_runtime(i.name.as_bytes()));
    if rust {
        Some(Language::Rust)
    } else if cxx {
        Some(Language::Cxx)
    } else if !facts.comments.is_empty() || facts.notes.abi_tag.is_some() || !facts.dynamic.needed.is_empty() {
        Some(Language::C)
    } else {
        None
    }
}

fn macho_report<'data, Mach, R>(file: &MachOFile<'data, Mach, R>, data: R, len: u64) -> Result<Facts, Error>
where
    Mach: MachHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let image = Image::new(data, len, file);
    let a = arch::from_object(file.architecture());
    let machine = a.and_then(|a| a.macho_name).unwrap_or("unknown");
    let goarch = a.map(|a| a.goarch);
    let mut r = Facts::new(Format::Macho, machine.into(), goarch, if file.is_64() { 64 } else { 32 }, image.big_endian, len);
    r.kind = match file.kind() {
        object::ObjectKind::Executable => Kind::Executable,
        object::ObjectKind::Dynamic => Kind::SharedObject,
        object::ObjectKind::Relocatable => Kind::Relocatable,
        _ => Kind::Other,
    };
    r.dynamic = macho::dynamic(file);
    r.linkage = if r.dynamic.needed.is_empty() && r.dynamic.interpreter.is_none() { Linkage::Static } else { Linkage::Dynamic };
    r.libc = Libc { name: LibcName::Unknown, evidence: vec![] };
    let detected = go::detect(&image, go::search(&image, false, false), true);
    r.toolchain.language = detected.as_ref().map(|_| Language::Go);
    r.go = detected.map(|d| d.info);
    r.warnings = macho::warnings(&r.dynamic);
    r.os = OsInfo { name: Os::Macos, evidence: vec![Evidence::new(EvidenceKind::Header, "Mach-O")] };
    Ok(r)
}

fn pe_report<'data, O, R>(file: &O, data: R, len: u64) -> Result<Facts, Error>
where
    O: Object<'data>,
    R: ReadRef<'data>,
{
    let image = Image::new(data, len, file);
    let a = arch::from_object(file.architecture());
    let machine = a.and_then(|a| a.pe_name).unwrap_or("unknown");
    let goarch = a.map(|a| a.goarch);
    let mut r = Facts::new(Format::Pe, machine.into(), goarch, if file.is_64() { 64 } else { 32 }, false, len);
    r.kind = match file.kind() {
        object::ObjectKind::Executable => Kind::Executable,
        object::ObjectKind::Dynamic => Kind::SharedObject,
        _ => Kind::Other,
    };
    r.dynamic = pe::dynamic(file);
    r.linkage = if r.dynamic.needed.is_empty() { Linkage::Static } else { Linkage::Dynamic };
    // PE has no section of Go's own to go by: always search.
    let detected = go::detect(&image, go::Search::Scan, true);
    r.toolchain.language = detected.as_ref().map(|_| Language::Go);
    r.go = detected.map(|d| d.info);
    r.warnings = pe::warnings(&r.dynamic);
    r.os = OsInfo { name: Os::Windows, evidence: vec![Evidence::new(EvidenceKind::Header, "PE")] };
    Ok(r)
}
