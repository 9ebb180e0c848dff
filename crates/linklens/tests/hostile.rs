//! Hostile files, built by hand: counts near `u32::MAX`, offsets past the
//! end, tables that point at themselves, huge varints, a 4 GB `p_filesz`.
//! Each must end in a report or an error, quickly. (The generous time
//! bound only catches hangs; `cargo xtask bench` measures the real cost.)

use std::time::{Duration, Instant};

const HANG: Duration = Duration::from_secs(1);

/// A little-endian ELF64 file under construction.
struct Elf {
    body: Vec<u8>,
    phdrs: Vec<[u8; 56]>,
    shdrs: Vec<[u8; 64]>,
    shstrtab: Vec<u8>,
    e_type: u16,
}

const HEADER: usize = 64;
const BODY_AT: usize = 0x1000;

fn put(buf: &mut [u8], at: usize, v: u64, n: usize) {
    buf[at..at + n].copy_from_slice(&v.to_le_bytes()[..n]);
}

impl Elf {
    fn new() -> Elf {
        // Section 0 is the null section.
        Elf { body: Vec::new(), phdrs: Vec::new(), shdrs: vec![[0; 64]], shstrtab: vec![0], e_type: 2 }
    }

    /// Add bytes to the body; returns their file offset.
    fn data(&mut self, bytes: &[u8]) -> u64 {
        while self.body.len() % 16 != 0 {
            self.body.push(0);
        }
        let at = BODY_AT + self.body.len();
        self.body.extend_from_slice(bytes);
        at as u64
    }

    #[allow(clippy::too_many_arguments)]
    fn phdr(&mut self, p_type: u32, flags: u32, offset: u64, vaddr: u64, filesz: u64, memsz: u64) {
        let mut p = [0u8; 56];
        put(&mut p, 0, p_type.into(), 4);
        put(&mut p, 4, flags.into(), 4);
        put(&mut p, 8, offset, 8);
        put(&mut p, 16, vaddr, 8);
        put(&mut p, 24, vaddr, 8);
        put(&mut p, 32, filesz, 8);
        put(&mut p, 40, memsz, 8);
        put(&mut p, 48, 0x1000, 8);
        self.phdrs.push(p);
    }

    #[allow(clippy::too_many_arguments)]
    fn section(&mut self, name: &str, sh_type: u32, flags: u64, addr: u64, offset: u64, size: u64, link: u32, entsize: u64) -> u32 {
        let name_at = self.shstrtab.len() as u64;
        self.shstrtab.extend_from_slice(name.as_bytes());
        self.shstrtab.push(0);
        let mut s = [0u8; 64];
        put(&mut s, 0, name_at, 4);
        put(&mut s, 4, sh_type.into(), 4);
        put(&mut s, 8, flags, 8);
        put(&mut s, 16, addr, 8);
        put(&mut s, 24, offset, 8);
        put(&mut s, 32, size, 8);
        put(&mut s, 40, link.into(), 4);
        put(&mut s, 48, 8, 8);
        put(&mut s, 56, entsize, 8);
        self.shdrs.push(s);
        (self.shdrs.len() - 1) as u32
    }

    fn build(mut self) -> Vec<u8> {
        let strtab = self.shstrtab.clone();
        let str_at = self.data(&strtab);
        let shstrndx = self.section(".shstrtab", 3, 0, 0, str_at, strtab.len() as u64, 0, 0);
        // Rename after the fact: the name was added to the table too late,
        // so point it at offset 0 (empty): harmless.
        let mut out = vec![0u8; BODY_AT];
        out[..4].copy_from_slice(b"\x7fELF");
        out[4] = 2; // 64-bit
        out[5] = 1; // little-endian
        out[6] = 1;
        put(&mut out, 16, self.e_type.into(), 2);
        put(&mut out, 18, 62, 2); // x86-64
        put(&mut out, 20, 1, 4);
        put(&mut out, 32, HEADER as u64, 8); // e_phoff
        put(&mut out, 52, HEADER as u64, 2); // e_ehsize
        put(&mut out, 54, 56, 2);
        put(&mut out, 56, self.phdrs.len() as u64, 2);
        put(&mut out, 58, 64, 2);
        put(&mut out, 62, shstrndx.into(), 2);
        for (i, p) in self.phdrs.iter().enumerate() {
            out[HEADER + i * 56..HEADER + (i + 1) * 56].copy_from_slice(p);
        }
        out.extend_from_slice(&self.body);
        while out.len() % 8 != 0 {
            out.push(0);
        }
        let shoff = out.len() as u64;
        put(&mut out, 40, shoff, 8);
        put(&mut out, 60, self.shdrs.len() as u64, 2);
        for s in &self.shdrs {
            out.extend_from_slice(s);
        }
        out
    }
}

fn check(case: &str, data: &[u8]) -> Result<linklens::Facts, linklens::Error> {
    let start = Instant::now();
    let result = std::panic::catch_unwind(|| linklens::analyze(data));
    let took = start.elapsed();
    let result = result.unwrap_or_else(|_| panic!("{case}: panicked"));
    assert!(took < HANG, "{case}: took {took:?}");
    eprintln!("{case}: {:?} in {took:?}", result.as_ref().map(|r| r.linkage).map_err(|e| e.code()));
    if !case.starts_with("generated") {
        keep(case, data, &result);
    }
    result
}

/// Leave each hand-built file and its native outcome in target/hostile/,
/// where the browser tests drop them into the page: the worker must give
/// the same answer (web/tests/app.test.mjs).
fn keep(case: &str, data: &[u8], result: &Result<linklens::Facts, linklens::Error>) {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let slug: String = case.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let slug = slug.trim_matches('-');
    let outcome = match result {
        Ok(r) => format!("{{\"linkage\":\"{}\"}}", r.linkage),
        Err(e) => format!("{{\"error\":\"{}\"}}", e.code()),
    };
    std::fs::write(dir.join(format!("{slug}.elf")), data).unwrap();
    std::fs::write(dir.join(format!("{slug}.json")), outcome).unwrap();
}

const SHT_PROGBITS: u32 = 1;
const SHT_DYNSYM: u32 = 11;
const SHT_NOTE: u32 = 7;
const SHT_DYNAMIC: u32 = 6;
const PT_LOAD: u32 = 1;
const PT_DYNAMIC: u32 = 2;
const PT_INTERP: u32 = 3;
const SHF_ALLOC: u64 = 2;
const SHF_WRITE: u64 = 1;

#[test]
fn a_plain_built_file_is_read() {
    // The builder itself must make a file linklens accepts.
    let mut e = Elf::new();
    let at = e.data(b"/lib/ld-musl-x86_64.so.1\0");
    e.phdr(PT_INTERP, 4, at, 0x400000 + at, 25, 25);
    let r = check("plain", &e.build()).unwrap();
    assert_eq!(r.dynamic.interpreter.as_deref(), Some("/lib/ld-musl-x86_64.so.1"));
    assert_eq!(r.linkage, linklens::Linkage::Dynamic);
}

#[test]
fn counts_near_u32_max() {
    // Extended section numbering: e_shnum = 0, the count in section 0.
    let mut data = Elf::new().build();
    let shoff = u64::from_le_bytes(data[40..48].try_into().unwrap()) as usize;
    put(&mut data, 60, 0, 2);
    put(&mut data, shoff + 32, 0xffff_fff0, 8);
    let _ = check("e_shnum in section 0 near u32::MAX", &data);

    // e_phnum = PN_XNUM with the real count in section 0's sh_info.
    let mut data = Elf::new().build();
    put(&mut data, 56, 0xffff, 2);
    put(&mut data, shoff + 44, u32::MAX.into(), 4);
    let _ = check("e_phnum PN_XNUM, sh_info u32::MAX", &data);

    // A .dynsym claiming 2^32 symbols.
    let mut e = Elf::new();
    let at = e.data(&[0u8; 48]);
    e.section(".dynsym", SHT_DYNSYM, SHF_ALLOC, 0, at, 24 * u64::from(u32::MAX), 0, 24);
    let r = check(".dynsym with u32::MAX entries", &e.build());
    assert!(r.map(|r| r.imports.is_empty()).unwrap_or(true));
}

#[test]
fn offsets_past_the_end() {
    let mut e = Elf::new();
    e.phdr(PT_INTERP, 4, 1 << 62, 0, 64, 64);
    e.phdr(PT_DYNAMIC, 6, u64::MAX - 8, 0, 1 << 40, 1 << 40);
    e.section(".gopclntab", SHT_PROGBITS, SHF_ALLOC, 0, 1 << 50, 1 << 20, 0, 0);
    e.section(".go.buildinfo", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 0, u64::MAX - 1, 32, 0, 0);
    let r = check("interp, dynamic and Go sections past the end", &e.build());
    if let Ok(r) = r {
        assert!(r.go.is_none());
    }
}

#[test]
fn four_gigabyte_segment() {
    let mut e = Elf::new();
    let at = e.data(b"\xff Go buildinf:\x08\x02");
    e.phdr(PT_LOAD, 6, 0, 0x400000, 4 << 30, 4 << 30);
    e.phdr(PT_LOAD, 6, at, 0x800000, 4 << 30, 4 << 30);
    let mut data = e.build();
    // No section headers: the Go detectors must scan the (clipped) segments.
    put(&mut data, 40, 0, 8);
    put(&mut data, 60, 0, 4);
    let _ = check("PT_LOAD with a 4 GB p_filesz", &data);
}

#[test]
fn tables_that_point_at_themselves() {
    // A dynamic table whose string table is itself, with absurd offsets.
    let mut e = Elf::new();
    let mut dynamic = Vec::new();
    let vaddr = 0x600000u64;
    for (tag, val) in [(5u64, vaddr), (10, u64::MAX), (1, u64::MAX - 3), (1, 0), (0x6fff_fffb, u64::MAX), (29, 1 << 40), (0, 0)] {
        dynamic.extend_from_slice(&tag.to_le_bytes());
        dynamic.extend_from_slice(&val.to_le_bytes());
    }
    let at = e.data(&dynamic);
    e.phdr(PT_LOAD, 6, at, vaddr, dynamic.len() as u64, dynamic.len() as u64);
    e.phdr(PT_DYNAMIC, 6, at, vaddr, dynamic.len() as u64, dynamic.len() as u64);
    e.section(".dynamic", SHT_DYNAMIC, SHF_ALLOC | SHF_WRITE, vaddr, at, dynamic.len() as u64, 0, 16);
    // A note whose name size is u32::MAX.
    let mut note = Vec::new();
    note.extend_from_slice(&u32::MAX.to_le_bytes());
    note.extend_from_slice(&8u32.to_le_bytes());
    note.extend_from_slice(&1u32.to_le_bytes());
    note.extend_from_slice(b"GNU\0");
    let nat = e.data(&note);
    e.section(".note.ABI-tag", SHT_NOTE, SHF_ALLOC, 0, nat, note.len() as u64, 0, 0);
    let r = check("self-referencing dynamic table, endless note", &e.build()).expect("a report: the headers are sound");
    assert_eq!(r.linkage, linklens::Linkage::Dynamic);
    // Offset 0 reads the table's own bytes; the absurd offset is never made
    // into a library name: it is a warning with the offset as data.
    assert_eq!(r.dynamic.needed.len(), 1, "{:?}", r.dynamic.needed);
    let w = r.warnings.iter().find(|w| w.id == linklens::WarningId::DynamicStringUnreadable).expect("a warning");
    assert!(w.evidence.iter().any(|e| e.kind == linklens::EvidenceKind::Offset && e.value == "0xfffffffffffffffc"), "{w:?}");
    assert!(w.value("tag") == Some("DT_NEEDED") && w.value("offset") == Some("0xfffffffffffffffc"), "{:?}", w.values);
}

#[test]
fn segment_at_the_end_of_the_address_space() {
    // A PT_LOAD whose p_offset is near u64::MAX, and a DT_STRTAB pointing
    // inside it: translating that address to a file offset overflows
    // unless the arithmetic is checked (it panicked in debug builds and
    // wrapped in release, reading the string at offset 0x1).
    let mut e = Elf::new();
    let mut dynamic = Vec::new();
    let (vaddr, hostile) = (0x600000u64, 0x700000u64);
    for (tag, val) in [(5u64, hostile + 0x10), (10, 0x20), (1, 0), (0, 0)] {
        dynamic.extend_from_slice(&tag.to_le_bytes());
        dynamic.extend_from_slice(&val.to_le_bytes());
    }
    let at = e.data(&dynamic);
    e.phdr(PT_LOAD, 6, at, vaddr, dynamic.len() as u64, dynamic.len() as u64);
    e.phdr(PT_LOAD, 4, 0xFFFF_FFFF_FFFF_FFF8, hostile, 0x100, 0x100);
    e.phdr(PT_DYNAMIC, 6, at, vaddr, dynamic.len() as u64, dynamic.len() as u64);
    let r = check("PT_LOAD at p_offset u64::MAX - 7", &e.build()).expect("a report: the headers are sound");
    assert!(r.dynamic.needed.is_empty(), "nothing readable, nothing made up: {:?}", r.dynamic.needed);
    assert!(r.warnings.iter().any(|w| w.id == linklens::WarningId::DynamicStringUnreadable), "{:?}", r.warnings);
}

/// A pclntab header (Go 1.20 layout) with the given words after the magic.
fn pclntab(words: &[u64]) -> Vec<u8> {
    let mut t = vec![0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8];
    for w in words {
        t.extend_from_slice(&w.to_le_bytes());
    }
    t.resize(t.len() + 4096, b'A');
    t
}

#[test]
fn pclntab_offsets_that_point_at_each_other() {
    let cases: &[(&str, Vec<u8>)] = &[
        // nfunc, nfiles, textStart, funcname, cu, filetab, pctab, pcln
        ("all offsets equal", pclntab(&[1 << 24, 1, 0, 72, 72, 72, 72, 72])),
        ("offsets backwards", pclntab(&[10, 1, 0, 4000, 72, 80, 90, 100])),
        ("name table to the end of memory", pclntab(&[1, 1, 0, 72, u64::MAX, u64::MAX, u64::MAX, u64::MAX])),
        ("nfunc u64::MAX", pclntab(&[u64::MAX, 1, 0, 72, 80, 88, 96, 104])),
        ("names without terminators", pclntab(&[1, 1, 0, 72, 4000, 4010, 4020, 4030])),
    ];
    for (case, table) in cases {
        let mut e = Elf::new();
        let at = e.data(table);
        e.section(".gopclntab", SHT_PROGBITS, SHF_ALLOC, 0, at, table.len() as u64, 0, 0);
        let _ = check(case, &e.build());
        linklens::fuzzing::pclntab(table);
    }
    // The Go 1.2 layout walks the function table: offsets that loop.
    let mut old = vec![0xfb, 0xff, 0xff, 0xff, 0, 0, 1, 8];
    old.extend_from_slice(&100u64.to_le_bytes()); // nfunc
    for i in 0..201u64 {
        old.extend_from_slice(&(if i % 2 == 0 { i } else { 8 }).to_le_bytes()); // funcoff -> header
    }
    linklens::fuzzing::pclntab(&old);
}

#[test]
fn buildinfo_with_huge_varints() {
    let mut blob = b"\xff Go buildinf:\x08\x02".to_vec();
    blob.resize(32, 0);
    blob.extend_from_slice(&[0xff; 10]); // a varint that never ends
    let mut long = b"\xff Go buildinf:\x08\x02".to_vec();
    long.resize(32, 0);
    long.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]); // 2^63-ish
    let mut pointers = b"\xff Go buildinf:\x08\x00".to_vec();
    pointers.resize(32, 0xff); // old format: pointers to nowhere
    for (case, blob) in [("endless varint", blob), ("varint near 2^63", long), ("old format, wild pointers", pointers)] {
        let mut e = Elf::new();
        let at = e.data(&blob);
        e.section(".go.buildinfo", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 0x500000, at, blob.len() as u64, 0, 0);
        let r = check(case, &e.build());
        if let Ok(r) = r {
            assert!(r.go.as_ref().is_none_or(|g| g.version.is_none()), "{case}");
        }
        linklens::fuzzing::buildinfo(&blob);
    }
}

/// Found by `cargo xtask fuzz analyze`: a non-Go file whose only dynamic
/// trait is a PT_DYNAMIC (no interpreter, no NEEDED, no DF_1_PIE) produced
/// a `non-go` cause with no evidence.
const SHT_STRTAB: u32 = 3;
const SHT_GNU_VERNEED: u32 = 0x6fff_fffe;

/// One `Verneed` (16 bytes) and its `Vernaux` entries (16 bytes each).
fn verneed(cnt: u16, file: u32, aux: u32, next: u32) -> Vec<u8> {
    let mut v = vec![0u8; 16];
    put(&mut v, 0, 1, 2);
    put(&mut v, 2, cnt.into(), 2);
    put(&mut v, 4, file.into(), 4);
    put(&mut v, 8, aux.into(), 4);
    put(&mut v, 12, next.into(), 4);
    v
}

fn vernaux(flags: u16, name: u32, next: u32) -> Vec<u8> {
    let mut v = vec![0u8; 16];
    put(&mut v, 4, flags.into(), 2);
    put(&mut v, 6, 2, 2);
    put(&mut v, 8, name.into(), 4);
    put(&mut v, 12, next.into(), 4);
    v
}

/// A glibc-dynamic file whose `.gnu.version_r` is `table`, with a
/// `.dynstr` of "\0libc.so.6\0GLIBC_2.34\0" (names at 1 and 11).
fn with_versions(case: &str, table: &[u8], size: Option<u64>, link: Option<u32>) -> Result<linklens::Facts, linklens::Error> {
    let mut e = Elf::new();
    let interp = e.data(b"/lib64/ld-linux-x86-64.so.2\0");
    e.phdr(PT_INTERP, 4, interp, 0x400000 + interp, 28, 28);
    let strings = b"\0libc.so.6\0GLIBC_2.34\0";
    let str_at = e.data(strings);
    let dynstr = e.section(".dynstr", SHT_STRTAB, SHF_ALLOC, 0, str_at, strings.len() as u64, 0, 0);
    let at = e.data(table);
    e.section(".gnu.version_r", SHT_GNU_VERNEED, SHF_ALLOC, 0, at, size.unwrap_or(table.len() as u64), link.unwrap_or(dynstr), 0);
    check(case, &e.build())
}

#[test]
fn hostile_version_tables() {
    // The plain table is read: GLIBC_2.34 from libc.so.6.
    let plain = [verneed(1, 1, 16, 0), vernaux(0, 11, 0)].concat();
    let r = with_versions("version table, plain", &plain, None, None).unwrap();
    assert_eq!(r.portability.glibc_min.as_deref(), Some("2.34"));
    assert_eq!(r.portability.requires[0].library, "libc.so.6");

    // vna_next = 0 with vn_cnt = 65535: one entry read again and again.
    let again = [verneed(u16::MAX, 1, 16, 0), vernaux(0, 11, 0)].concat();
    let r = with_versions("version table, vna_next 0 with vn_cnt 65535", &again, None, None).unwrap();
    assert_eq!(r.portability.requires.len(), 1, "a repeated entry is one requirement");

    // vn_next pointing at itself can only mean 0 (the end) or forward:
    // vn_next = 16 onto the vernaux, read as a Verneed; then past the end.
    let onto_aux = [verneed(1, 1, 16, 16), vernaux(0, 11, 0)].concat();
    let _ = with_versions("version table, vn_next onto its own aux", &onto_aux, None, None).unwrap();

    // vna_next and vn_next past the end, and near u32::MAX.
    for (case, next) in [("vna_next past the end", 4096), ("vna_next u32::MAX", u32::MAX)] {
        let table = [verneed(3, 1, 16, 0), vernaux(0, 11, next)].concat();
        let r = with_versions(&format!("version table, {case}"), &table, None, None).unwrap();
        assert!(r.portability.requires.len() <= 1, "{case}");
    }
    let table = [verneed(1, 1, 16, u32::MAX), vernaux(0, 11, 0)].concat();
    let _ = with_versions("version table, vn_next u32::MAX", &table, None, None).unwrap();
    let table = [verneed(1, 1, u32::MAX, 0)].concat();
    let r = with_versions("version table, vn_aux u32::MAX", &table, None, None).unwrap();
    assert!(r.portability.requires.is_empty());

    // Names outside .dynstr: the entry is skipped, never read out of bounds.
    let outside = [verneed(2, u32::MAX, 16, 0), vernaux(0, 1 << 20, 16), vernaux(2, 11, 0)].concat();
    let r = with_versions("version table, names outside .dynstr", &outside, None, None).unwrap();
    assert_eq!(r.portability.requires.len(), 1);
    assert!(r.portability.requires[0].weak, "VER_FLG_WEAK is read");
    assert_eq!(r.portability.glibc_min, None, "a weak-only version does not raise the floor");
    assert_eq!(r.portability.glibc_min_weak.as_deref(), Some("2.34"));

    // A section larger than the file, and a string table link out of range.
    let _ = with_versions("version table, size near u64::MAX", &plain, Some(u64::MAX - 8), None).unwrap();
    let r = with_versions("version table, sh_link out of range", &plain, None, Some(u32::MAX)).unwrap();
    assert!(r.portability.requires.is_empty());

    // Many distinct entries: a long chain stops at the reading limit.
    let mut long = Vec::new();
    for i in 0..5000u32 {
        let last = i == 4999;
        long.extend(verneed(1, 1, 16, if last { 0 } else { 32 }));
        long.extend(vernaux(0, 11, 0));
    }
    let r = with_versions("version table, 5000 entries", &long, None, None).unwrap();
    assert_eq!(r.portability.requires.len(), 1);
}

#[test]
fn a_version_table_is_read_up_to_its_cap_and_no_further() {
    // 4097 distinct versions: the first 4096 are kept.
    let mut strings = b"\0libc.so.6\0".to_vec();
    let mut names = Vec::new();
    for i in 0..4097u32 {
        names.push(strings.len() as u32);
        strings.extend_from_slice(format!("V_{i}\0").as_bytes());
    }
    let mut table = verneed(u16::MAX, 1, 16, 0);
    for (i, name) in names.iter().enumerate() {
        table.extend(vernaux(0, *name, if i + 1 == names.len() { 0 } else { 16 }));
    }
    let mut e = Elf::new();
    let str_at = e.data(&strings);
    let dynstr = e.section(".dynstr", SHT_STRTAB, SHF_ALLOC, 0, str_at, strings.len() as u64, 0, 0);
    let at = e.data(&table);
    e.section(".gnu.version_r", SHT_GNU_VERNEED, SHF_ALLOC, 0, at, table.len() as u64, dynstr, 0);
    let r = check("version table, 4097 distinct entries", &e.build()).unwrap();
    assert_eq!(r.portability.requires.len(), 4096);
}

/// UPX's stub as the packer leaves it (no upx in Debian 12 or on PyPI, so
/// hand-built): the ELF and program headers, then the `l_info` block that
/// starts with `UPX!`, then compressed bytes; a dynamic program keeps its
/// interpreter.
fn upx_stub(dynamic: bool) -> Vec<u8> {
    let mut e = Elf::new();
    let info = e.data(b"UPX!\x0d\x16\x0e\x0d\0\0\0\0$Info: This file is packed with the UPX executable packer http://upx.sf.net $\n");
    let packed = e.data(&[0x5a; 512]);
    e.phdr(PT_LOAD, 5, 0, 0x400000, packed + 512, packed + 512);
    if dynamic {
        let interp = e.data(b"/lib64/ld-linux-x86-64.so.2\0");
        e.phdr(PT_INTERP, 4, interp, 0x400000 + interp, 28, 28);
    }
    let mut bytes = e.build();
    // UPX writes l_info right after the program headers: move it there.
    let phend = 64 + 56 * if dynamic { 2 } else { 1 };
    let marker = bytes.windows(4).position(|w| w == b"UPX!").unwrap();
    let copy: Vec<u8> = bytes[marker..marker + 12].to_vec();
    bytes[phend..phend + 12].copy_from_slice(&copy);
    let _ = info;
    bytes
}

#[test]
fn a_upx_packed_file_is_named_and_not_judged() {
    for (case, dynamic) in [("UPX-packed static stub", false), ("UPX-packed dynamic stub", true)] {
        let r = check(case, &upx_stub(dynamic)).unwrap();
        let w = r.warnings.iter().find(|w| w.id == linklens::WarningId::UpxPacked).expect("the UPX warning");
        assert!(w.value("offset").is_some(), "{:?}", w.values);
        assert!(r.causes.is_empty() && r.toolchain.language.is_none(), "{case}: nothing is concluded about the program inside");
        assert!(r.go.is_none());
    }
    // The string further into a file is not a packer's marker.
    let mut e = Elf::new();
    let _ = e.data(&[0u8; 8192]);
    let _ = e.data(b"UPX! in a string table");
    let r = check("UPX! beyond the first page", &e.build()).unwrap();
    assert!(r.warnings.iter().all(|w| w.id != linklens::WarningId::UpxPacked));
}

#[test]
fn dynamic_section_alone_still_has_evidence() {
    let mut e = Elf::new();
    let dynamic = [0u8; 16]; // DT_NULL
    let at = e.data(&dynamic);
    e.phdr(PT_DYNAMIC, 6, at, 0x600000, 16, 16);
    let r = check("PT_DYNAMIC alone", &e.build()).unwrap();
    assert_eq!(r.linkage, linklens::Linkage::Dynamic);
    assert!(r.causes.iter().all(|c| !c.evidence.is_empty()), "{:?}", r.causes);
}

/// The structure-aware generator the `elf_structured` fuzz target uses,
/// driven here by a fixed pseudo-random stream: a quick run of the same
/// search on every `cargo xtask test`, and proof that the generator makes
/// files the parser accepts (else the fuzzer would only test rejection).
#[test]
fn structured_files_from_the_generator() {
    use arbitrary::{Arbitrary, Unstructured};
    use linklens::fuzzing::elf::Spec;
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut noise = vec![0u8; 4096];
    let (mut reports, mut dynamic, mut go, mut warned) = (0, 0, 0, 0);
    let runs = 3000;
    for i in 0..runs {
        linklens::fuzzing::noise(&mut state, &mut noise);
        let Ok(spec) = Spec::arbitrary(&mut Unstructured::new(&noise)) else { continue };
        let file = spec.build();
        if let Ok(r) = check(&format!("generated file {i}"), &file) {
            reports += 1;
            dynamic += usize::from(r.linkage == linklens::Linkage::Dynamic);
            go += usize::from(r.go.is_some());
            warned += usize::from(!r.warnings.is_empty());
            for c in &r.causes {
                assert!(!c.evidence.is_empty(), "generated file {i}: a cause without evidence");
            }
        }
    }
    eprintln!("{runs} generated files: {reports} reports ({dynamic} dynamic, {go} Go, {warned} with warnings)");
    assert!(reports > runs / 4, "the generator should mostly make files the parser accepts: {reports} of {runs}");
    assert!(dynamic > 0 && warned > 0 && go > 0, "{dynamic} dynamic, {go} Go, {warned} with warnings");
}
