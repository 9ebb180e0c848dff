//! The pclntab: Go's table of function names, which the runtime needs for
//! tracebacks and so survives `-s -w` and `strip`. Layouts from Go's
//! src/debug/gosym/pclntab.go and src/runtime/symtab.go.

use object::read::ReadRef;

use crate::image::{read_uint, Image, Region};
use crate::offset::{FileOffset, Len};
use crate::facts::Pclntab;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    Go12,
    Go116,
    Go118,
    Go120,
}

impl Layout {
    fn from_magic(m: u32) -> Option<Layout> {
        match m {
            0xffff_fffb => Some(Layout::Go12),
            0xffff_fffa => Some(Layout::Go116),
            0xffff_fff0 => Some(Layout::Go118),
            0xffff_fff1 => Some(Layout::Go120),
            _ => None,
        }
    }
    fn magic(self) -> u32 {
        match self {
            Layout::Go12 => 0xffff_fffb,
            Layout::Go116 => 0xffff_fffa,
            Layout::Go118 => 0xffff_fff0,
            Layout::Go120 => 0xffff_fff1,
        }
    }
    fn versions(self) -> &'static str {
        match self {
            Layout::Go12 => "go1.2-go1.15",
            Layout::Go116 => "go1.16-go1.17",
            Layout::Go118 => "go1.18-go1.19",
            Layout::Go120 => "go1.20+",
        }
    }
    const ALL: [Layout; 4] = [Layout::Go120, Layout::Go118, Layout::Go116, Layout::Go12];
}

/// A validated table. Only its header has been read; the name table is
/// read when asked for, so a lazy reader fetches nothing else.
pub(crate) struct Table {
    pub info: Pclntab,
    layout: Layout,
    /// File offset of the header, and how many file bytes follow it within
    /// its region.
    offset: FileOffset,
    avail: Len,
    big_endian: bool,
    ptr_size: u8,
    nfunc: u64,
    /// Go 1.16+: the function-name table `[start, end)`, relative to `offset`.
    names: Option<(u64, u64)>,
}

/// The most header bytes any layout has: 8 + 8 words of 8 bytes.
const HEADER_MAX: u64 = 8 + 8 * 8;

/// More functions than any real binary has (the largest seen have ~10^5).
pub(crate) const MAX_FUNCS: u64 = 1 << 24;

/// Find the table: by section name, else by scanning for a valid header in
/// the sections (or segments) where linkers put it when it has no section
/// of its own (PIE, plugins, static-pie, lld links).
pub(crate) fn find<'data, R: ReadRef<'data>>(image: &Image<'data, R>, search: super::Search) -> Option<Table> {
    for name in [".gopclntab", "__gopclntab", ".data.rel.ro.gopclntab"] {
        if let Some(region) = image.section(name) {
            let avail = image.avail(region);
            let head = image.bytes(region.offset, avail.min(Len::new(HEADER_MAX)));
            if let Some(t) = head.and_then(|h| validate(image, h, 0, avail.get(), region, true)) {
                return Some(t);
            }
        }
    }
    if search == super::Search::NamedOnly {
        return None;
    }
    let candidates: Vec<&Region> = if image.sections.is_empty() {
        image.segments.iter().filter(|s| !s.executable).collect()
    } else {
        [".data.rel.ro", ".rodata", ".rdata", "__rodata", "__const", ".noptrdata", ".text"]
            .iter()
            .flat_map(|n| image.sections.iter().filter(move |s| s.name == *n))
            .collect()
    };
    candidates.into_iter().find_map(|region| scan(image, region))
}

fn scan<'data, R: ReadRef<'data>>(image: &Image<'data, R>, region: &Region) -> Option<Table> {
    let bytes = image.region_bytes(region)?;
    for layout in Layout::ALL {
        let m = layout.magic();
        let magic = if image.big_endian { m.to_be_bytes() } else { m.to_le_bytes() };
        let pattern = [magic[0], magic[1], magic[2], magic[3], 0, 0];
        for at in memchr::memmem::find_iter(bytes, &pattern) {
            // The header is a Go struct of words: pointer-aligned.
            if at % 4 != 0 {
                continue;
            }
            let head = &bytes[at..bytes.len().min(at + HEADER_MAX as usize)];
            if let Some(t) = validate(image, head, at as u64, (bytes.len() - at) as u64, region, false) {
                return Some(t);
            }
        }
    }
    None
}

/// Check a candidate header (`data`: its first bytes; `len`: file bytes
/// available from it within the region).
fn validate<'data, R: ReadRef<'data>>(
    image: &Image<'data, R>,
    data: &[u8],
    at: u64,
    len: u64,
    region: &Region,
    named: bool,
) -> Option<Table> {
    if data.len() < 16 {
        return None;
    }
    let big = image.big_endian;
    let layout = Layout::from_magic(read_uint(data, 4, big)? as u32)?;
    let (pad1, pad2, quantum, ptr_size) = (data[4], data[5], data[6], data[7]);
    if pad1 != 0 || pad2 != 0 || !matches!(quantum, 1 | 2 | 4) || !matches!(ptr_size, 4 | 8) {
        return None;
    }
    if ptr_size != image.ptr_size {
        return None;
    }
    let word = |i: u64| -> Option<u64> {
        let off = usize::try_from(8 + i * u64::from(ptr_size)).ok()?;
        read_uint(data.get(off..)?, ptr_size, big)
    };
    let nfunc = word(0)?;
    if nfunc == 0 || nfunc > MAX_FUNCS {
        return None;
    }
    let names = match layout {
        Layout::Go12 => {
            // functab: nfunc+1 pairs of words right after the header.
            let end = (8 + u64::from(ptr_size)).checked_add((2 * nfunc + 1) * u64::from(ptr_size))?;
            if end > len {
                return None;
            }
            None
        }
        Layout::Go116 | Layout::Go118 | Layout::Go120 => {
            let first = if layout == Layout::Go116 { 2 } else { 3 };
            let offs: Vec<u64> = (first..first + 5).map(word).collect::<Option<_>>()?;
            let (funcname, cu, filetab, pctab, pcln) = (offs[0], offs[1], offs[2], offs[3], offs[4]);
            let header_end = 8 + (first + 5) * u64::from(ptr_size);
            let ordered = header_end <= funcname && funcname < cu && cu <= filetab && filetab <= pctab && pctab <= pcln;
            let functab_size = (nfunc + 1) * if layout == Layout::Go116 { 2 * u64::from(ptr_size) } else { 8 };
            if !ordered || pcln.checked_add(functab_size)? > len {
                return None;
            }
            Some((funcname, cu))
        }
    };
    let offset = region.offset.checked_add(Len::new(at))?;
    Some(Table {
        info: Pclntab {
            version: layout.versions().to_string(),
            magic: format!("{:#010x}", layout.magic()),
            section: Some(region.name.clone()).filter(|n| !n.is_empty()),
            scanned: !named,
            offset: offset.get(),
            nfunc,
            ptrsize: ptr_size,
            quantum,
        },
        layout,
        offset,
        avail: Len::new(len),
        big_endian: big,
        ptr_size,
        nfunc,
        names,
    })
}

impl Table {
    /// Go 1.16+: the function-name table as one slice (NUL-separated).
    pub fn name_table<'data, R: ReadRef<'data>>(&self, image: &Image<'data, R>) -> Option<&'data [u8]> {
        let (start, end) = self.names?;
        image.bytes(self.offset.checked_add(Len::new(start))?, Len::new(end.checked_sub(start)?))
    }

    /// Go 1.2–1.15: call `f` with every function name. Names are
    /// interleaved with other data, so the table is read whole and the
    /// function table walked.
    pub fn for_each_go12_name<'data, R: ReadRef<'data>>(&self, image: &Image<'data, R>, mut f: impl FnMut(&'data [u8])) {
        if self.names.is_some() {
            return; // Go 1.16+: read through `name_table`.
        }
        debug_assert_eq!(self.layout, Layout::Go12);
        let Some(data) = image.bytes(self.offset, self.avail) else { return };
        let w = u64::from(self.ptr_size);
        for i in 0..self.nfunc {
            let Some(name) = (|| {
                let entry = usize::try_from(8 + w + (2 * i + 1) * w).ok()?;
                let func_off = usize::try_from(read_uint(data.get(entry..)?, self.ptr_size, self.big_endian)?).ok()?;
                // _func: entry (word), nameoff (int32).
                let name_field = func_off.checked_add(self.ptr_size as usize)?;
                let name_off = read_uint(data.get(name_field..)?, 4, self.big_endian)? as usize;
                let rest = data.get(name_off..)?;
                let end = memchr::memchr(0, rest)?;
                Some(&rest[..end])
            })() else {
                continue;
            };
            f(name);
        }
    }
}
