//! Structure-aware: `arbitrary` builds an archive from parts (tar headers of
//! every format with names of any bytes, zip directories, ar/deb, OCI
//! layouts and `docker save` tars with hostile JSON, compressed honestly or
//! cut, nested) and the walker must give a report, never a panic, a hang
//! or an unbounded allocation. Built with overflow checks on.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linklens_archive::fuzzing::Spec;

fuzz_target!(|spec: Spec| {
    let data = spec.build();
    let limits = linklens_archive::Limits {
        max_total: 64 << 20,
        max_ratio: 100,
        ratio_floor: 64 << 10,
        max_members: 1000,
        max_member: 16 << 20,
        max_json: 1 << 20,
        ..linklens_archive::Limits::default()
    };
    let mut src = std::io::Cursor::new(&data);
    if let Some(r) = linklens_archive::open(&mut src, data.len() as u64, &limits, None) {
        for e in &r.errors {
            assert!(!e.message.is_empty() && !["{path}", "{limit}", "{detail}"].iter().any(|p| e.message.contains(p)), "{e:?}");
        }
        for i in &r.images {
            assert!(!i.reason.is_empty());
        }
    }
});
