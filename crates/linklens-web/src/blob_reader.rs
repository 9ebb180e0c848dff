//! Reading a `File` lazily inside the worker: `Blob.slice` plus
//! `FileReaderSync` (synchronous, so it exists only in workers), behind
//! `std::io::Read + Seek` so that `object::ReadCache` can serve the core's
//! `ReadRef` from it. Only the ranges the analysis asks for are read, and
//! each is read once; the file is never copied into memory whole.

use std::collections::HashMap;
use std::io::{self, Read, Seek, SeekFrom};

use js_sys::Uint8Array;
use linklens::archive::Reader;
use linklens_archive::Said;
use web_sys::{Blob, FileReaderSync};

pub struct BlobReader {
    blob: Blob,
    reader: FileReaderSync,
    pos: u64,
    size: u64,
    /// Total bytes read, for progress and for the "read only what it
    /// needs" figures.
    pub bytes_read: u64,
    /// Number of reads: each is a round trip to the browser's file layer.
    pub reads: u64,
    /// Reads the browser refused (a file gone, a `Blob` its store could
    /// not keep): what was walked over them is not to be trusted.
    pub failures: u64,
    /// Small reads cluster (headers, tables, notes): they are served from
    /// 64 KiB blocks, so neighbours cost one round trip, not one each.
    blocks: HashMap<u64, Vec<u8>>,
    /// The block after the last run fetched, and how many blocks the next
    /// run fetches if it starts there: reading front to back (an archive,
    /// a decoder's input) doubles the run up to `AHEAD` blocks, so a
    /// stream costs one round trip per 4 MiB, not one per 64 KiB.
    next: u64,
    ahead: u64,
    on_progress: Option<Box<dyn FnMut(u64, u64)>>,
}

const BLOCK: u64 = 64 * 1024;
/// At most this many cached blocks (16 MiB).
const MAX_BLOCKS: usize = 256;
/// The longest run read ahead, in blocks (4 MiB).
const AHEAD: u64 = 64;
/// Reads larger than this (a symbol table, a name table) go straight
/// through: the caller keeps them, caching them twice would double memory.
const SMALL: u64 = 256 * 1024;

impl BlobReader {
    pub fn new(blob: Blob) -> Result<BlobReader, String> {
        let reader = FileReaderSync::new().map_err(|_| linklens_explain::catalogue::page::READER_UNAVAILABLE.to_string())?;
        let size = blob.size() as u64;
        Ok(BlobReader { blob, reader, pos: 0, size, bytes_read: 0, reads: 0, failures: 0, blocks: HashMap::new(), next: u64::MAX, ahead: 1, on_progress: None })
    }

    /// The file's size.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Called after every read with (bytes read so far, file size).
    pub fn on_progress(mut self, f: impl FnMut(u64, u64) + 'static) -> Self {
        self.on_progress = Some(Box::new(f));
        self
    }
}

/// The browser refused a read: its own words, said by the file's reader.
fn js_error(e: wasm_bindgen::JsValue) -> io::Error {
    let words = String::from(js_sys::Error::from(e).message());
    io::Error::other(Said { by: Reader::File, words: Some(words) })
}

impl BlobReader {
    /// One round trip: the bytes `[start, end)` of the file.
    fn fetch(&mut self, start: u64, end: u64) -> io::Result<Vec<u8>> {
        let read = self
            .blob
            .slice_with_f64_and_f64(start as f64, end as f64)
            .map_err(js_error)
            .and_then(|slice| self.reader.read_as_array_buffer(&slice).map_err(js_error));
        self.failures += u64::from(read.is_err());
        let data = read?;
        let bytes = Uint8Array::new(&data).to_vec();
        self.bytes_read += bytes.len() as u64;
        self.reads += 1;
        if let Some(f) = &mut self.on_progress {
            f(self.bytes_read, self.size);
        }
        Ok(bytes)
    }
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let end = (self.pos + buf.len() as u64).min(self.size);
        if end <= self.pos {
            return Ok(0);
        }
        let n = (end - self.pos) as usize;
        if end - self.pos > SMALL {
            let bytes = self.fetch(self.pos, end)?;
            let n = bytes.len().min(n);
            buf[..n].copy_from_slice(&bytes[..n]);
            self.pos += n as u64;
            return Ok(n);
        }
        // Fetch the missing blocks, each contiguous run in one request.
        let (first, last) = (self.pos / BLOCK, (end - 1) / BLOCK);
        let mut b = first;
        while b <= last {
            if self.blocks.contains_key(&b) {
                b += 1;
                continue;
            }
            let run = b;
            while b <= last && !self.blocks.contains_key(&b) {
                b += 1;
            }
            self.ahead = if run == self.next { (self.ahead * 2).min(AHEAD) } else { 1 };
            let blocks = self.size.div_ceil(BLOCK);
            b = b.max(run.saturating_add(self.ahead)).min(blocks);
            self.next = b;
            // Bounded: an archive is read front to back, so old blocks are
            // not asked for again; dropping them all keeps memory flat.
            if self.blocks.len() >= MAX_BLOCKS {
                self.blocks.clear();
            }
            let bytes = self.fetch(run * BLOCK, (b * BLOCK).min(self.size))?;
            for (i, chunk) in bytes.chunks(BLOCK as usize).enumerate() {
                self.blocks.insert(run + i as u64, chunk.to_vec());
            }
        }
        let mut copied = 0;
        while copied < n {
            let at = self.pos + copied as u64;
            let block = self.blocks.get(&(at / BLOCK)).ok_or_else(|| Said::own(io::ErrorKind::UnexpectedEof, Reader::File))?;
            let from = (at % BLOCK) as usize;
            let take = (block.len().saturating_sub(from)).min(n - copied);
            if take == 0 {
                break;
            }
            buf[copied..copied + take].copy_from_slice(&block[from..from + take]);
            copied += take;
        }
        self.pos += copied as u64;
        Ok(copied)
    }
}

impl Seek for BlobReader {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.pos = linklens_archive::seek_target(pos, self.size, self.pos)?;
        Ok(self.pos)
    }
}
