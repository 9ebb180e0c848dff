//! Reading a `File` lazily inside the worker: `Blob.slice` plus
//! `FileReaderSync` (synchronous, so it exists only in workers), behind
//! `std::io::Read + Seek` so that `object::ReadCache` can serve the core's
//! `ReadRef` from it. Only the ranges the analysis asks for are read, and
//! each is read once; the file is never copied into memory whole.

use std::io::{self, Read, Seek, SeekFrom};

use js_sys::Uint8Array;
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
    on_progress: Option<Box<dyn FnMut(u64, u64)>>,
}

impl BlobReader {
    pub fn new(blob: Blob) -> Result<BlobReader, String> {
        let reader = FileReaderSync::new().map_err(|_| "FileReaderSync is unavailable (not in a worker?)".to_string())?;
        let size = blob.size() as u64;
        Ok(BlobReader { blob, reader, pos: 0, size, bytes_read: 0, reads: 0, on_progress: None })
    }

    /// Called after every read with (bytes read so far, file size).
    pub fn on_progress(mut self, f: impl FnMut(u64, u64) + 'static) -> Self {
        self.on_progress = Some(Box::new(f));
        self
    }
}

fn js_error(what: &str, e: wasm_bindgen::JsValue) -> io::Error {
    let detail = js_sys::Error::from(e).message();
    io::Error::other(format!("{what}: {}", String::from(detail)))
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let end = (self.pos + buf.len() as u64).min(self.size);
        if end <= self.pos {
            return Ok(0);
        }
        let slice = self.blob.slice_with_f64_and_f64(self.pos as f64, end as f64).map_err(|e| js_error("slice", e))?;
        let data = self.reader.read_as_array_buffer(&slice).map_err(|e| js_error("the file could not be read", e))?;
        let bytes = Uint8Array::new(&data);
        let n = bytes.length() as usize;
        bytes.copy_to(&mut buf[..n]);
        self.pos += n as u64;
        self.bytes_read += n as u64;
        self.reads += 1;
        if let Some(f) = &mut self.on_progress {
            f(self.bytes_read, self.size);
        }
        Ok(n)
    }
}

impl Seek for BlobReader {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let target = match pos {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.size.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = target.ok_or_else(|| io::Error::other("seek before the start"))?;
        Ok(self.pos)
    }
}
