//! Readers the walker stacks: a window onto part of a seekable source (a
//! member read in place, never copied), and counters that enforce the
//! limits on what a compressed stream may expand to.

use std::cell::Cell;
use std::io::{self, Read, Seek, SeekFrom};
use std::rc::Rc;

use linklens::archive::Reader;

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
    /// The window `[start, start + len)` of `inner`, cut to the bytes
    /// `inner` really has: a header's claimed size is not the window's (the
    /// analysis trusts a window's length as the file's).
    pub fn new(inner: &'a mut dyn ReadSeek, start: u64, len: u64) -> Window<'a> {
        let len = match inner.seek(SeekFrom::End(0)) {
            Ok(total) => len.min(total.saturating_sub(start)),
            Err(_) => len,
        };
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
        let at = self.start.checked_add(self.pos).ok_or_else(|| Said::own(io::ErrorKind::InvalidInput, Reader::File))?;
        self.inner.seek(SeekFrom::Start(at)).map_err(|e| Said::mark(e, Reader::File))?;
        let got = self.inner.read(&mut buf[..n]).map_err(|e| Said::mark(e, Reader::File))?;
        self.pos += got as u64;
        Ok(got)
    }
}

impl Seek for Window<'_> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.pos = seek_target(pos, self.len, self.pos)?;
        Ok(self.pos)
    }
}

/// Where `pos` moves a reader of `len` bytes now at `at`: a position
/// before the start or past 2^64 refused, as linklens's own refusal.
pub fn seek_target(pos: SeekFrom, len: u64, at: u64) -> io::Result<u64> {
    match pos {
        SeekFrom::Start(p) => Some(p),
        SeekFrom::End(d) => len.checked_add_signed(d),
        SeekFrom::Current(d) => at.checked_add_signed(d),
    }
    .ok_or_else(|| Said::own(io::ErrorKind::InvalidInput, Reader::File))
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
    limits: crate::Limits,
    pub overrun: Rc<Cell<Option<Overrun>>>,
}

impl<R> Bounded<R> {
    pub fn new(inner: R, consumed: Rc<Cell<u64>>, total: Rc<Cell<u64>>, limits: &crate::Limits, overrun: Rc<Cell<Option<Overrun>>>) -> Bounded<R> {
        Bounded {
            inner,
            consumed,
            produced: 0,
            total,
            limits: limits.clone(),
            overrun,
        }
    }
}

/// The error a [`Bounded`] stream stops with: a limit passed (which one
/// is in its `overrun`), told apart from damage by its type.
#[derive(Debug)]
pub struct LimitPassed;

impl std::fmt::Display for LimitPassed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("limit passed")
    }
}

impl std::error::Error for LimitPassed {}

impl LimitPassed {
    /// Is `e` this error?
    pub fn is(e: &io::Error) -> bool {
        e.get_ref().is_some_and(|inner| inner.is::<LimitPassed>())
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.produced = self.produced.saturating_add(n as u64);
        self.total.set(self.total.get().saturating_add(n as u64));
        let overrun = if self.total.get() > self.limits.max_total {
            Some(Overrun::Total)
        } else if !self.limits.decoded_within(self.consumed.get(), self.produced, self.total.get()) {
            Some(Overrun::Ratio)
        } else {
            None
        };
        if let Some(o) = overrun {
            self.overrun.set(Some(o));
            return Err(io::Error::other(LimitPassed));
        }
        Ok(n)
    }
}

/// Who raised an I/O error, and in what words: kept inside the error as
/// it passes through the readers around the one that raised it (a gzip
/// decoder's error reaches the walk through the tar reader reading it),
/// so the report can say whose words they are.
#[derive(Debug)]
pub struct Said {
    pub by: Reader,
    /// `None` when the refusal is linklens's own (a zstd frame cut short).
    pub words: Option<String>,
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.words.as_deref().unwrap_or(self.by.as_str()))
    }
}

impl std::error::Error for Said {}

impl Said {
    /// `e` marked as `by`'s, unless a reader inside marked it first or it
    /// is a limit passed.
    pub fn mark(e: io::Error, by: Reader) -> io::Error {
        if LimitPassed::is(&e) || Said::find(&e).is_some() {
            return e;
        }
        let words = e.to_string();
        io::Error::new(e.kind(), Said { by, words: Some(words) })
    }
    /// A refusal of linklens's own, made while reading as `by`.
    pub fn own(kind: io::ErrorKind, by: Reader) -> io::Error {
        io::Error::new(kind, Said { by, words: None })
    }
    /// Who refused, and in what words: the mark down `e`'s chain, else
    /// `by` (the reader that returned `e`) with `e`'s own words.
    pub fn who(e: &(dyn std::error::Error + 'static), by: Reader) -> (Reader, Option<String>) {
        let (by, words) = match Said::find(e) {
            Some(said) => (said.by, said.words.clone()),
            None => (by, Some(e.to_string())),
        };
        (by, words.filter(|w| !w.is_empty()))
    }
    /// The mark down `e`'s chain of sources, if there is one.
    pub fn find<'e>(e: &'e (dyn std::error::Error + 'static)) -> Option<&'e Said> {
        let mut at: Option<&(dyn std::error::Error + 'static)> = Some(e);
        // A chain is a few links long; the bound only guards against a cycle.
        for _ in 0..64 {
            let err = at?;
            if let Some(said) = err.downcast_ref::<Said>() {
                return Some(said);
            }
            // `io::Error::source` skips the error it wraps: look at it first.
            at = match err.downcast_ref::<io::Error>() {
                Some(io) => io.get_ref().map(|inner| inner as &(dyn std::error::Error + 'static)),
                None => err.source(),
            };
        }
        None
    }
}

/// A reader whose errors are marked as `by`'s (those not marked inside).
pub struct Marked<R> {
    inner: R,
    by: Reader,
}

impl<R> Marked<R> {
    pub fn new(inner: R, by: Reader) -> Marked<R> {
        Marked { inner, by }
    }
}

impl<R: Read> Read for Marked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| Said::mark(e, self.by))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn a_window_reads_its_range_and_nothing_past_it() {
        let mut src = Cursor::new((0u8..100).collect::<Vec<u8>>());
        let mut w = Window::new(&mut src, 10, 5);
        // Single reads (a wrong count would make read_to_end spin).
        let mut buf = [0; 8];
        assert_eq!(w.read(&mut buf).unwrap(), 5);
        assert_eq!(&buf[..5], &[10, 11, 12, 13, 14]);
        assert_eq!(w.read(&mut buf).unwrap(), 0, "at its end a window reads nothing");
        w.seek(SeekFrom::Start(1)).unwrap();
        assert_eq!(w.read(&mut buf[..2]).unwrap(), 2);
        assert_eq!(w.read(&mut buf[..2]).unwrap(), 2);
        assert_eq!(&buf[..2], &[13, 14], "each read goes on where the last ended");
        assert_eq!(w.seek(SeekFrom::End(-2)).unwrap(), 3);
        let mut two = [0; 8];
        assert_eq!(w.read(&mut two).unwrap(), 2);
        assert_eq!(&two[..2], &[13, 14]);
        assert_eq!(w.seek(SeekFrom::Current(-4)).unwrap(), 1);
        assert_eq!(w.seek(SeekFrom::Start(4)).unwrap(), 4);
        assert!(w.seek(SeekFrom::Current(-5)).is_err(), "before the start");
        assert!(w.seek(SeekFrom::End(-6)).is_err(), "before the start, from the end");
        // A window past the end of its source, even at u64::MAX: empty,
        // whatever length a header claimed (no wrap, nothing to read).
        let mut w = Window::new(&mut src, u64::MAX, 10);
        assert_eq!(w.seek(SeekFrom::End(0)).unwrap(), 0);
        assert_eq!(w.read(&mut [0; 4]).unwrap(), 0);
        // A claimed length past the source's end is cut to what is there.
        let mut w = Window::new(&mut src, 97, 1 << 40);
        assert_eq!(w.seek(SeekFrom::End(0)).unwrap(), 3);
    }

    #[test]
    fn counted_counts_what_passes() {
        let count = Rc::new(Cell::new(0));
        let mut c = Counted::new(&b"hello world"[..], count.clone());
        let mut buf = [0; 4];
        c.read_exact(&mut buf).unwrap();
        assert_eq!(count.get(), 4);
        c.read_to_end(&mut Vec::new()).unwrap();
        assert_eq!(count.get(), 11);
    }

    fn bounded(data: Vec<u8>, consumed: u64, limits: &crate::Limits) -> (Result<usize, io::Error>, Option<Overrun>, u64) {
        let total = Rc::new(Cell::new(0));
        let overrun = Rc::new(Cell::new(None));
        let b = Bounded::new(Cursor::new(data), Rc::new(Cell::new(consumed)), total.clone(), limits, overrun.clone());
        // Taken to 1 MiB: a reader that never ends fails the test, not hangs it.
        let r = b.take(1 << 20).read_to_end(&mut Vec::new());
        (r, overrun.get(), total.get())
    }

    #[test]
    fn a_stream_stops_past_the_total_and_past_the_ratio_not_at_them() {
        let limits = crate::Limits { max_total: 100, max_ratio: 10, ratio_floor: 50, ..crate::Limits::default() };
        // Exactly the total: read whole.
        let (r, o, total) = bounded(vec![0; 100], 100, &limits);
        assert_eq!((r.unwrap(), o, total), (100, None, 100));
        // One byte more: stopped, and says why.
        let (r, o, _) = bounded(vec![0; 101], 101, &limits);
        assert!(r.is_err());
        assert_eq!(o, Some(Overrun::Total));
        // 60 bytes from 6: exactly 10:1, past the floor: allowed.
        let (r, o, _) = bounded(vec![0; 60], 6, &limits);
        assert_eq!((r.unwrap(), o), (60, None));
        // 60 bytes from 5: 12:1, past the floor: a bomb.
        let (r, o, _) = bounded(vec![0; 60], 5, &limits);
        assert!(r.is_err());
        assert_eq!(o, Some(Overrun::Ratio));
        // 50 bytes from 1: far past the ratio, but not past the floor.
        let (r, o, _) = bounded(vec![0; 50], 1, &limits);
        assert_eq!((r.unwrap(), o), (50, None));
    }

    #[test]
    fn the_head_is_filled_as_far_as_the_stream_goes() {
        // A reader that gives one byte at a time.
        struct Trickle(Vec<u8>);
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0.is_empty() || buf.is_empty() {
                    return Ok(0);
                }
                buf[0] = self.0.remove(0);
                Ok(1)
            }
        }
        let mut buf = [0; 8];
        assert_eq!(read_head(&mut Trickle(b"abc".to_vec()), &mut buf).unwrap(), 3);
        assert_eq!(&buf[..3], b"abc");
        assert_eq!(read_head(&mut Trickle(b"0123456789".to_vec()), &mut buf).unwrap(), 8);
        // Interrupted is tried again; any other error is the caller's.
        struct Flaky(Vec<io::Result<u8>>);
        impl Read for Flaky {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0.is_empty() || buf.is_empty() {
                    return Ok(0);
                }
                self.0.remove(0).map(|b| {
                    buf[0] = b;
                    1
                })
            }
        }
        let interrupted = || Err(io::Error::from(io::ErrorKind::Interrupted));
        assert_eq!(read_head(&mut Flaky(vec![Ok(b'a'), interrupted(), Ok(b'b')]), &mut buf).unwrap(), 2);
        assert_eq!(&buf[..2], b"ab");
        assert!(read_head(&mut Flaky(vec![Ok(b'a'), Err(io::Error::other("disk")), Ok(b'b')]), &mut buf).is_err());
        let mut joined = Vec::new();
        rejoin(b"ab", &b"cd"[..]).read_to_end(&mut joined).unwrap();
        assert_eq!(joined, b"abcd");
    }
}
