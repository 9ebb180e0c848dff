//! What a stream is, from its first bytes: never from its name.

use linklens::archive::ArchiveFormat;

/// How many bytes `sniff` wants (a tar header).
pub const HEAD: usize = 512;

/// What the first bytes of a file or member say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A container or compressed stream to open.
    Archive(ArchiveFormat),
    /// An ELF file: a member to analyse.
    Elf,
    /// Anything else: counted, not listed.
    Other,
}

pub fn sniff(head: &[u8]) -> Kind {
    match head {
        [0x7f, b'E', b'L', b'F', ..] => Kind::Elf,
        [0x1f, 0x8b, ..] => Kind::Archive(ArchiveFormat::Gzip),
        [0xfd, b'7', b'z', b'X', b'Z', 0, ..] => Kind::Archive(ArchiveFormat::Xz),
        [0x28, 0xb5, 0x2f, 0xfd, ..] => Kind::Archive(ArchiveFormat::Zstd),
        [b'P', b'K', 3, 4, ..] | [b'P', b'K', 5, 6, ..] => Kind::Archive(ArchiveFormat::Zip),
        // A Debian package's first member is `debian-binary`.
        [b'!', b'<', b'a', b'r', b'c', b'h', b'>', b'\n', rest @ ..] if rest.starts_with(b"debian-binary") => Kind::Archive(ArchiveFormat::Deb),
        [b'!', b'<', b'a', b'r', b'c', b'h', b'>', b'\n', ..] => Kind::Archive(ArchiveFormat::Ar),
        _ if is_tar(head) => Kind::Archive(ArchiveFormat::Tar),
        _ => Kind::Other,
    }
}

/// A POSIX (`ustar\0`) or GNU (`ustar  `) header whose checksum adds up.
fn is_tar(head: &[u8]) -> bool {
    let Some(header) = head.get(..512) else { return false };
    if &header[257..262] != b"ustar" {
        return false;
    }
    let field = &header[148..156];
    let digits: Vec<u8> = field.iter().copied().skip_while(|b| *b == b' ').take_while(|b| (b'0'..=b'7').contains(b)).collect();
    let Ok(Some(stored)) = std::str::from_utf8(&digits).map(|s| u32::from_str_radix(s, 8).ok()) else { return false };
    // The checksum counts its own field as eight spaces.
    let sum: u32 = header.iter().enumerate().map(|(i, b)| if (148..156).contains(&i) { u32::from(b' ') } else { u32::from(*b) }).sum();
    sum == stored
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_their_first_bytes() {
        assert_eq!(sniff(b"\x7fELF\x02\x01"), Kind::Elf);
        assert_eq!(sniff(b"\x1f\x8b\x08"), Kind::Archive(ArchiveFormat::Gzip));
        assert_eq!(sniff(b"\xfd7zXZ\x00\x00"), Kind::Archive(ArchiveFormat::Xz));
        assert_eq!(sniff(b"(\xb5/\xfd"), Kind::Archive(ArchiveFormat::Zstd));
        assert_eq!(sniff(b"PK\x03\x04"), Kind::Archive(ArchiveFormat::Zip));
        assert_eq!(sniff(b"!<arch>\ndebian-binary   "), Kind::Archive(ArchiveFormat::Deb));
        assert_eq!(sniff(b"!<arch>\nfoo.o/          "), Kind::Archive(ArchiveFormat::Ar));
        assert_eq!(sniff(b"hello"), Kind::Other);
        assert_eq!(sniff(b""), Kind::Other);
        let mut tar = vec![0u8; 512];
        tar[..5].copy_from_slice(b"hello");
        tar[257..263].copy_from_slice(b"ustar\0");
        assert_eq!(sniff(&tar), Kind::Other, "checksum is zero, the header is not a tar's");
        tar[148..156].copy_from_slice(b"        ");
        let sum: u32 = tar.iter().map(|b| u32::from(*b)).sum();
        tar[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
        assert_eq!(sniff(&tar), Kind::Archive(ArchiveFormat::Tar));
    }

    fn tar_header(magic: &[u8], sum_field: impl Fn(u32) -> String) -> Vec<u8> {
        let mut tar = vec![0u8; 512];
        tar[..3].copy_from_slice(b"app");
        tar[257..257 + magic.len()].copy_from_slice(magic);
        tar[148..156].copy_from_slice(b"        ");
        let sum: u32 = tar.iter().map(|b| u32::from(*b)).sum();
        let field = sum_field(sum);
        tar[148..148 + field.len()].copy_from_slice(field.as_bytes());
        tar
    }

    #[test]
    fn a_tar_header_is_known_by_its_magic_and_checksum() {
        // GNU's magic, and the checksum written the old way (leading spaces).
        assert_eq!(sniff(&tar_header(b"ustar  \0", |s| format!("{s:06o}\0 "))), Kind::Archive(ArchiveFormat::Tar));
        assert_eq!(sniff(&tar_header(b"ustar\0", |s| format!("  {s:o}\0"))), Kind::Archive(ArchiveFormat::Tar));
        // One off, or no magic, or short: not a tar.
        assert_eq!(sniff(&tar_header(b"ustar\0", |s| format!("{:06o}\0", s + 1))), Kind::Other);
        assert_eq!(sniff(&tar_header(b"ustaR\0", |s| format!("{s:06o}\0"))), Kind::Other);
        assert_eq!(sniff(&tar_header(b"ustar\0", |s| format!("{s:06o}\0"))[..511]), Kind::Other);
        // The checksum field holds no digit at all.
        assert_eq!(sniff(&tar_header(b"ustar\0", |_| "\0".to_string())), Kind::Other);
        // An empty archive ends with a `PK 5 6` record only.
        assert_eq!(sniff(b"PK\x05\x06"), Kind::Archive(ArchiveFormat::Zip));
        assert_eq!(sniff(b"PK\x01\x02"), Kind::Other);
    }
}
