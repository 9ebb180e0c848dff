//! A structure-aware ELF generator for fuzzing: `arbitrary` picks the parts
//! of a file (header, program headers, sections, dynamic entries, version
//! tables, symbols, notes, a Go build-info header and a pclntab header) and
//! every offset, address, size and count, and [`Spec::build`] lays them out
//! as bytes, 32- or 64-bit, in either byte order. Numbers are chosen
//! *relative to the real parts* (exactly at one, inside it, just past it,
//! near `u64::MAX`), so the coordinated values a byte-flipper rarely finds
//! — a `PT_LOAD` near the end of the offset space and a `DT_STRTAB` that
//! lands inside it — come up constantly.

use arbitrary::Arbitrary;

/// The parts a number can be relative to.
#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The whole file.
    File,
    /// The dynamic table.
    Dynamic,
    /// The dynamic string table.
    Dynstr,
    /// The dynamic symbol table.
    Dynsym,
    /// `.gnu.version`.
    Versym,
    /// `.gnu.version_r`.
    Verneed,
    /// The notes.
    Notes,
    /// The interpreter path.
    Interp,
    /// The build-info header.
    Buildinfo,
    /// The pclntab.
    Pclntab,
}

/// A value for an offset, an address, a size or a count.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Num {
    /// Where the part starts (an offset or address) or its length (a size).
    Exact(Part),
    /// Somewhere inside the part.
    Inside(Part, u16),
    /// Just past the part's end.
    PastEnd(Part, u16),
    /// A small literal.
    Small(u16),
    /// `u64::MAX - k` (or `u32::MAX - k` in a 32-bit field).
    NearMax(u8),
    /// Any value at all.
    Raw(u64),
}

/// A program header.
#[derive(Arbitrary, Debug, Clone)]
pub struct Phdr {
    /// `PT_LOAD`, `PT_DYNAMIC`, `PT_INTERP`, `PT_NOTE`, or another.
    pub p_type: PType,
    /// `p_offset`.
    pub offset: Num,
    /// `p_vaddr`.
    pub vaddr: Num,
    /// `p_filesz`.
    pub filesz: Num,
    /// `p_memsz`.
    pub memsz: Num,
    /// `p_flags`.
    pub flags: u8,
}

/// Program header types worth generating.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum PType {
    /// `PT_LOAD`.
    Load,
    /// `PT_DYNAMIC`.
    Dynamic,
    /// `PT_INTERP`.
    Interp,
    /// `PT_NOTE`.
    Note,
    /// Anything.
    Other(u32),
}

/// A section header.
#[derive(Arbitrary, Debug, Clone)]
pub struct Shdr {
    /// Its name and type, from the ones linklens looks for.
    pub kind: SecKind,
    /// `sh_offset`.
    pub offset: Num,
    /// `sh_addr`.
    pub addr: Num,
    /// `sh_size`.
    pub size: Num,
    /// `sh_link`, as an index into the sections.
    pub link: u8,
    /// `sh_entsize`.
    pub entsize: Num,
}

/// Sections linklens reads.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum SecKind {
    /// `.dynamic`.
    Dynamic,
    /// `.dynstr`.
    Dynstr,
    /// `.dynsym`.
    Dynsym,
    /// `.gnu.version`.
    Versym,
    /// `.gnu.version_r`.
    Verneed,
    /// `.symtab`.
    Symtab,
    /// `.strtab`.
    Strtab,
    /// `.note.ABI-tag`.
    Note,
    /// `.go.buildinfo`.
    Buildinfo,
    /// `.gopclntab`.
    Pclntab,
    /// `.data.rel.ro`.
    DataRelRo,
    /// `.comment`.
    Comment,
    /// `.interp`.
    Interp,
}

/// A dynamic entry.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct Dyn {
    /// Which tag.
    pub tag: DynTag,
    /// Its value.
    pub val: Num,
}

/// Dynamic tags linklens reads.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum DynTag {
    /// `DT_NEEDED`.
    Needed,
    /// `DT_STRTAB`.
    Strtab,
    /// `DT_STRSZ`.
    Strsz,
    /// `DT_SYMTAB`.
    Symtab,
    /// `DT_VERNEED`.
    Verneed,
    /// `DT_VERNEEDNUM`.
    Verneednum,
    /// `DT_VERSYM`.
    Versym,
    /// `DT_FLAGS_1`.
    Flags1,
    /// `DT_RPATH`.
    Rpath,
    /// `DT_RUNPATH`.
    Runpath,
    /// `DT_NULL`.
    Null,
    /// Anything.
    Other(u32),
}

/// One `Elf_Verneed` with its `Elf_Vernaux` entries.
#[derive(Arbitrary, Debug, Clone)]
pub struct Verneed {
    /// `vn_cnt`.
    pub cnt: Num,
    /// `vn_file`, into `.dynstr`.
    pub file: Num,
    /// `vn_aux`, from this entry.
    pub aux: Num,
    /// `vn_next`, from this entry (0 ends the chain; a loop is allowed).
    pub next: Num,
    /// `(vna_flags, vna_other, vna_name, vna_next)`.
    pub aux_entries: Vec<(u16, u16, Num, Num)>,
}

/// A symbol.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct Sym {
    /// `st_name`, into the string table.
    pub name: Num,
    /// `st_info`.
    pub info: u8,
    /// `st_shndx`.
    pub shndx: u16,
    /// Its `.gnu.version` entry.
    pub version: u16,
}

/// The Go build-info header and what follows it.
#[derive(Arbitrary, Debug, Clone)]
pub struct Buildinfo {
    /// Declared lengths equal the real ones (a sound header, so what
    /// follows it gets parsed); else `version_at`/`modinfo_at` decide.
    pub honest: bool,
    /// Go 1.18+ inline strings, or the older pointers.
    pub inline: bool,
    /// The header's pointer size byte.
    pub ptr_size: u8,
    /// The version string's declared length (inline) or pointer.
    pub version_at: Num,
    /// The module info's declared length (inline) or pointer.
    pub modinfo_at: Num,
    /// The version string's bytes.
    pub version: Vec<u8>,
    /// The module info's bytes.
    pub modinfo: Vec<u8>,
}

/// A pclntab header with hostile counts and offsets.
#[derive(Arbitrary, Debug, Clone)]
pub struct Pclntab {
    /// A sound Go 1.20 header over real names, so the name scan runs;
    /// else `words` decide every count and offset.
    pub honest: bool,
    /// Which layout's magic (1.2, 1.16, 1.18, 1.20).
    pub layout: u8,
    /// Instruction quantum.
    pub quantum: u8,
    /// `nfunc` and the eight header words after it.
    pub words: [Num; 9],
    /// The bytes after the header: names, functab.
    pub body: Vec<u8>,
}

/// A note: its declared sizes (which may lie), type, name and description.
#[derive(Arbitrary, Debug, Clone)]
pub struct Note {
    /// `n_namesz`.
    pub namesz: Num,
    /// `n_descsz`.
    pub descsz: Num,
    /// `n_type`.
    pub kind: u32,
    /// The name bytes.
    pub name: Vec<u8>,
    /// The description bytes.
    pub desc: Vec<u8>,
}

/// A whole file.
#[derive(Arbitrary, Debug, Clone)]
pub struct Spec {
    /// Start with one sound `PT_LOAD` mapping the whole file (read-write),
    /// as real files have, before the generated program headers.
    pub map_all: bool,
    /// ELFCLASS64 (else 32).
    pub is64: bool,
    /// Big-endian (else little).
    pub big: bool,
    /// `e_type`: executable, shared object, relocatable, core, or other.
    pub e_type: u8,
    /// `e_machine`, from a list of real ones (or any).
    pub machine: u8,
    /// Program headers (at most 12).
    pub phdrs: Vec<Phdr>,
    /// Section headers (at most 16).
    pub shdrs: Vec<Shdr>,
    /// The dynamic table (at most 24 entries).
    pub dynamic: Vec<Dyn>,
    /// Strings for `.dynstr` (library names, versions).
    pub strings: Vec<String>,
    /// Dynamic symbols (at most 32).
    pub symbols: Vec<Sym>,
    /// The version-needed chain (at most 6).
    pub verneed: Vec<Verneed>,
    /// Notes.
    pub notes: Vec<Note>,
    /// The interpreter path.
    pub interp: Vec<u8>,
    /// A Go build-info header.
    pub buildinfo: Option<Buildinfo>,
    /// A pclntab.
    pub pclntab: Option<Pclntab>,
    /// Cut the file to this many bytes (a truncated download).
    pub cut: Option<u32>,
}

/// Function names for a sound pclntab: cgo wrappers of several causes.
const HONEST_NAMES: &[u8] = b"runtime.main\0net._C2func_getaddrinfo\0net.(*Resolver).lookupHost\0os/user._Cfunc_mygetpwuid_r\0main._Cfunc_puts\0github.com/mattn/go-sqlite3._Cfunc_sqlite3_open_v2\0plugin._Cfunc_pluginOpen\0";
const HONEST_NFUNC: usize = 7;
const MACHINES: [u16; 10] = [62, 3, 183, 40, 21, 22, 243, 8, 258, 2];
/// Where the file is mapped: addresses are offsets plus this.
const BASE: u64 = 0x40_0000;

/// The bytes of a file under construction, in the spec's byte order.
struct Out {
    bytes: Vec<u8>,
    big: bool,
}

impl Out {
    fn put(&mut self, at: usize, v: u64, n: usize) {
        if self.bytes.len() < at + n {
            self.bytes.resize(at + n, 0);
        }
        let b = v.to_le_bytes();
        for i in 0..n {
            let byte = if self.big { b[n - 1 - i] } else { b[i] };
            self.bytes[at + i] = byte;
        }
    }
    fn push(&mut self, v: u64, n: usize) {
        let at = self.bytes.len();
        self.put(at, v, n);
    }
    fn align(&mut self, to: usize) {
        while self.bytes.len() % to != 0 {
            self.bytes.push(0);
        }
    }
}

/// Where the first pass put each part, for the second pass to fill in.
struct Layout {
    /// The parts, each at a known place: (part, start, len).
    parts: Vec<(Part, u64, u64)>,
    phoff: usize,
    n_phdrs: usize,
    dynstr_len: usize,
    dynsym_at: usize,
    verneed_at: usize,
    notes_at: usize,
    buildinfo_at: usize,
    pclntab_at: usize,
    dynamic_at: usize,
    file_len: u64,
    is64: bool,
}

impl Layout {
    fn mark(&mut self, o: &Out, part: Part, start: usize) {
        self.parts.push((part, start as u64, (o.bytes.len() - start) as u64));
    }

    fn find(&self, p: Part) -> (u64, u64) {
        if p == Part::File {
            return (0, self.file_len);
        }
        self.parts.iter().find(|(q, _, _)| *q == p).map(|&(_, s, l)| (s, l)).unwrap_or((0, self.file_len))
    }

    /// A number as a place: an address when `addr`, else a file offset.
    fn resolve(&self, n: Num, addr: bool) -> u64 {
        let base = if addr { BASE } else { 0 };
        let max = if self.is64 { u64::MAX } else { u64::from(u32::MAX) };
        match n {
            Num::Exact(p) => base.wrapping_add(self.find(p).0),
            Num::Inside(p, k) => {
                let (s, l) = self.find(p);
                base.wrapping_add(s + u64::from(k) % l.max(1))
            }
            Num::PastEnd(p, k) => {
                let (s, l) = self.find(p);
                base.wrapping_add(s + l + u64::from(k))
            }
            Num::Small(k) => k.into(),
            Num::NearMax(k) => max - u64::from(k),
            Num::Raw(v) => v & max,
        }
    }

    /// A number as a size: a part's length when exact.
    fn size(&self, n: Num) -> u64 {
        match n {
            Num::Exact(p) => self.parts.iter().find(|(q, _, _)| *q == p).map(|&(_, _, l)| l).unwrap_or(self.file_len),
            other => self.resolve(other, false),
        }
    }
}

impl Spec {
    /// Lay the spec out as an ELF file: a first pass fixes every part's
    /// place (sizes do not depend on values), a second writes the numbers
    /// that refer to other parts, then the headers.
    pub fn build(&self) -> Vec<u8> {
        let mut o = Out { bytes: Vec::new(), big: self.big };
        let l = self.lay_out(&mut o);
        self.fill_symbols(&mut o, &l);
        self.fill_verneed(&mut o, &l);
        self.fill_notes(&mut o, &l);
        self.fill_buildinfo(&mut o, &l);
        self.fill_pclntab(&mut o, &l);
        self.fill_dynamic(&mut o, &l);
        self.program_headers(&mut o, &l);
        let (shoff, count) = self.section_headers(&mut o, &l);
        self.elf_header(&mut o, &l, shoff, count);
        let mut bytes = o.bytes;
        if let Some(cut) = self.cut {
            bytes.truncate(cut as usize);
        }
        bytes
    }

    fn word(&self) -> usize {
        if self.is64 { 8 } else { 4 }
    }

    fn symbols(&self) -> &[Sym] {
        &self.symbols[..self.symbols.len().min(32)]
    }

    fn verneed(&self) -> &[Verneed] {
        &self.verneed[..self.verneed.len().min(6)]
    }

    fn notes(&self) -> &[Note] {
        &self.notes[..self.notes.len().min(4)]
    }

    fn dynamic(&self) -> &[Dyn] {
        &self.dynamic[..self.dynamic.len().min(24)]
    }

    /// The first pass: every part at its place, numbers left zero.
    fn lay_out(&self, o: &mut Out) -> Layout {
        let (ehsize, phentsize) = if self.is64 { (64, 56) } else { (52, 32) };
        let n_phdrs = self.phdrs.len().min(12) + usize::from(self.map_all);
        o.bytes.resize(ehsize, 0);
        let phoff = o.bytes.len();
        o.bytes.resize(phoff + n_phdrs * phentsize, 0);
        let mut l = Layout {
            parts: Vec::new(),
            phoff,
            n_phdrs,
            dynstr_len: 0,
            dynsym_at: 0,
            verneed_at: 0,
            notes_at: 0,
            buildinfo_at: 0,
            pclntab_at: 0,
            dynamic_at: 0,
            file_len: 0,
            is64: self.is64,
        };

        o.align(8);
        let at = o.bytes.len();
        o.bytes.extend_from_slice(&self.interp[..self.interp.len().min(64)]);
        o.bytes.push(0);
        l.mark(o, Part::Interp, at);

        o.align(8);
        let at = o.bytes.len();
        o.bytes.push(0);
        for s in self.strings.iter().take(16) {
            o.bytes.extend_from_slice(&s.as_bytes()[..s.len().min(48)]);
            o.bytes.push(0);
        }
        l.mark(o, Part::Dynstr, at);
        l.dynstr_len = o.bytes.len() - at;

        self.lay_out_versions(o, &mut l);
        self.lay_out_go(o, &mut l);

        o.align(8);
        l.dynamic_at = o.bytes.len();
        o.bytes.resize(l.dynamic_at + self.dynamic().len() * 2 * self.word(), 0);
        l.mark(o, Part::Dynamic, l.dynamic_at);
        l.file_len = o.bytes.len() as u64;
        l
    }

    /// The symbol table, its versions, the version needs and the notes.
    fn lay_out_versions(&self, o: &mut Out, l: &mut Layout) {
        o.align(8);
        l.dynsym_at = o.bytes.len();
        let symsize = if self.is64 { 24 } else { 16 };
        o.bytes.resize(l.dynsym_at + (self.symbols().len() + 1) * symsize, 0);
        l.mark(o, Part::Dynsym, l.dynsym_at);

        let versym_at = o.bytes.len();
        for s in std::iter::once(0u16).chain(self.symbols().iter().map(|s| s.version)) {
            o.push(s.into(), 2);
        }
        l.mark(o, Part::Versym, versym_at);

        o.align(8);
        l.verneed_at = o.bytes.len();
        for v in self.verneed() {
            o.bytes.resize(o.bytes.len() + 16 + v.aux_entries.len().min(6) * 16, 0);
        }
        l.mark(o, Part::Verneed, l.verneed_at);

        o.align(8);
        l.notes_at = o.bytes.len();
        for n in self.notes() {
            o.bytes.resize(o.bytes.len() + 12, 0);
            o.bytes.extend_from_slice(&n.name[..n.name.len().min(16)]);
            o.align(4);
            o.bytes.extend_from_slice(&n.desc[..n.desc.len().min(32)]);
            o.align(4);
        }
        l.mark(o, Part::Notes, l.notes_at);
    }

    /// Go's build info and pclntab.
    fn lay_out_go(&self, o: &mut Out, l: &mut Layout) {
        o.align(16);
        let buildinfo_at = o.bytes.len();
        l.buildinfo_at = buildinfo_at;
        if let Some(b) = &self.buildinfo {
            o.bytes.extend_from_slice(b"\xff Go buildinf:");
            o.bytes.push(b.ptr_size);
            o.bytes.push(if b.inline { 2 } else { 0 } | if self.big { 1 } else { 0 });
            o.bytes.resize(buildinfo_at + 32, 0);
            // Inline: a 10-byte varint slot before each string (Go reads
            // non-minimal varints), filled in the second pass.
            let slot = if b.inline { 10 } else { 0 };
            o.bytes.resize(o.bytes.len() + slot, 0);
            o.bytes.extend_from_slice(&b.version[..b.version.len().min(32)]);
            o.bytes.resize(o.bytes.len() + slot, 0);
            o.bytes.extend_from_slice(&b.modinfo[..b.modinfo.len().min(512)]);
        }
        l.mark(o, Part::Buildinfo, buildinfo_at);

        o.align(16);
        let pclntab_at = o.bytes.len();
        l.pclntab_at = pclntab_at;
        if let Some(p) = &self.pclntab {
            let magic: u32 = match if p.honest { 3 } else { p.layout % 4 } {
                0 => 0xfffffffb,
                1 => 0xfffffffa,
                2 => 0xfffffff0,
                _ => 0xfffffff1,
            };
            o.push(magic.into(), 4);
            o.bytes.extend_from_slice(&[0, 0, [1, 2, 4][usize::from(p.quantum % 3)], self.word() as u8]);
            o.bytes.resize(pclntab_at + 8 + 9 * self.word(), 0);
            if p.honest {
                o.bytes.extend_from_slice(HONEST_NAMES);
                o.bytes.resize(o.bytes.len() + 8 * (HONEST_NFUNC + 1), 0);
            } else {
                o.bytes.extend_from_slice(&p.body[..p.body.len().min(1024)]);
            }
        }
        l.mark(o, Part::Pclntab, pclntab_at);
    }

    fn fill_symbols(&self, o: &mut Out, l: &Layout) {
        let symsize = if self.is64 { 24 } else { 16 };
        for (i, s) in self.symbols().iter().enumerate() {
            let at = l.dynsym_at + (i + 1) * symsize;
            let name = l.resolve(s.name, false) % (l.dynstr_len as u64).max(1);
            o.put(at, name, 4);
            if self.is64 {
                o.bytes[at + 4] = s.info;
                o.put(at + 6, s.shndx.into(), 2);
            } else {
                o.bytes[at + 12] = s.info;
                o.put(at + 14, s.shndx.into(), 2);
            }
        }
    }

    fn fill_verneed(&self, o: &mut Out, l: &Layout) {
        let mut at = l.verneed_at;
        for v in self.verneed() {
            let n_aux = v.aux_entries.len().min(6);
            o.put(at, 1, 2);
            o.put(at + 2, l.size(v.cnt), 2);
            o.put(at + 4, l.resolve(v.file, false), 4);
            o.put(at + 8, l.resolve(v.aux, false), 4);
            o.put(at + 12, l.resolve(v.next, false), 4);
            for (j, (flags, other, name, next)) in v.aux_entries.iter().take(n_aux).enumerate() {
                let a = at + 16 + j * 16;
                o.put(a, 0x0d69_6914, 4);
                o.put(a + 4, (*flags).into(), 2);
                o.put(a + 6, (*other).into(), 2);
                o.put(a + 8, l.resolve(*name, false), 4);
                o.put(a + 12, l.resolve(*next, false), 4);
            }
            at += 16 + n_aux * 16;
        }
    }

    fn fill_notes(&self, o: &mut Out, l: &Layout) {
        let mut at = l.notes_at;
        for n in self.notes() {
            o.put(at, l.size(n.namesz), 4);
            o.put(at + 4, l.size(n.descsz), 4);
            o.put(at + 8, n.kind.into(), 4);
            at += 12 + n.name.len().min(16).div_ceil(4) * 4 + n.desc.len().min(32).div_ceil(4) * 4;
        }
    }

    fn fill_buildinfo(&self, o: &mut Out, l: &Layout) {
        let Some(b) = &self.buildinfo else { return };
        let (version_len, modinfo_len) = (b.version.len().min(32) as u64, b.modinfo.len().min(512) as u64);
        if b.inline {
            let lengths = if b.honest { [version_len, modinfo_len] } else { [l.size(b.version_at), l.size(b.modinfo_at)] };
            let slots = [l.buildinfo_at + 32, l.buildinfo_at + 32 + 10 + version_len as usize];
            for (at, n) in slots.into_iter().zip(lengths) {
                for i in 0..10 {
                    let byte = ((n >> (7 * i)) & 0x7f) as u8;
                    o.bytes[at + i] = if i < 9 { byte | 0x80 } else { byte & 1 };
                }
            }
        } else {
            let w = if b.ptr_size == 4 { 4 } else { self.word() };
            o.put(l.buildinfo_at + 16, l.resolve(b.version_at, true), w);
            o.put(l.buildinfo_at + 16 + w, l.resolve(b.modinfo_at, true), w);
        }
    }

    fn fill_pclntab(&self, o: &mut Out, l: &Layout) {
        let Some(p) = &self.pclntab else { return };
        let word = self.word();
        if p.honest {
            // nfunc, nfiles, textStart, then funcname, cu, filetab, pctab, pcln.
            let names = (8 + 9 * word) as u64;
            let end = names + HONEST_NAMES.len() as u64;
            for (i, v) in [HONEST_NFUNC as u64, 1, BASE, names, end, end, end, end].into_iter().enumerate() {
                o.put(l.pclntab_at + 8 + i * word, v, word);
            }
        } else {
            for (i, n) in p.words.iter().enumerate() {
                o.put(l.pclntab_at + 8 + i * word, l.size(*n), word);
            }
        }
    }

    fn fill_dynamic(&self, o: &mut Out, l: &Layout) {
        let word = self.word();
        for (i, d) in self.dynamic().iter().enumerate() {
            let tag: u64 = match d.tag {
                DynTag::Needed => 1,
                DynTag::Strtab => 5,
                DynTag::Strsz => 10,
                DynTag::Symtab => 6,
                DynTag::Verneed => 0x6fff_fffe,
                DynTag::Verneednum => 0x6fff_ffff,
                DynTag::Versym => 0x6fff_fff0,
                DynTag::Flags1 => 0x6fff_fffb,
                DynTag::Rpath => 15,
                DynTag::Runpath => 29,
                DynTag::Null => 0,
                DynTag::Other(t) => t.into(),
            };
            let addr_valued = matches!(d.tag, DynTag::Strtab | DynTag::Symtab | DynTag::Verneed | DynTag::Versym);
            let val = if addr_valued { l.resolve(d.val, true) } else { l.size(d.val) };
            o.put(l.dynamic_at + i * 2 * word, tag, word);
            o.put(l.dynamic_at + i * 2 * word + word, val, word);
        }
    }

    fn program_headers(&self, o: &mut Out, l: &Layout) {
        let phentsize = if self.is64 { 56 } else { 32 };
        if self.map_all {
            put_phdr(o, l.phoff, self.is64, [1, 6, 0, BASE, l.file_len, l.file_len]);
        }
        for (i, p) in self.phdrs[..self.phdrs.len().min(12)].iter().enumerate() {
            let at = l.phoff + (i + usize::from(self.map_all)) * phentsize;
            let p_type: u64 = match p.p_type {
                PType::Load => 1,
                PType::Dynamic => 2,
                PType::Interp => 3,
                PType::Note => 4,
                PType::Other(t) => t.into(),
            };
            let (offset, vaddr, filesz, memsz) = (l.resolve(p.offset, false), l.resolve(p.vaddr, true), l.size(p.filesz), l.size(p.memsz));
            put_phdr(o, at, self.is64, [p_type, p.flags.into(), offset, vaddr, filesz, memsz]);
        }
    }

    /// Section headers, with their names, after everything else: returns
    /// their offset and count.
    fn section_headers(&self, o: &mut Out, l: &Layout) -> (usize, usize) {
        let shdrs = &self.shdrs[..self.shdrs.len().min(16)];
        let shentsize = if self.is64 { 64 } else { 40 };
        let mut shstrtab = vec![0u8];
        let names: Vec<u64> = shdrs
            .iter()
            .map(|s| {
                let at = shstrtab.len() as u64;
                shstrtab.extend_from_slice(sec_name(s.kind).as_bytes());
                shstrtab.push(0);
                at
            })
            .collect();
        let shstrtab_name = shstrtab.len() as u64;
        shstrtab.extend_from_slice(b".shstrtab\0");
        let shstrtab_at = o.bytes.len();
        o.bytes.extend_from_slice(&shstrtab);
        o.align(8);
        let shoff = o.bytes.len();
        let count = shdrs.len() + 2;
        o.bytes.resize(shoff + count * shentsize, 0);
        let shdr = |o: &mut Out, i: usize, f: [u64; 10]| {
            let sizes: [usize; 10] = if self.is64 { [4, 4, 8, 8, 8, 8, 4, 4, 8, 8] } else { [4; 10] };
            let mut pos = shoff + i * shentsize;
            for (v, n) in f.into_iter().zip(sizes) {
                o.put(pos, v, n);
                pos += n;
            }
        };
        for (i, s) in shdrs.iter().enumerate() {
            let (sh_type, flags) = sec_type(s.kind);
            let link = u64::from(s.link) % count as u64;
            shdr(o, i + 1, [names[i], sh_type, flags, l.resolve(s.addr, true), l.resolve(s.offset, false), l.size(s.size), link, 0, 8, l.size(s.entsize)]);
        }
        shdr(o, count - 1, [shstrtab_name, 3, 0, 0, shstrtab_at as u64, shstrtab.len() as u64, 0, 0, 1, 0]);
        (shoff, count)
    }

    fn elf_header(&self, o: &mut Out, l: &Layout, shoff: usize, count: usize) {
        let (ehsize, phentsize, shentsize) = if self.is64 { (64, 56, 64) } else { (52, 32, 40) };
        let e_type: u64 = match self.e_type % 6 {
            0 => 2,
            1 => 3,
            2 => 1,
            3 => 4,
            4 => 3,
            _ => u64::from(self.e_type),
        };
        let machine = MACHINES.get(usize::from(self.machine)).copied().map_or(u64::from(self.machine), u64::from);
        o.bytes[..4].copy_from_slice(b"\x7fELF");
        o.bytes[4] = if self.is64 { 2 } else { 1 };
        o.bytes[5] = if self.big { 2 } else { 1 };
        o.bytes[6] = 1;
        o.put(16, e_type, 2);
        o.put(18, machine, 2);
        o.put(20, 1, 4);
        let (phoff_at, shoff_at, rest) = if self.is64 { (32, 40, 52) } else { (28, 32, 40) };
        o.put(phoff_at, l.phoff as u64, self.word());
        o.put(shoff_at, shoff as u64, self.word());
        for (k, v) in [ehsize, phentsize, l.n_phdrs, shentsize, count, count - 1].into_iter().enumerate() {
            o.put(rest + k * 2, v as u64, 2);
        }
    }
}

/// A program header: `[p_type, p_flags, p_offset, p_vaddr, p_filesz,
/// p_memsz]`, in the class's layout (flags move in ELF64), aligned 0x1000.
fn put_phdr(o: &mut Out, at: usize, is64: bool, [p_type, flags, offset, vaddr, filesz, memsz]: [u64; 6]) {
    // Notes are 4-aligned, as the generator lays them out; the rest page-aligned.
    let align = if p_type == u64::from(object::elf::PT_NOTE.0) { 4 } else { 0x1000 };
    o.put(at, p_type, 4);
    if is64 {
        o.put(at + 4, flags, 4);
        for (k, v) in [offset, vaddr, vaddr, filesz, memsz, align].into_iter().enumerate() {
            o.put(at + 8 + k * 8, v, 8);
        }
    } else {
        for (k, v) in [offset, vaddr, vaddr, filesz, memsz].into_iter().enumerate() {
            o.put(at + 4 + k * 4, v, 4);
        }
        o.put(at + 24, flags, 4);
        o.put(at + 28, align, 4);
    }
}

fn sec_name(k: SecKind) -> &'static str {
    match k {
        SecKind::Dynamic => ".dynamic",
        SecKind::Dynstr => ".dynstr",
        SecKind::Dynsym => ".dynsym",
        SecKind::Versym => ".gnu.version",
        SecKind::Verneed => ".gnu.version_r",
        SecKind::Symtab => ".symtab",
        SecKind::Strtab => ".strtab",
        SecKind::Note => ".note.ABI-tag",
        SecKind::Buildinfo => ".go.buildinfo",
        SecKind::Pclntab => ".gopclntab",
        SecKind::DataRelRo => ".data.rel.ro",
        SecKind::Comment => ".comment",
        SecKind::Interp => ".interp",
    }
}

/// `(sh_type, sh_flags)`.
fn sec_type(k: SecKind) -> (u64, u64) {
    const ALLOC: u64 = 2;
    const WRITE: u64 = 1;
    match k {
        SecKind::Dynamic => (6, ALLOC | WRITE),
        SecKind::Dynstr | SecKind::Strtab => (3, ALLOC),
        SecKind::Dynsym => (11, ALLOC),
        SecKind::Symtab => (2, 0),
        SecKind::Versym => (0x6fff_ffff, ALLOC),
        SecKind::Verneed => (0x6fff_fffe, ALLOC),
        SecKind::Note => (7, ALLOC),
        SecKind::Buildinfo | SecKind::DataRelRo => (1, ALLOC | WRITE),
        SecKind::Pclntab | SecKind::Interp => (1, ALLOC),
        SecKind::Comment => (1, 0),
    }
}
