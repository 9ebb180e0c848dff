//! The Go build-info parser on its own.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| linklens::fuzzing::buildinfo(data));
