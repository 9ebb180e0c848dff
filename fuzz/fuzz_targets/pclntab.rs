//! The pclntab finder and name walker on their own.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| linklens::fuzzing::pclntab(data));
