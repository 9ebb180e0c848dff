//! Share links: any fragment opens to a report or a typed error, never a
//! panic, a hang or a huge allocation; what opens renders.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| linklens_explain::fuzzing::share(data));
