//! A member of a `.tar.gz` the archive worker holds while its bytes
//! arrive: views on the decoded pieces as the browser gave them (no copy
//! into the wasm, whose memory never shrinks), read in place by the
//! analysis — which copies in only the parts it needs.

use std::io::{self, Read, Seek, SeekFrom};
use std::ops::Range;

use js_sys::Uint8Array;
use linklens_archive::Holder;

#[derive(Default)]
pub struct Held {
    parts: Vec<Uint8Array>,
    /// Where each part ends, from the member's start.
    ends: Vec<u64>,
    pos: u64,
}

impl Held {
    fn push(&mut self, part: Uint8Array) {
        let end = self.len().saturating_add(u64::from(part.length()));
        self.parts.push(part);
        self.ends.push(end);
    }
    fn len(&self) -> u64 {
        self.ends.last().copied().unwrap_or(0)
    }
}

/// `range` of `piece` (within it: the feed gives ranges of the piece's
/// own length, which a `Uint8Array` keeps under 2^32).
fn view(piece: &Uint8Array, range: Range<usize>) -> Uint8Array {
    let end = u32::try_from(range.end).unwrap_or(u32::MAX).min(piece.length());
    piece.subarray(u32::try_from(range.start).unwrap_or(u32::MAX).min(end), end)
}

impl Holder for Held {
    type Piece = Uint8Array;
    fn len(piece: &Uint8Array) -> usize {
        piece.length() as usize
    }
    fn copy(piece: &Uint8Array, range: Range<usize>, out: &mut Vec<u8>) {
        let part = view(piece, range);
        let at = out.len();
        out.resize(at + part.length() as usize, 0);
        part.copy_to(&mut out[at..]);
    }
    fn begin(&mut self, _len: u64, first: &[u8]) {
        self.parts.clear();
        self.ends.clear();
        self.pos = 0;
        if !first.is_empty() {
            self.push(Uint8Array::from(first));
        }
    }
    fn keep(&mut self, piece: &Uint8Array, range: Range<usize>) {
        if !range.is_empty() {
            self.push(view(piece, range));
        }
    }
}

impl Read for Held {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // The part holding `pos`: the first whose end is past it.
        let i = self.ends.partition_point(|end| *end <= self.pos);
        let (Some(part), Some(end)) = (self.parts.get(i), self.ends.get(i)) else { return Ok(0) };
        let start = end - u64::from(part.length());
        let from = u32::try_from(self.pos - start).unwrap_or(u32::MAX);
        let n = u32::try_from(buf.len()).unwrap_or(u32::MAX).min(part.length().saturating_sub(from));
        part.subarray(from, from + n).copy_to(&mut buf[..n as usize]);
        self.pos += u64::from(n);
        Ok(n as usize)
    }
}

impl Seek for Held {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.pos = linklens_archive::seek_target(pos, self.len(), self.pos)?;
        Ok(self.pos)
    }
}
