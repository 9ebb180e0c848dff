//! A format-neutral view of an object file: its bytes behind a `ReadRef`,
//! and its sections and loadable segments as plain regions. The Go detectors
//! work on this view, so they read ELF, Mach-O and PE alike.

use object::read::{Object, ObjectSection, ObjectSegment, ReadRef};

use crate::offset::{Addr, FileOffset, Len};

/// A section or a loadable segment: where it is in the file and in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Region {
    pub name: String,
    pub offset: FileOffset,
    /// Bytes the headers say are in the file (0 for `.bss`-like regions).
    pub file_size: Len,
    pub addr: Addr,
    /// A segment's permissions. Sections are found by name and their
    /// flags are never consulted, so theirs are left false.
    pub writable: bool,
    pub executable: bool,
}

impl Region {
    /// Where the region ends in the file; `None` past the end of the offset space.
    pub fn end(&self) -> Option<FileOffset> {
        self.offset.checked_add(self.file_size)
    }
}

pub(crate) struct Image<'data, R: ReadRef<'data>> {
    pub data: R,
    /// The file's length.
    pub len: Len,
    pub big_endian: bool,
    pub ptr_size: u8,
    pub sections: Vec<Region>,
    pub segments: Vec<Region>,
    _marker: core::marker::PhantomData<&'data ()>,
}

impl<'data, R: ReadRef<'data>> Image<'data, R> {
    pub fn new<'file, O>(data: R, len: u64, file: &'file O) -> Self
    where
        O: Object<'data>,
    {
        let sections = file
            .sections()
            .filter_map(|s| {
                let (offset, file_size) = s.file_range()?;
                let name = s.name().unwrap_or("").to_string();
                let (offset, file_size, addr) = (FileOffset::new(offset), Len::new(file_size), Addr::new(s.address()));
                Some(Region { name, offset, file_size, addr, writable: false, executable: false })
            })
            .collect();
        let segments = file
            .segments()
            .map(|s| {
                let (offset, file_size) = s.file_range();
                let p = s.permissions();
                Region {
                    name: s.name().ok().flatten().unwrap_or("").to_string(),
                    offset: FileOffset::new(offset),
                    file_size: Len::new(file_size),
                    addr: Addr::new(s.address()),
                    writable: p.writable(),
                    executable: p.executable(),
                }
            })
            .collect();
        Image {
            data,
            len: Len::new(len),
            big_endian: !file.is_little_endian(),
            ptr_size: if file.is_64() { 8 } else { 4 },
            sections,
            segments,
            _marker: core::marker::PhantomData,
        }
    }

    /// The regions of an ELF file from its headers alone: sections with
    /// bytes in the file (not `SHT_NOBITS`), and the `PT_LOAD` segments.
    pub fn from_elf<Elf>(len: u64, file: &crate::elf::Headers<'data, Elf, R>) -> Self
    where
        Elf: object::read::elf::FileHeader<Endian = object::Endianness>,
    {
        use object::read::elf::{ProgramHeader, SectionHeader};
        let e = file.endian;
        let sections = file
            .sections
            .iter()
            .filter(|s| s.sh_type(e) != object::elf::SHT_NOBITS)
            .map(|s| Region {
                name: String::from_utf8_lossy(file.sections.section_name(e, s).unwrap_or(&[])).into_owned(),
                offset: FileOffset::new(s.sh_offset(e).into()),
                file_size: Len::new(s.sh_size(e).into()),
                addr: Addr::new(s.sh_addr(e).into()),
                writable: false,
                executable: false,
            })
            .collect();
        let segments = file
            .phdrs
            .iter()
            .filter(|p| p.p_type(e) == object::elf::PT_LOAD)
            .map(|p| {
                let flags = p.p_flags(e);
                Region {
                    name: String::new(),
                    offset: FileOffset::new(p.p_offset(e).into()),
                    file_size: Len::new(p.p_filesz(e).into()),
                    addr: Addr::new(p.p_vaddr(e).into()),
                    writable: flags.0 & object::elf::PF_W.0 != 0,
                    executable: flags.0 & object::elf::PF_X.0 != 0,
                }
            })
            .collect();
        Image {
            data: file.data,
            len: Len::new(len),
            big_endian: object::Endian::is_big_endian(file.endian),
            ptr_size: if file.is_64() { 8 } else { 4 },
            sections,
            segments,
            _marker: core::marker::PhantomData,
        }
    }

    /// Raw bytes seen as one region (writable or not), with no format
    /// around them: how the fuzz targets reach the Go parsers directly.
    pub fn raw(data: R, writable: bool, big_endian: bool, ptr_size: u8) -> Self {
        let len = Len::new(data.len().unwrap_or(0));
        let region = Region { name: String::new(), offset: FileOffset::new(0), file_size: len, addr: Addr::new(0), writable, executable: false };
        Image { data, len, big_endian, ptr_size, sections: Vec::new(), segments: vec![region], _marker: core::marker::PhantomData }
    }

    /// `len` bytes at `offset`, or `None` past the end of the file.
    pub fn bytes(&self, offset: FileOffset, len: Len) -> Option<&'data [u8]> {
        if offset.checked_add(len)?.get() > self.len.get() {
            return None;
        }
        self.data.read_bytes_at(offset.get(), len.get()).ok()
    }

    /// How many of a region's bytes are in the file (0 when it starts past
    /// the end, or claims more than the offset space holds).
    pub fn avail(&self, r: &Region) -> Len {
        let end = r.end().map_or(self.len.get(), |e| e.get().min(self.len.get()));
        r.offset.len_to(FileOffset::new(end)).unwrap_or(Len::ZERO)
    }

    /// The file bytes of a region, clipped to the file.
    pub fn region_bytes(&self, r: &Region) -> Option<&'data [u8]> {
        self.bytes(r.offset, self.avail(r))
    }

    pub fn section(&self, name: &str) -> Option<&Region> {
        self.sections.iter().find(|s| s.name == name)
    }

    /// Translate a virtual address to a file offset, with the number of file
    /// bytes available from there within the same region.
    pub fn addr_to_offset(&self, addr: Addr) -> Option<(FileOffset, Len)> {
        let regions = if self.segments.is_empty() { &self.sections } else { &self.segments };
        regions.iter().find_map(|r| {
            let delta = addr.delta_from(r.addr)?;
            let left = r.file_size.checked_sub(delta).filter(|&l| l > Len::ZERO)?;
            // A region near the end of the offset space cannot hold the address.
            Some((r.offset.checked_add(delta)?, left))
        })
    }
}

/// Read an unsigned integer of `size` (1, 2, 4 or 8) bytes.
pub(crate) fn read_uint(bytes: &[u8], size: u8, big_endian: bool) -> Option<u64> {
    let b = bytes.get(..usize::from(size)).filter(|b| b.len() <= 8)?;
    // Widened to eight bytes on the side the byte order keeps empty.
    let mut wide = [0u8; 8];
    Some(if big_endian {
        wide[8 - b.len()..].copy_from_slice(b);
        u64::from_be_bytes(wide)
    } else {
        wide[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(wide)
    })
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_maps_into_its_region_and_not_past_its_end() {
        let bytes = [0u8; 32];
        let mut image = Image::raw(&bytes[..], false, false, 8);
        image.segments[0].addr = Addr::new(0x1000);
        image.segments[0].offset = FileOffset::new(4);
        image.segments[0].file_size = Len::new(16);
        let at = |a: u64| image.addr_to_offset(Addr::new(a)).map(|(o, l)| (o.get(), l.get()));
        assert_eq!(at(0x1000), Some((4, 16)));
        assert_eq!(at(0x100f), Some((19, 1)), "the last byte");
        assert_eq!(at(0x1010), None, "the end holds nothing");
        assert_eq!(at(0xfff), None, "before the region");
    }

    #[test]
    fn integers_of_each_width_in_both_byte_orders() {
        let b = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09];
        assert_eq!(read_uint(&b, 1, false), Some(0x01));
        assert_eq!(read_uint(&b, 2, false), Some(0x0201));
        assert_eq!(read_uint(&b, 2, true), Some(0x0102));
        assert_eq!(read_uint(&b, 4, false), Some(0x0403_0201));
        assert_eq!(read_uint(&b, 4, true), Some(0x0102_0304));
        assert_eq!(read_uint(&b, 8, false), Some(0x0807_0605_0403_0201));
        assert_eq!(read_uint(&b, 8, true), Some(0x0102_0304_0506_0708));
        assert_eq!(read_uint(&b[..3], 4, false), None, "cut short");
        assert_eq!(read_uint(&b, 9, false), None, "wider than a word");
    }
}
