//! An image layer's bookkeeping while its tar is walked: each file's node
//! in the layered file system, the text files the image verdict reads
//! (`ld.so.conf`, scripts' first lines), the C library's version.

use std::io::{Read, SeekFrom};

use crate::fs::Node;
use crate::source::ReadSeek;
use crate::walk::{Sink, Walker};

impl Walker<'_> {
    /// An ELF file of a layer, just analysed: every analysis adds a
    /// member to the layer (a refusal too), so its member is the last one.
    pub(crate) fn layer_file(&mut self, path: &str, size: u64, sink: &mut Sink) {
        if let Sink::Layer(layer) = sink {
            let elf = layer.elves.len().checked_sub(1);
            layer.entries.push((path.to_string(), Node::File { size, elf }));
        }
    }
    /// A non-ELF file of a layer: recorded; kept when the loader reads it;
    /// for a script, its interpreter line (as `#!path`).
    pub(crate) fn layer_text(&mut self, path: &str, r: &mut dyn Read, size: u64, sink: &mut Sink) {
        if let Sink::Layer(layer) = sink {
            layer.entries.push((path.to_string(), Node::File { size, elf: None }));
            // What `ld_so_conf` may read (it takes the `*.conf` an include names).
            let wanted = path == "etc/ld.so.conf" || path.starts_with("etc/ld.so.conf.d/");
            let mut head = Vec::new();
            let keep = if wanted { crate::limits::LAYER_CONF_BYTES } else { crate::limits::LAYER_HEAD_BYTES };
            if r.take(keep).read_to_end(&mut head).is_err() {
                return;
            }
            if let Some(line) = head.strip_prefix(b"#!") {
                let line = line.split(|b| *b == b'\n').next().unwrap_or(b"");
                layer.texts.insert(format!("#!{path}"), String::from_utf8_lossy(line).trim().to_string());
            }
            if wanted && size <= 64 * 1024 {
                layer.texts.insert(path.to_string(), String::from_utf8_lossy(&head).into_owned());
            }
        }
    }
    /// The version of a C library in a layer (`libc.so.6`, `ld-musl-*.so.1`).
    pub(crate) fn layer_libc(&mut self, path: &str, r: &mut dyn ReadSeek, len: u64, sink: &mut Sink) {
        let Sink::Layer(layer) = sink else { return };
        let base = path.rsplit('/').next().unwrap_or(path);
        let glibc = base == "libc.so.6" || (base.starts_with("libc-2.") && base.ends_with(".so"));
        if !glibc || len > crate::limits::LIBC_BYTES {
            return;
        }
        let mut bytes = Vec::new();
        if r.seek(SeekFrom::Start(0)).is_ok() && r.take(len).read_to_end(&mut bytes).is_ok() {
            if let Some(v) = crate::image::glibc_version(&bytes) {
                layer.libc_versions.insert(path.to_string(), v);
            }
        }
    }
}
