//! The whole pipeline: any bytes give a Report or an Error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = linklens::analyze(data) {
        // Every cause must carry evidence, even on garbage.
        for c in &report.causes {
            assert!(!c.evidence.is_empty());
        }
    }
});
