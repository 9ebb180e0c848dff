//! Files analysed on every core, results printed in input order as soon as
//! they are ready: a worker renders each file's output and drops its
//! report, so memory holds only the outputs that wait for an earlier file.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Run `work` over `items` on all cores; call `done` with each result in
/// the order of `items`, as soon as it and everything before it is ready.
pub fn in_order<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut done: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len()).max(1);
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        // A bounded channel: workers wait rather than pile up output when
        // the printer (a slow pipe) falls behind.
        let (tx, rx) = mpsc::sync_channel::<(usize, R)>(threads * 4);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                if tx.send((i, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut expected = 0;
        for (i, r) in rx {
            waiting.insert(i, r);
            while let Some(r) = waiting.remove(&expected) {
                done(r)?;
                expected += 1;
            }
        }
        Ok(())
    })
}

/// Writes entries as a stream: a JSON array opened before the first and
/// closed after the last, or text blocks with a separator between them.
pub struct Printer<W: Write> {
    out: BufWriter<W>,
    json: bool,
    separator: &'static str,
    count: usize,
}

impl<W: Write> Printer<W> {
    pub fn new(out: W, json: bool, separator: &'static str) -> Self {
        Printer { out: BufWriter::new(out), json, separator, count: 0 }
    }

    pub fn print(&mut self, entry: &str) -> io::Result<()> {
        if self.count == 0 && self.json {
            self.out.write_all(b"[\n")?;
        } else if self.count > 0 {
            self.out.write_all(self.separator.as_bytes())?;
        }
        self.out.write_all(entry.as_bytes())?;
        self.count += 1;
        // Show each result when it is ready, not when the buffer fills.
        self.out.flush()
    }

    pub fn finish(mut self) -> io::Result<()> {
        if self.json {
            self.out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}
