//! Readers the walker stacks: a window onto part of a seekable source (a
//! member read in place, never copied), and counters that enforce the
//! limits on what a compressed stream may expand to.

use std::cell::Cell;
use std::io::{self, Read, Seek, SeekFrom};
use std::rc::Rc;

/// A file, a memory map or a browser `Blob`: anything read in place.
pub trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

/// The bytes `[start, start + len)` of `inner`, as a source of their own.
pub struct Window<'a> {
    inner: &'a mut dyn ReadSeek,
    start: u64,
    len: u64,
    pos: u64,
}

impl<'a> Window<'a> {
    pub fn new(inner: &'a mut dyn ReadSeek, start: u64, len: u64) -> Window<'a> {
        Window { inner, start, len, pos: 0 }
    }
}

impl Read for Window<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.len.saturating_sub(self.pos);
        let n = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
        if n == 0 {
            return Ok(0);
        }
        let at = self.start.checked_add(self.pos).ok_or_else(|| io::Error::other("offset overflow"))?;
        self.inner.seek(SeekFrom::Start(at))?;
        let got = self.inner.read(&mut buf[..n])?;
        self.pos += got as u64;
        Ok(got)
    }
}

impl Seek for Window<'_> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let target = match pos {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = target.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        Ok(self.pos)
    }
}

/// Counts the bytes read through it into a shared cell.
pub struct Counted<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R> Counted<R> {
    pub fn new(inner: R, count: Rc<Cell<u64>>) -> Counted<R> {
        Counted { inner, count }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get().saturating_add(n as u64));
        Ok(n)
    }
}

/// Why a bounded stream stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overrun {
    /// All streams together expanded past the archive's limit.
    Total,
    /// This stream expanded past the ratio limit.
    Ratio,
}

/// The output side of a decompressor: counts what it yields against the
/// archive's total and the compression ratio, and stops (with an error
/// that names which) when either is passed.
pub struct Bounded<R> {
    inner: R,
    /// Compressed bytes consumed so far (the input side's counter).
    consumed: Rc<Cell<u64>>,
    /// Decompressed bytes of this stream.
    produced: u64,
    /// Decompressed bytes of every stream of the archive.
    total: Rc<Cell<u64>>,
    max_total: u64,
    max_ratio: u64,
    ratio_floor: u64,
    pub overrun: Rc<Cell<Option<Overrun>>>,
}

impl<R> Bounded<R> {
    pub fn new(inner: R, consumed: Rc<Cell<u64>>, total: Rc<Cell<u64>>, limits: &crate::Limits, overrun: Rc<Cell<Option<Overrun>>>) -> Bounded<R> {
        Bounded {
            inner,
            consumed,
            produced: 0,
            total,
            max_total: limits.max_total,
            max_ratio: limits.max_ratio,
            ratio_floor: limits.ratio_floor,
            overrun,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.produced = self.produced.saturating_add(n as u64);
        self.total.set(self.total.get().saturating_add(n as u64));
        let overrun = if self.total.get() > self.max_total {
            Some(Overrun::Total)
        } else if self.produced > self.ratio_floor && self.produced / self.max_ratio > self.consumed.get() {
            Some(Overrun::Ratio)
        } else {
            None
        };
        if let Some(o) = overrun {
            self.overrun.set(Some(o));
            return Err(io::Error::other("limit"));
        }
        Ok(n)
    }
}

/// Bytes already taken from a stream (to sniff it), then the rest.
pub fn rejoin<'a>(head: &'a [u8], rest: impl Read + 'a) -> impl Read + 'a {
    head.chain(rest)
}

/// Fill `buf` as far as the stream goes; the count read.
pub fn read_head(r: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
