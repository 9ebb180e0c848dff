//! Structure-aware: `arbitrary` builds an ELF file from parts (program and
//! section headers, dynamic entries, version tables, symbols, notes, a
//! build-info and a pclntab header) with offsets and counts chosen relative
//! to the real parts or at the extremes, 32/64-bit, either byte order.
//! Built with overflow checks on (`cargo xtask fuzz` passes -a).
#![no_main]
use libfuzzer_sys::fuzz_target;
use linklens::fuzzing::elf::Spec;

fuzz_target!(|spec: Spec| {
    let file = spec.build();
    if let Ok(report) = linklens::analyze(file.as_slice()) {
        for c in &report.causes {
            assert!(!c.evidence.is_empty());
        }
        // Prose is never data: nothing read from the file is a sentence.
        for lib in &report.dynamic.needed {
            assert!(!lib.contains("outside the string table"));
        }
    }
});
