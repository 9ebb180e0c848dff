//! The decoders: gzip (flate2 on miniz_oxide), xz (lzma-rust2, its
//! dictionary capped), zstd (ruzstd, every frame of a stream in turn).

use std::io::{self, Read};

use linklens::archive::{ArchiveFormat, Reader};

use crate::source::{read_head, Marked, Said};

/// Every frame of a zstd stream, one after another (`cat a.zst b.zst` is
/// a valid stream); skippable frames are skipped.
struct ZstdFrames<'r> {
    inner: Option<Peeked<'r>>,
    frame: Option<ruzstd::decoding::StreamingDecoder<Peeked<'r>, ruzstd::decoding::FrameDecoder>>,
}

/// A reader with up to four bytes put back in front (the next frame's
/// magic): one struct reused for every frame, so many frames never nest.
struct Peeked<'r> {
    head: [u8; 4],
    at: usize,
    inner: Box<dyn Read + 'r>,
}

impl Read for Peeked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at < self.head.len() {
            let n = (self.head.len() - self.at).min(buf.len());
            buf[..n].copy_from_slice(&self.head[self.at..self.at + n]);
            self.at += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

/// The decoder of a compression format (a container format has none: it
/// reads as it is). Its errors are marked as its own; those of its input
/// that no reader inside marked are the file's.
pub fn decoder<'r>(f: ArchiveFormat, input: impl Read + 'r) -> Box<dyn Read + 'r> {
    let input = Marked::new(input, Reader::File);
    match f {
        ArchiveFormat::Gzip => Box::new(Marked::new(flate2::read::MultiGzDecoder::new(input), Reader::Gzip)),
        // A header may ask for a dictionary of gigabytes: cap it.
        ArchiveFormat::Xz => Box::new(Marked::new(lzma_rust2::XzReader::new_mem_limit(input, true, crate::limits::XZ_MEMORY_KIB), Reader::Xz)),
        ArchiveFormat::Zstd => Box::new(Marked::new(ZstdFrames::new(input), Reader::Zstd)),
        _ => Box::new(input),
    }
}

impl<'r> ZstdFrames<'r> {
    fn new(inner: impl Read + 'r) -> ZstdFrames<'r> {
        ZstdFrames { inner: Some(Peeked { head: [0; 4], at: 4, inner: Box::new(inner) }), frame: None }
    }
}

impl Read for ZstdFrames<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if let Some(frame) = self.frame.as_mut() {
                let n = frame.read(buf)?;
                if n > 0 || buf.is_empty() {
                    return Ok(n);
                }
                self.inner = self.frame.take().map(|f| f.into_inner());
            }
            let Some(mut inner) = self.inner.take() else { return Ok(0) };
            let mut magic = [0u8; 4];
            let n = read_head(&mut inner, &mut magic)?;
            if n == 0 {
                return Ok(0);
            }
            if n < 4 {
                return Err(Said::own(io::ErrorKind::UnexpectedEof, Reader::Zstd));
            }
            if magic[0] & 0xf0 == 0x50 && magic[1..] == [0x2a, 0x4d, 0x18] {
                let mut size = [0u8; 4];
                inner.read_exact(&mut size).map_err(|_| Said::own(io::ErrorKind::UnexpectedEof, Reader::Zstd))?;
                let skip = u64::from(u32::from_le_bytes(size));
                if io::copy(&mut (&mut inner).take(skip), &mut io::sink())? < skip {
                    return Err(Said::own(io::ErrorKind::UnexpectedEof, Reader::Zstd));
                }
                self.inner = Some(inner);
                continue;
            }
            inner.head = magic;
            inner.at = 0;
            let decoder = ruzstd::decoding::StreamingDecoder::new(inner).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
            self.frame = Some(decoder);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_put_back_come_first_whatever_the_reads_sizes() {
        let mut p = Peeked { head: *b"abcd", at: 0, inner: Box::new(&b"efgh"[..]) };
        let mut one = [0u8; 1];
        assert_eq!(p.read(&mut one).unwrap(), 1);
        assert_eq!(&one, b"a");
        // Three of the four are left: a longer read takes them alone.
        let mut rest = [0u8; 8];
        assert_eq!(p.read(&mut rest).unwrap(), 3);
        assert_eq!(&rest[..3], b"bcd");
        let mut tail = Vec::new();
        p.read_to_end(&mut tail).unwrap();
        assert_eq!(tail, b"efgh");
    }
}
