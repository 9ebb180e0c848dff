//! `PT_INTERP` and the dynamic table: interpreter, `DT_NEEDED`, rpath,
//! runpath and `DF_1_PIE`. Read from the program headers, as the loader
//! does, so files without section headers are read the same way.

use object::elf;
use object::read::elf::{Dyn, ProgramHeader, SectionHeader, SectionTable};
use object::read::ReadRef;
use object::Endianness;

use crate::image::Image;
use crate::offset::{Addr, FileOffset, Len};
use crate::facts::Dynamic;
use crate::warning::UnreadableString;

/// More dynamic entries than any real file has; stops hostile tables early.
const MAX_DYNAMIC_ENTRIES: usize = 1 << 16;

pub(super) fn read<'data, Elf, R>(
    endian: Endianness,
    data: R,
    phdrs: &'data [Elf::ProgramHeader],
    sections: &SectionTable<'data, Elf, R>,
    image: &Image<'data, R>,
) -> (Dynamic, Vec<UnreadableString>)
where
    Elf: object::read::elf::FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let mut out = Dynamic {
        interpreter: phdrs
            .iter()
            .find_map(|p| p.interpreter(endian, data).ok().flatten())
            .map(|b| String::from_utf8_lossy(b).into_owned()),
        ..Dynamic::default()
    };

    let entries: &[Elf::Dyn] = phdrs
        .iter()
        .find_map(|p| p.dynamic(endian, data).ok().flatten())
        .or_else(|| {
            // Fall back to the section (a file with a broken PT_DYNAMIC).
            sections.iter().find_map(|s| s.dynamic(endian, data).ok().flatten().map(|(d, _)| d))
        })
        .unwrap_or(&[]);
    out.has_dynamic_section = !entries.is_empty();

    let mut strtab = None;
    let mut strsz = None;
    let mut string_entries = Vec::new();
    for d in entries.iter().take(MAX_DYNAMIC_ENTRIES) {
        let tag = d.tag(endian);
        let val = d.val(endian);
        match tag {
            elf::DT_NULL => break,
            elf::DT_STRTAB => strtab = Some(val),
            elf::DT_STRSZ => strsz = Some(val),
            elf::DT_FLAGS_1 => out.pie_flag |= val & elf::DF_1_PIE.0 != 0,
            elf::DT_NEEDED | elf::DT_RPATH | elf::DT_RUNPATH => string_entries.push((tag, val)),
            _ => {}
        }
    }
    // Where the string table is and how much of it the file holds; each
    // name is read on its own, up to its NUL, so a library's multi-MB table
    // of exported names stays unread.
    let strings = strtab.and_then(|addr| {
        let (off, avail) = image.addr_to_offset(Addr::new(addr))?;
        Some((off, strsz.map_or(avail, Len::new).min(avail)))
    });
    let mut unreadable = Vec::new();
    for (tag, val) in string_entries {
        // A name that cannot be read is reported by its offset, never made up.
        let Some(s) = strings.and_then(|(off, len)| cstr_at(image, off, len, val)) else {
            let tag = match tag {
                elf::DT_NEEDED => "DT_NEEDED",
                elf::DT_RPATH => "DT_RPATH",
                _ => "DT_RUNPATH",
            };
            unreadable.push(UnreadableString { tag, offset: val });
            continue;
        };
        match tag {
            elf::DT_NEEDED => out.needed.push(s),
            elf::DT_RPATH => out.rpath.extend(s.split(':').map(str::to_string)),
            _ => out.runpath.extend(s.split(':').map(str::to_string)),
        }
    }
    (out, unreadable)
}

/// The NUL-terminated string at `offset` in the table of `len` bytes at
/// `table`, if it starts and ends inside the table.
fn cstr_at<'data, R: ReadRef<'data>>(image: &Image<'data, R>, table: FileOffset, len: Len, offset: u64) -> Option<String> {
    let start = table.checked_add(Len::new(offset))?;
    let end = table.checked_add(len)?;
    if start >= end {
        return None;
    }
    let bytes = image.data.read_bytes_at_until(start.get()..end.get(), 0).ok()?;
    // read_bytes_at_until also answers at the end of the range, unterminated.
    let terminated = start.checked_add(Len::new(bytes.len() as u64))? < end;
    terminated.then(|| String::from_utf8_lossy(bytes).into_owned())
}
