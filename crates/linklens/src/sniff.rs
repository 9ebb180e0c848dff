//! Naming what a file is when it is not an object file, so the error says
//! "a PNG image" rather than "bad magic".

/// Object formats recognised by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Magic {
    Elf,
    MachO,
    MachOFat,
    Pe,
}

pub fn object_magic(head: &[u8]) -> Option<Magic> {
    match head {
        [0x7f, b'E', b'L', b'F', ..] => Some(Magic::Elf),
        [0xfe, 0xed, 0xfa, 0xce | 0xcf, ..] | [0xce | 0xcf, 0xfa, 0xed, 0xfe, ..] => Some(Magic::MachO),
        // 0xcafebabe is also Java's class magic; Java class files have a
        // major version >= 45 in bytes 6..8, fat Mach-O has a small arch count.
        [0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, n, ..] if *n < 32 => Some(Magic::MachOFat),
        [b'M', b'Z', ..] => Some(Magic::Pe),
        _ => None,
    }
}

/// A short human name for a non-object file, from its first bytes.
pub fn describe(head: &[u8]) -> String {
    const KNOWN: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"RIFF", "a RIFF container (WebP image, WAV audio…)"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or a jar, docx…)"),
        (b"\x1f\x8b", "a gzip-compressed file: decompress it first"),
        (b"\xfd7zXZ\x00", "an xz-compressed file: decompress it first"),
        (b"(\xb5/\xfd", "a zstd-compressed file: decompress it first"),
        (b"BZh", "a bzip2-compressed file: decompress it first"),
        (b"\x00asm", "a WebAssembly module"),
        (b"!<arch>\n", "an ar archive (a static library, .a or .deb)"),
        (b"#!", "a script"),
        (b"\xca\xfe\xba\xbe", "a Java class file"),
    ];
    if let Some((_, name)) = KNOWN.iter().find(|(magic, _)| head.starts_with(magic)) {
        return (*name).to_string();
    }
    if head.len() >= 262 && &head[257..262] == b"ustar" {
        return "a tar archive: extract the binary first".to_string();
    }
    if looks_like_text(head) {
        return "a text file".to_string();
    }
    "unrecognised data".to_string()
}

fn looks_like_text(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(4096)];
    let printable = |s: &str| s.chars().all(|c| !c.is_control() || c.is_whitespace());
    match core::str::from_utf8(sample) {
        Ok(s) => printable(s),
        // A multi-byte character cut at the end of the sample is still text.
        Err(e) => {
            e.error_len().is_none()
                && e.valid_up_to() + 4 > sample.len()
                && core::str::from_utf8(&sample[..e.valid_up_to()]).is_ok_and(printable)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_common_non_objects() {
        assert_eq!(describe(b"\x89PNG\r\n\x1a\n...."), "a PNG image");
        assert_eq!(describe(b"hello, world\n"), "a text file");
        assert_eq!(describe("héllo".as_bytes()), "a text file");
        assert_eq!(describe(&[0u8, 1, 2, 3, 200]), "unrecognised data");
        assert_eq!(object_magic(b"\x7fELF\x02"), Some(Magic::Elf));
        assert_eq!(object_magic(b"\xca\xfe\xba\xbe\x00\x00\x00\x34"), None);
    }
}
