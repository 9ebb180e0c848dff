//! The archive walker: any bytes give an archive report (or "not an
//! archive"), never a panic, a hang or an unbounded allocation. Limits are
//! small so the fuzzer reaches each one quickly.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "shared/words.rs"]
mod words;

fuzz_target!(|data: &[u8]| {
    let limits = linklens_archive::Limits {
        max_total: 64 << 20,
        ratio_floor: 1 << 20,
        max_members: 1000,
        max_member: 16 << 20,
        max_json: 1 << 20,
        ..linklens_archive::Limits::default()
    };
    let mut src = std::io::Cursor::new(data);
    if let Some(r) = linklens_archive::open(&mut src, data.len() as u64, &limits, None) {
        assert!(r.elf <= r.files.max(r.elf));
        words::assert_filled(&r);
    }
});
