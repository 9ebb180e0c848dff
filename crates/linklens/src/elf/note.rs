//! Toolchain traces: ELF notes (glibc's ABI tag, build IDs) and the
//! `.comment` strings compilers and linkers leave behind.

use object::elf;
use object::read::elf::{NoteIterator, ProgramHeader, SectionHeader, SectionTable};
use object::read::ReadRef;
use object::{Endian, Endianness};

#[derive(Debug, Default, Clone)]
pub(crate) struct Notes {
    /// `NT_GNU_ABI_TAG`, as `file` prints it: `GNU/Linux 3.2.0`.
    pub abi_tag: Option<String>,
    pub gnu_build_id: Option<String>,
    pub go_build_id: Option<String>,
    /// The name of an OS identification note (`.note.openbsd.ident`,
    /// `.note.netbsd.ident`, FreeBSD's ABI tag, the NDK's `Android`).
    pub os: Option<&'static str>,
}

/// Go's note type for the build ID (cmd/link: ELF_NOTE_GOBUILDID_TAG).
const NT_GO_BUILD_ID: u32 = 4;

pub(super) fn read<'data, Elf, R>(
    endian: Endianness,
    data: R,
    phdrs: &'data [Elf::ProgramHeader],
    sections: &SectionTable<'data, Elf, R>,
) -> Notes
where
    Elf: object::read::elf::FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let mut out = Notes::default();
    // Sections first: Go's build-ID note is not always in a PT_NOTE segment.
    let mut iters: Vec<NoteIterator<'data, Elf>> =
        sections.iter().filter_map(|s| s.notes(endian, data).ok().flatten()).collect();
    if iters.is_empty() {
        iters = phdrs.iter().filter_map(|p| p.notes(endian, data).ok().flatten()).collect();
    }
    for mut notes in iters {
        // A hostile note table ends in an error, which ends the loop.
        for _ in 0..1024 {
            let Ok(Some(note)) = notes.next() else { break };
            let kind = note.n_type(endian).0;
            let desc = note.desc();
            match note.name() {
                b"GNU" if kind == elf::NT_GNU_ABI_TAG.0 && desc.len() >= 16 => {
                    let word = |i: usize| {
                        let b: [u8; 4] = desc[i * 4..i * 4 + 4].try_into().unwrap_or_default();
                        if endian.is_big_endian() { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) }
                    };
                    let os = match word(0) {
                        0 => "Linux",
                        1 => "Hurd",
                        2 => "Solaris",
                        3 => "kFreeBSD",
                        _ => "unknown OS",
                    };
                    out.abi_tag = Some(format!("GNU/{os} {}.{}.{}", word(1), word(2), word(3)));
                }
                b"GNU" if kind == elf::NT_GNU_BUILD_ID.0 => {
                    out.gnu_build_id = Some(desc.iter().map(|b| format!("{b:02x}")).collect());
                }
                b"FreeBSD" if kind == 1 => out.os = Some("FreeBSD"),
                b"OpenBSD" if kind == 1 => out.os = Some("OpenBSD"),
                b"NetBSD" if kind == 1 => out.os = Some("NetBSD"),
                b"Android" if kind == 1 => out.os = Some("Android"),
                b"Go" if kind == NT_GO_BUILD_ID => {
                    out.go_build_id = Some(String::from_utf8_lossy(desc).into_owned());
                }
                _ => {}
            }
        }
    }
    out
}

pub(super) fn comments<'data, Elf, R>(
    endian: Endianness,
    data: R,
    sections: &SectionTable<'data, Elf, R>,
) -> Vec<String>
where
    Elf: object::read::elf::FileHeader<Endian = Endianness>,
    R: ReadRef<'data>,
{
    let Some((_, section)) = sections.section_by_name(endian, b".comment") else {
        return Vec::new();
    };
    let Ok(bytes) = section.data(endian, data) else { return Vec::new() };
    let mut out: Vec<String> = Vec::new();
    for s in bytes.split(|&b| b == 0).take(256) {
        let s = String::from_utf8_lossy(s).trim().to_string();
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
