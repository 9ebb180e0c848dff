//! The whole pipeline: any bytes give facts or an error, never a panic;
//! and the facts explain and print without one too.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(facts) = linklens::analyze(data) {
        // Every cause must carry evidence, even on garbage.
        for c in &facts.causes {
            assert!(!c.evidence.is_empty());
        }
    }
    linklens_explain::fuzzing::analyze_and_explain(data);
});
