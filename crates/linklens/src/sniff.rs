//! Naming what a file is when it is not an object file, so the error can
//! say "a PNG image" rather than "bad magic".

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

crate::vocab::vocabulary! {
    /// What a file that is not an object file is, by its first bytes.
    pub enum Sniffed {
        /// A PNG image.
        Png = "png",
        /// A JPEG image.
        Jpeg = "jpeg",
        /// A GIF image.
        Gif = "gif",
        /// A RIFF container (WebP, WAV…).
        Riff = "riff",
        /// A PDF document.
        Pdf = "pdf",
        /// A ZIP archive (jar, docx…).
        Zip = "zip",
        /// gzip-compressed.
        Gzip = "gzip",
        /// xz-compressed.
        Xz = "xz",
        /// zstd-compressed.
        Zstd = "zstd",
        /// bzip2-compressed.
        Bzip2 = "bzip2",
        /// A WebAssembly module.
        Wasm = "wasm",
        /// An `ar` archive (`.a`, `.deb`).
        Ar = "ar",
        /// A script (`#!`).
        Script = "script",
        /// A Java class file.
        JavaClass = "java-class",
        /// A tar archive.
        Tar = "tar",
        /// Text.
        Text = "text",
        /// None of the above.
        Unknown = "unknown",
        /// The bytes could not be read at all.
        Unreadable = "unreadable",
    }
}

/// What a non-object file is, from its first bytes.
pub fn sniff(head: &[u8]) -> Sniffed {
    const KNOWN: &[(&[u8], Sniffed)] = &[
        (b"\x89PNG\r\n\x1a\n", Sniffed::Png),
        (b"\xff\xd8\xff", Sniffed::Jpeg),
        (b"GIF8", Sniffed::Gif),
        (b"RIFF", Sniffed::Riff),
        (b"%PDF", Sniffed::Pdf),
        (b"PK\x03\x04", Sniffed::Zip),
        (b"\x1f\x8b", Sniffed::Gzip),
        (b"\xfd7zXZ\x00", Sniffed::Xz),
        (b"(\xb5/\xfd", Sniffed::Zstd),
        (b"BZh", Sniffed::Bzip2),
        (b"\x00asm", Sniffed::Wasm),
        (b"!<arch>\n", Sniffed::Ar),
        (b"#!", Sniffed::Script),
        (b"\xca\xfe\xba\xbe", Sniffed::JavaClass),
    ];
    if let Some((_, what)) = KNOWN.iter().find(|(magic, _)| head.starts_with(magic)) {
        return *what;
    }
    if head.get(257..262) == Some(b"ustar") {
        return Sniffed::Tar;
    }
    if looks_like_text(head) {
        return Sniffed::Text;
    }
    Sniffed::Unknown
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
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Sniffed::Png);
        assert_eq!(sniff(b"hello, world\n"), Sniffed::Text);
        assert_eq!(sniff("héllo".as_bytes()), Sniffed::Text);
        assert_eq!(sniff(&[0u8, 1, 2, 3, 200]), Sniffed::Unknown);
        let mut tar = vec![0u8; 300];
        tar[257..262].copy_from_slice(b"ustar");
        assert_eq!(sniff(&tar), Sniffed::Tar);
        assert_eq!(object_magic(b"\x7fELF\x02"), Some(Magic::Elf));
        assert_eq!(object_magic(b"\xca\xfe\xba\xbe\x00\x00\x00\x34"), None);
    }
}
