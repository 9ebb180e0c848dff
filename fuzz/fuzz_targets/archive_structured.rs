//! Structure-aware: `arbitrary` builds an archive from parts (tar headers of
//! every format with names of any bytes, zip directories, ar/deb, OCI
//! layouts and `docker save` tars with hostile JSON, compressed honestly or
//! cut, nested) and the walker must give a report, never a panic, a hang
//! or an unbounded allocation. Built with overflow checks on. A gzip
//! stream is also walked as the page walks it — a plain tar fed to the walk
//! in pieces as it is decoded, an image inflated whole and walked in place —
//! and must say what the CLI's walk says.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linklens_archive::fuzzing::Spec;

#[path = "shared/words.rs"]
mod words;

fuzz_target!(|spec: Spec| {
    let data = spec.build();
    let limits = linklens_archive::fuzzing::limits();
    if let Some(gz) = linklens_archive::fuzzing::as_tar_gz(&data) {
        if let Err(diff) = linklens_archive::fuzzing::decoded_agrees(&gz, &limits) {
            panic!("the page's walk and the CLI's differ: {diff}");
        }
        if let Err(diff) = linklens_archive::fuzzing::fed_agrees(&gz, &limits) {
            panic!("the page's fed walk and the CLI's differ: {diff}");
        }
    }
    let mut src = std::io::Cursor::new(&data);
    if let Some(r) = linklens_archive::open(&mut src, data.len() as u64, &limits, None) {
        words::assert_filled(&r);
    }
});

