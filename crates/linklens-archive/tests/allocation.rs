//! No hostile size reaches an allocation: this test binary's allocator
//! aborts on any request over 256 MiB, and the inputs are the ones that
//! made the walker reserve gigabytes (found by the `archive_structured`
//! fuzz target, 2026-12-03): an `ar` member whose header claims more bytes
//! than the archive has, holding an ELF whose `.gnu.version_r` claims
//! 4 GiB, read through `object`'s `ReadCache`, which checks a read against
//! the reader's length and then reserves its size: the window said the
//! member's claimed length. Fixed where the lie was: a `Window` is cut to
//! the bytes behind it (without that, the first test aborts).

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{Cursor, Read};

const CAP: usize = 256 << 20;

struct Capped;

// SAFETY: forwards to the system allocator; only refuses (by aborting) sizes over CAP.
unsafe impl GlobalAlloc for Capped {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        check(l.size());
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        check(n);
        unsafe { System.realloc(p, l, n) }
    }
}

fn check(size: usize) {
    if size > CAP {
        eprintln!("an allocation of {size} bytes, over the {CAP}-byte cap:\n{}", std::backtrace::Backtrace::force_capture());
        std::process::abort();
    }
}

#[global_allocator]
static ALLOCATOR: Capped = Capped;

#[test]
fn hostile_archives_found_by_the_fuzzer_stay_under_the_cap() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let mut src = Cursor::new(&data);
        let report = linklens_archive::open(&mut src, data.len() as u64, &linklens_archive::fuzzing::limits(), None);
        assert!(report.is_some(), "{}: read as an archive", path.display());
        seen += 1;
    }
    assert!(seen >= 2, "the regression inputs are there");
}

/// A single file, as the page and the CLI read it: the cache over an honest
/// reader refuses the section before reserving it. Holds `object`'s
/// behaviour, which the page relies on, across upgrades.
#[test]
fn a_section_claiming_4_gib_is_refused_before_the_cache_reserves_it() {
    // A real dynamic ELF (it has a .gnu.version_r), its version-needs
    // section header set to claim 4 GiB.
    let gz = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/bin/c-dynamic.gz")).unwrap();
    let mut elf = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut elf).unwrap();
    let u16_at = |b: &[u8], at: usize| u16::from_le_bytes([b[at], b[at + 1]]) as usize;
    let u64_at = |b: &[u8], at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap()) as usize;
    let (shoff, shentsize, shnum) = (u64_at(&elf, 40), u16_at(&elf, 58), u16_at(&elf, 60));
    let verneed = (0..shnum)
        .map(|i| shoff + i * shentsize)
        .find(|&h| u32::from_le_bytes(elf[h + 4..h + 8].try_into().unwrap()) == 0x6fff_fffe)
        .expect("a .gnu.version_r section");
    elf[verneed + 32..verneed + 40].copy_from_slice(&0xffff_ffffu64.to_le_bytes());
    let cache = object::read::ReadCache::new(Cursor::new(elf));
    let facts = linklens::analyze(&cache).expect("still read");
    assert!(!facts.dynamic.needed.is_empty());
}
