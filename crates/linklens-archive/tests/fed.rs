//! A tar fed as it is decoded keeps what its walk needs and no more: this
//! test binary's allocator tracks the bytes allocated at once, and a
//! 256 MiB member nothing reads, fed in the 64 KiB pieces a browser's
//! decoder hands over, must not raise them past a few pieces (gathering
//! the tar, as the page did, would hold all of it); a binary it holds
//! costs its size once, not the doubling of a growing buffer. The tests
//! share the counters: they run one at a time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};

use linklens::archive::ArchiveFormat;
use linklens_archive::{Fed, Feed, Limits};

struct Tracked;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::SeqCst) + by;
    PEAK.fetch_max(now, Ordering::SeqCst);
}

// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Tracked {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::SeqCst);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        grew(n);
        LIVE.fetch_sub(l.size(), Ordering::SeqCst);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static ALLOCATOR: Tracked = Tracked;

/// A tar header for a regular file.
fn header(name: &str, size: u64) -> Vec<u8> {
    let mut h = tar::Header::new_gnu();
    h.set_path(name).unwrap();
    h.set_size(size);
    h.set_mode(0o755);
    h.set_entry_type(tar::EntryType::Regular);
    h.set_cksum();
    h.as_bytes().to_vec()
}

/// The bytes padding `len` to a whole block.
fn pad(len: u64) -> usize {
    usize::try_from(len.next_multiple_of(512) - len).unwrap()
}

static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn hello_static() -> Vec<u8> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/archives");
    let mut release = Vec::new();
    flate2::read::GzDecoder::new(&std::fs::read(dir.join("release.tar.gz")).unwrap()[..]).read_to_end(&mut release).unwrap();
    let mut elf = Vec::new();
    for entry in tar::Archive::new(&release[..]).entries().unwrap() {
        let mut entry = entry.unwrap();
        if entry.path().unwrap().ends_with("hello-static") {
            entry.read_to_end(&mut elf).unwrap();
        }
    }
    assert!(elf.starts_with(b"\x7fELF"));
    elf
}

/// Fed by `feed_it` (pieces of 64 KiB of zeros at hand) with the default
/// limits: the report, and the most bytes allocated at once meanwhile
/// (over those allocated before).
fn fed(feed_it: impl FnOnce(&mut dyn FnMut(&[u8]), &[u8])) -> (linklens::archive::ArchiveReport, usize) {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let zeros = vec![0u8; PIECE];
    let limits = Limits::default();
    let mut feed = Feed::new(ArchiveFormat::Gzip, &limits, None).unwrap();
    let before = LIVE.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    feed_it(&mut |bytes: &[u8]| assert_eq!(feed.push(u64::MAX, bytes), Fed::More), &zeros);
    let report = feed.finish(1 << 30).expect("walked");
    (report, PEAK.load(Ordering::SeqCst) - before)
}

/// The pieces a browser's decoder hands over.
const PIECE: usize = 64 << 10;

#[test]
fn a_member_nothing_reads_is_not_kept() {
    let elf = hello_static();
    const BIG: u64 = 256 << 20;
    let (report, peak) = fed(|push, zeros| {
        // First a binary, then a big member of data, then the binary again.
        push(&header("bin/app", elf.len() as u64));
        push(&elf);
        push(&zeros[..pad(elf.len() as u64)]);
        push(&header("share/data.bin", BIG));
        for _ in 0..BIG / PIECE as u64 {
            push(zeros);
        }
        push(&header("bin/again", elf.len() as u64));
        push(&elf);
        push(&zeros[..pad(elf.len() as u64) + 1024]);
    });
    assert_eq!(report.elf, 2, "{report:?}");
    assert_eq!(report.files, 3);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    // The binary and a piece or two, not the member: measured 73 KiB.
    assert!(peak < 4 << 20, "{peak} bytes allocated at once while a 256 MiB member went by");
}

#[test]
fn a_binary_held_costs_its_size_once() {
    // A binary's first bytes, then zeros to 96 MiB.
    let mut head = hello_static();
    head.truncate(4096);
    const SIZE: u64 = 96 << 20;
    let (report, peak) = fed(|push, zeros| {
        push(&header("bin/big", SIZE));
        push(&head);
        let mut left = SIZE - head.len() as u64;
        while left > 0 {
            let n = usize::try_from(left).unwrap().min(PIECE);
            push(&zeros[..n]);
            left -= n as u64;
        }
        push(&zeros[..1024]);
    });
    assert_eq!(report.elf, 1, "{report:?}");
    // Its size and a few pieces (the analysis reads it in place): grown
    // by doubling, the buffer alone would have reached 128 MiB, and 192
    // MiB while it moved.
    assert!(peak < SIZE as usize + (4 << 20), "{} MiB allocated at once to hold a 96 MiB binary", peak >> 20);
}

#[test]
fn members_judged_and_dropped_one_by_one_are_not_kept() {
    // 16,384 members of 4 KiB, each header and data pushed apart: the
    // bytes of each are let go once it is judged.
    const MEMBERS: usize = 16_384;
    let (report, peak) = fed(|push, zeros| {
        for i in 0..MEMBERS {
            push(&header(&format!("share/doc/{i}.txt"), 4096));
            push(&zeros[..4096]);
        }
        push(&zeros[..1024]);
    });
    assert_eq!(report.files, MEMBERS as u64, "{:?}", report.errors);
    assert!(peak < 4 << 20, "{} MiB allocated at once for a 72 MiB tar of small members", peak >> 20);
}

#[test]
fn what_follows_the_tar_s_end_is_not_kept() {
    // A tar and its end, then 64 MiB more of the stream (a tool's padding
    // gone wrong, or anything): counted, not kept.
    let (report, peak) = fed(|push, zeros| {
        push(&header("etc/notes.txt", 4096));
        push(&zeros[..4096]);
        push(&zeros[..1024]);
        for _ in 0..(64 << 20) / PIECE {
            push(zeros);
        }
    });
    assert_eq!(report.files, 1, "{:?}", report.errors);
    assert!(peak < 4 << 20, "{} MiB allocated at once for 64 MiB past the tar's end", peak >> 20);
}
