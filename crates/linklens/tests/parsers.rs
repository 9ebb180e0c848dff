//! The parsers' decisions on small files built to show each one (with the
//! fuzzing generator's `Spec`, laid out sound): the ELF kinds, the notes
//! that name a system or carry build IDs. Each test asserts the answer a
//! user reads, not an internal value.

use linklens::fuzzing::elf::{Note, Num, PType, Part, Phdr, Spec};
use linklens::{Facts as Report, Kind, Os};

fn base() -> Spec {
    Spec {
        map_all: true,
        is64: true,
        big: false,
        e_type: 0,
        machine: 0,
        phdrs: Vec::new(),
        shdrs: Vec::new(),
        dynamic: Vec::new(),
        strings: Vec::new(),
        symbols: Vec::new(),
        verneed: Vec::new(),
        notes: Vec::new(),
        interp: Vec::new(),
        buildinfo: None,
        pclntab: None,
        cut: None,
    }
}

fn note(name: &[u8], kind: u32, desc: &[u8]) -> Note {
    Note { namesz: Num::Small(name.len() as u16), descsz: Num::Small(desc.len() as u16), kind, name: name.to_vec(), desc: desc.to_vec() }
}

/// A file whose one `PT_NOTE` holds `notes`.
fn with_notes(notes: Vec<Note>) -> Report {
    let mut s = base();
    s.notes = notes;
    let all = Num::Exact(Part::Notes);
    s.phdrs.push(Phdr { p_type: PType::Note, offset: all, vaddr: all, filesz: all, memsz: all, flags: 4 });
    linklens::analyze(&s.build()[..]).expect("a report")
}

fn abi(os: u32) -> Vec<u8> {
    [os, 3, 2, 0].iter().flat_map(|w| w.to_le_bytes()).collect()
}

#[test]
fn elf_kinds_as_file_names_them() {
    for (e_type, kind) in [(0, Kind::Executable), (2, Kind::Relocatable), (3, Kind::Core)] {
        let mut s = base();
        s.e_type = e_type;
        let r = linklens::analyze(&s.build()[..]).expect("a report");
        assert_eq!(r.kind, kind, "e_type choice {e_type}");
    }
}

#[test]
fn the_gnu_abi_tag_names_the_kernel() {
    for (os, name, want) in [(0, "GNU/Linux 3.2.0", Os::Linux), (1, "GNU/Hurd 3.2.0", Os::Hurd), (2, "GNU/Solaris 3.2.0", Os::Solaris), (3, "GNU/kFreeBSD 3.2.0", Os::Freebsd)] {
        let r = with_notes(vec![note(b"GNU\0", 1, &abi(os))]);
        assert_eq!(r.toolchain.abi_tag.as_deref(), Some(name));
        assert_eq!(r.os.name, want, "{name}");
    }
    let r = with_notes(vec![note(b"GNU\0", 1, &abi(9))]);
    assert_eq!(r.toolchain.abi_tag.as_deref(), Some("GNU/unknown OS 3.2.0"));
    // Too short to be an ABI tag; another GNU note type is not one either.
    assert_eq!(with_notes(vec![note(b"GNU\0", 1, &abi(0)[..12])]).toolchain.abi_tag, None);
    let r = with_notes(vec![note(b"GNU\0", 5, &abi(0))]);
    assert_eq!((r.toolchain.abi_tag.clone(), r.toolchain.gnu_build_id.clone()), (None, None), "type 5 is neither");
}

#[test]
fn build_ids_are_read_from_their_notes() {
    let r = with_notes(vec![note(b"GNU\0", 3, &[0xde, 0xad, 0xbe, 0xef])]);
    assert_eq!(r.toolchain.gnu_build_id.as_deref(), Some("deadbeef"));
    assert_eq!(r.toolchain.abi_tag, None);
    let r = with_notes(vec![note(b"Go\0\0", 4, b"abc/def")]);
    assert_eq!(r.toolchain.go_build_id.as_deref(), Some("abc/def"));
    let r = with_notes(vec![note(b"Go\0\0", 5, b"abc/def")]);
    assert_eq!(r.toolchain.go_build_id, None, "only type 4 is Go's build ID");
}

#[test]
fn system_notes_name_the_system() {
    for (name, os) in [(&b"FreeBSD\0"[..], Os::Freebsd), (b"OpenBSD\0", Os::Openbsd), (b"NetBSD\0", Os::Netbsd), (b"Android\0", Os::Android)] {
        let r = with_notes(vec![note(name, 1, &[0; 4])]);
        assert_eq!(r.os.name, os, "{}", String::from_utf8_lossy(name));
        let r = with_notes(vec![note(name, 2, &[0; 4])]);
        assert_eq!(r.os.name, Os::Linux, "{}: only type 1 names the system", String::from_utf8_lossy(name));
    }
}


/// A file with a `PT_DYNAMIC` over `dynamic` and `.dynstr` holding `strings`.
fn with_dynamic(strings: &[&str], dynamic: Vec<linklens::fuzzing::elf::Dyn>) -> Report {
    let mut s = base();
    s.strings = strings.iter().map(|x| x.to_string()).collect();
    s.dynamic = dynamic;
    let all = Num::Exact(Part::Dynamic);
    s.phdrs.push(Phdr { p_type: PType::Dynamic, offset: all, vaddr: all, filesz: all, memsz: all, flags: 4 });
    linklens::analyze(&s.build()[..]).expect("a report")
}

#[test]
fn the_dynamic_table_is_read_to_its_end_and_within_its_strings() {
    use linklens::fuzzing::elf::{Dyn, DynTag};
    let d = |tag, val| Dyn { tag, val };
    // .dynstr: "\0libc.so.6\0libm.so.6\0/opt/lib:$ORIGIN\0" — offsets 1, 11, 21.
    let strings = ["libc.so.6", "libm.so.6", "/opt/lib:$ORIGIN"];
    let table = |strsz: Num, tail: Vec<Dyn>| {
        let mut v = vec![d(DynTag::Strtab, Num::Exact(Part::Dynstr)), d(DynTag::Strsz, strsz), d(DynTag::Needed, Num::Small(1))];
        v.extend(tail);
        v
    };
    let r = with_dynamic(&strings, table(Num::Exact(Part::Dynstr), vec![d(DynTag::Rpath, Num::Small(21)), d(DynTag::Null, Num::Small(0)), d(DynTag::Needed, Num::Small(11))]));
    assert_eq!(r.dynamic.needed, ["libc.so.6"], "nothing after DT_NULL");
    assert_eq!(r.dynamic.rpath, ["/opt/lib", "$ORIGIN"]);
    assert!(r.dynamic.runpath.is_empty());
    let r = with_dynamic(&strings, table(Num::Exact(Part::Dynstr), vec![d(DynTag::Runpath, Num::Small(21)), d(DynTag::Needed, Num::Small(11))]));
    assert_eq!(r.dynamic.needed, ["libc.so.6", "libm.so.6"]);
    assert_eq!(r.dynamic.runpath, ["/opt/lib", "$ORIGIN"]);
    assert!(r.dynamic.rpath.is_empty());
    // DT_STRSZ bounds the table: a name past it is not read, nor is one
    // whose NUL lies just past it.
    let r = with_dynamic(&strings, table(Num::Small(11), vec![d(DynTag::Needed, Num::Small(11))]));
    assert_eq!(r.dynamic.needed, ["libc.so.6"]);
    let r = with_dynamic(&strings, table(Num::Small(10), vec![]));
    assert!(r.dynamic.needed.is_empty(), "{:?}", r.dynamic.needed);
    // The same through the lazy reader the page uses, which answers at the
    // end of a range even without the NUL.
    let mut s = base();
    s.strings = strings.iter().map(|x| x.to_string()).collect();
    s.dynamic = table(Num::Small(10), vec![]);
    let all = Num::Exact(Part::Dynamic);
    s.phdrs.push(Phdr { p_type: PType::Dynamic, offset: all, vaddr: all, filesz: all, memsz: all, flags: 4 });
    let cache = object::read::ReadCache::new(std::io::Cursor::new(s.build()));
    let lazy = linklens::analyze(&cache).expect("a report");
    assert!(lazy.dynamic.needed.is_empty(), "lazily: {:?}", lazy.dynamic.needed);
    // Unreadable names are named by tag and offset, never made up.
    let r = with_dynamic(&strings, table(Num::Small(11), vec![d(DynTag::Rpath, Num::Small(21)), d(DynTag::Runpath, Num::Small(30))]));
    let said: Vec<String> = r.warnings.iter().flat_map(|w| w.evidence.iter().map(|e| e.value.clone())).collect();
    assert!(said.iter().any(|v| v.contains("DT_RPATH")) && said.iter().any(|v| v.contains("DT_RUNPATH")), "{said:?}");
}

/// A file with Go's build-ID note (a cheap sign of Go) and build info that
/// no section names: only the segments can hold it.
fn go_without_sections(load_flags: Option<u8>) -> Report {
    use linklens::fuzzing::elf::Buildinfo;
    let mut s = base();
    s.notes = vec![note(b"Go\0\0", 4, b"abc/def")];
    let notes = Num::Exact(Part::Notes);
    s.phdrs.push(Phdr { p_type: PType::Note, offset: notes, vaddr: notes, filesz: notes, memsz: notes, flags: 4 });
    if let Some(flags) = load_flags {
        s.map_all = false;
        let all = Num::Exact(Part::File);
        s.phdrs.insert(0, Phdr { p_type: PType::Load, offset: Num::Small(0), vaddr: Num::Exact(Part::File), filesz: all, memsz: all, flags });
    }
    s.buildinfo = Some(Buildinfo {
        honest: true,
        inline: true,
        ptr_size: 8,
        version_at: Num::Small(0),
        modinfo_at: Num::Small(0),
        version: b"go1.26.8".to_vec(),
        modinfo: b"path\texample.com/x\n".to_vec(),
    });
    linklens::analyze(&s.build()[..]).expect("a report")
}

#[test]
fn build_info_is_looked_for_in_writable_data_only() {
    let version = |r: &Report| r.go.as_ref().and_then(|g| g.version.clone());
    assert_eq!(version(&go_without_sections(None)).as_deref(), Some("go1.26.8"), "a read-write segment");
    // PF_X | PF_R: code, where the linker never puts it.
    assert_eq!(version(&go_without_sections(Some(5))), None);
    // PF_R alone: read-only data.
    assert_eq!(version(&go_without_sections(Some(4))), None);
}

/// A file whose `.symtab` (over `.strtab`) holds `names`, defined or not.
fn with_symtab(names: &[(&str, bool)]) -> Report {
    use linklens::fuzzing::elf::{SecKind, Shdr, Sym};
    let mut s = base();
    s.strings = names.iter().map(|(n, _)| n.to_string()).collect();
    let mut at = 1u16;
    for (n, defined) in names {
        s.symbols.push(Sym { name: Num::Small(at), info: 0x12, shndx: u16::from(*defined), version: 1 });
        at += n.len() as u16 + 1;
    }
    let over = |p: Part| (Num::Exact(p), Num::Exact(p), Num::Exact(p));
    let (o, a, z) = over(Part::Dynstr);
    s.shdrs.push(Shdr { kind: SecKind::Strtab, offset: o, addr: a, size: z, link: 0, entsize: Num::Small(0) });
    let (o, a, z) = over(Part::Dynsym);
    s.shdrs.push(Shdr { kind: SecKind::Symtab, offset: o, addr: a, size: z, link: 1, entsize: Num::Small(24) });
    linklens::analyze(&s.build()[..]).expect("a report")
}

#[test]
fn the_language_from_static_symbols() {
    let lang = |names: &[(&str, bool)]| with_symtab(names).toolchain.language;
    assert_eq!(lang(&[("rust_begin_unwind", true)]), Some(linklens::Language::Rust));
    assert_eq!(lang(&[("_ZN3std2rt10lang_start17h0123456789abcdefE", true)]), Some(linklens::Language::Rust));
    assert_eq!(lang(&[("_RNvCs123_3std2rt10lang_start", true)]), Some(linklens::Language::Rust));
    assert_eq!(lang(&[("_ZNSt6vectorIiSaIiEE9push_backEOi", true)]), Some(linklens::Language::Cxx));
    assert_eq!(lang(&[("__gxx_personality_v0", true)]), Some(linklens::Language::Cxx));
    // Rust wins over the C++ runtime it may link; plain C names say nothing.
    assert_eq!(lang(&[("__gxx_personality_v0", true), ("rust_begin_unwind", true)]), Some(linklens::Language::Rust));
    assert_eq!(lang(&[("main", true), ("__cxa_finalize", true)]), None);
}

#[test]
fn nss_functions_count_where_they_are_defined() {
    let nss = |defined: bool| {
        let r = with_symtab(&[("__libc_setup_tls", true), ("getaddrinfo", defined)]);
        assert_eq!(r.libc.name.as_str(), "glibc", "{:?}", r.libc);
        r.warnings.iter().any(|w| w.id.as_str() == "glibc-static-nss")
    };
    assert!(nss(true), "a static glibc file that holds getaddrinfo");
    assert!(!nss(false), "an undefined reference is not NSS linked in");
    // musl's markers name musl.
    assert_eq!(with_symtab(&[("__init_libc", true)]).libc.name.as_str(), "musl");
}

/// Go's runtime in `.symtab` is reason enough to look for the pclntab where
/// a PIE keeps it (`.data.rel.ro`): a file with no Go section and no Go
/// note is recognised as Go by that alone; a C++ `runtime.cc` name is not.
#[test]
fn runtime_symbols_send_the_search_beyond_go_sections() {
    use linklens::fuzzing::elf::{Pclntab, SecKind, Shdr, Sym};
    let go = |symbol: &str| {
        let mut s = base();
        s.pclntab = Some(Pclntab { honest: true, layout: 3, quantum: 1, words: [Num::Small(0); 9], body: Vec::new() });
        s.strings = vec![symbol.to_string()];
        s.symbols.push(Sym { name: Num::Small(1), info: 0x12, shndx: 1, version: 1 });
        let (o, a, z) = (Num::Exact(Part::Dynstr), Num::Exact(Part::Dynstr), Num::Exact(Part::Dynstr));
        s.shdrs.push(Shdr { kind: SecKind::Strtab, offset: o, addr: a, size: z, link: 0, entsize: Num::Small(0) });
        let (o, a, z) = (Num::Exact(Part::Dynsym), Num::Exact(Part::Dynsym), Num::Exact(Part::Dynsym));
        s.shdrs.push(Shdr { kind: SecKind::Symtab, offset: o, addr: a, size: z, link: 1, entsize: Num::Small(24) });
        let (o, a, z) = (Num::Exact(Part::Pclntab), Num::Exact(Part::Pclntab), Num::Exact(Part::Pclntab));
        s.shdrs.push(Shdr { kind: SecKind::DataRelRo, offset: o, addr: a, size: z, link: 0, entsize: Num::Small(0) });
        let r = linklens::analyze(&s.build()[..]).expect("a report");
        r.go.and_then(|g| g.pclntab).map(|p| p.section)
    };
    for name in ["runtime.main", "runtime.goexit", "runtime.morestack", "runtime.rt0_go"] {
        assert_eq!(go(name), Some(Some(".data.rel.ro".to_string())), "{name}");
    }
    assert_eq!(go("runtime.cc"), None, "not Go's runtime");
}

/// A `Read + Seek` over bytes that counts what is read through it.
struct Counted {
    inner: std::io::Cursor<Vec<u8>>,
    read: std::rc::Rc<std::cell::Cell<u64>>,
}

impl std::io::Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

impl std::io::Seek for Counted {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// The bytes an analysis reads of a file whose `.strtab` is `size` bytes
/// (one short name, then filler), through a lazy reader as the page uses.
fn bytes_read_with_strtab(size: u64) -> u64 {
    use linklens::fuzzing::elf::{SecKind, Shdr, Sym};
    use object::{Object, ObjectSection};
    let mut s = base();
    s.strings = vec!["puts".into()];
    s.symbols.push(Sym { name: Num::Small(1), info: 0x12, shndx: 0, version: 1 });
    s.shdrs.push(Shdr { kind: SecKind::Strtab, offset: Num::Exact(Part::Dynstr), addr: Num::Exact(Part::Dynstr), size: Num::Raw(size), link: 0, entsize: Num::Small(0) });
    let (o, a, z) = (Num::Exact(Part::Dynsym), Num::Exact(Part::Dynsym), Num::Exact(Part::Dynsym));
    s.shdrs.push(Shdr { kind: SecKind::Symtab, offset: o, addr: a, size: z, link: 1, entsize: Num::Small(24) });
    let mut bytes = s.build();
    let start = object::File::parse(&bytes[..]).unwrap().section_by_name(".strtab").and_then(|t| t.file_range()).unwrap().0;
    // The table runs to the end of the file: filler after the name.
    bytes.resize((start + size) as usize, b'x');
    let read = std::rc::Rc::new(std::cell::Cell::new(0));
    let cache = object::ReadCache::new(Counted { inner: std::io::Cursor::new(bytes), read: read.clone() });
    linklens::analyze(&cache).expect("a report");
    read.get()
}

/// A string table up to 256 KiB is read in one piece; a bigger one name by
/// name, so a lazy reader (the page's worker) never pulls it in whole.
#[test]
fn big_string_tables_are_read_name_by_name() {
    const WHOLE: u64 = 256 * 1024;
    let at_limit = bytes_read_with_strtab(WHOLE);
    assert!(at_limit >= WHOLE, "read whole: {at_limit} bytes");
    let small = bytes_read_with_strtab(64 * 1024);
    assert!(small >= 64 * 1024, "read whole: {small} bytes");
    let past = bytes_read_with_strtab(WHOLE + 1);
    assert!(past < 64 * 1024, "read name by name: {past} bytes");
}
