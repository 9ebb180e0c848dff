//! Getting bytes without copying files whole: a read-only memory map for
//! files, a buffer only for standard input (which cannot be mapped).

use std::fs::File;
use std::io::Read;

use linklens_explain::catalogue::{fill, sentences};

pub enum Input {
    Mapped(memmap2::Mmap),
    Buffer(Vec<u8>),
}

/// A file that could not be read: the message says which and why.
#[derive(Debug)]
pub struct InputError(pub String);

fn io_error(path: &str, e: std::io::Error) -> InputError {
    InputError(fill(sentences::CLI_CANNOT_READ, &[("path", path), ("detail", &e.to_string())]))
}

impl Input {
    pub fn open(path: &str) -> Result<Input, InputError> {
        if path == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| io_error(path, e))?;
            return Ok(Input::Buffer(buf));
        }
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            return Err(InputError(fill(sentences::CLI_IS_A_DIRECTORY, &[("path", path)])));
        }
        if !meta.is_file() || meta.len() == 0 {
            // Devices, FIFOs and empty files: read them plainly (an empty
            // mapping is an error on some systems).
            let mut buf = Vec::new();
            File::open(path).and_then(|mut f| f.read_to_end(&mut buf)).map_err(|e| io_error(path, e))?;
            return Ok(Input::Buffer(buf));
        }
        let file = File::open(path).map_err(|e| io_error(path, e))?;
        // SAFETY: the map is read-only and private to this process. If another
        // process truncates the file while we read it, we may get SIGBUS; that
        // is the accepted trade-off of every mmap-based tool (readelf, nm).
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| io_error(path, e))?;
        Ok(Input::Mapped(map))
    }

    pub fn bytes(&self) -> &[u8] {
        match self {
            Input::Mapped(m) => m,
            Input::Buffer(b) => b,
        }
    }
}
