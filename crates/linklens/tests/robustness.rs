//! Bad input never panics or hangs: every fixture cut at 64 lengths and
//! mutated 1,000 times (seeded, so failures reproduce), plus the plain bad
//! inputs people drop by mistake. Each case must end in a report or an
//! error. A generous time bound catches hangs; the 100 ms target itself is
//! measured by `cargo xtask bench`.

mod common;

use std::time::{Duration, Instant};

use common::fixtures;

const CUTS: usize = 64;
const MUTATIONS: usize = 1000;
/// Far above the real cost (a few ms): only a hang or a blow-up trips it.
const HANG: Duration = Duration::from_secs(2);

/// xorshift64*: small, seeded, good enough to pick bytes.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn check(name: &str, case: &str, data: &[u8], slowest: &mut Duration) {
    let start = Instant::now();
    let result = std::panic::catch_unwind(|| linklens::analyze(data).map(|_| ()));
    let took = start.elapsed();
    assert!(result.is_ok(), "{name}: panicked on {case}");
    assert!(took < HANG, "{name}: {case} took {took:?}");
    *slowest = (*slowest).max(took);
}

#[test]
fn truncated_fixtures_give_a_report_or_an_error() {
    let mut slowest = Duration::ZERO;
    for f in fixtures() {
        let len = f.bytes.len();
        for i in 0..CUTS {
            // Dense near the start, where the headers are; spread over the rest.
            let cut = if i < CUTS / 2 { i * 97 } else { len * (i - CUTS / 2) / (CUTS / 2) };
            check(&f.name, &format!("cut at {cut}"), &f.bytes[..cut.min(len)], &mut slowest);
        }
    }
    eprintln!("truncation: slowest case {slowest:?}");
}

#[test]
fn mutated_fixtures_give_a_report_or_an_error() {
    let all = fixtures();
    // Two threads: the machine has two cores.
    let halves: Vec<Vec<_>> = vec![all.iter().step_by(2).collect(), all.iter().skip(1).step_by(2).collect()];
    let slowest: Vec<Duration> = std::thread::scope(|s| {
        let handles: Vec<_> = halves
            .into_iter()
            .map(|part| {
                s.spawn(move || {
                    let mut slowest = Duration::ZERO;
                    for f in part {
                        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ f.name.len() as u64 ^ (f.bytes.len() as u64) << 20);
                        let mut data = f.bytes.to_vec();
                        for m in 0..MUTATIONS {
                            let mut undo = Vec::new();
                            let flips = 1 + rng.below(16);
                            for _ in 0..flips {
                                // Half the mutations hit the first 4 KiB: headers and tables.
                                let at = if rng.below(2) == 0 { rng.below(4096.min(data.len())) } else { rng.below(data.len()) };
                                undo.push((at, data[at]));
                                data[at] = match rng.below(4) {
                                    0 => 0,
                                    1 => 0xff,
                                    _ => rng.next() as u8,
                                };
                            }
                            check(&f.name, &format!("mutation {m}"), &data, &mut slowest);
                            for (at, b) in undo.into_iter().rev() {
                                data[at] = b;
                            }
                        }
                    }
                    slowest
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    eprintln!("mutation: slowest case {:?}", slowest.iter().max());
}

#[test]
fn plain_bad_inputs_get_clear_errors() {
    use linklens::{Error, ObjectFormat, Problem, Sniffed};
    let cut = |format, len, header| Error::Truncated { format, problem: Problem::ShorterThanHeader { len, header } };
    let cases: &[(&[u8], Error)] = &[
        (b"", Error::Empty),
        (b"hello, world\n", Error::NotObject { what: Sniffed::Text, starts_with_mz: false }),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Error::NotObject { what: Sniffed::Png, starts_with_mz: false }),
        (b"\x7fELF", cut(ObjectFormat::Elf, 4, 52)),
        (b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0", cut(ObjectFormat::Elf, 20, 64)),
        (b"MZ", cut(ObjectFormat::Pe, 2, 64)),
        (b"MZ and then a long run of plain text, long enough to pass the 64-byte header of a DOS file.", Error::NotObject { what: Sniffed::Text, starts_with_mz: true }),
    ];
    for (data, want) in cases {
        let e: Error = linklens::analyze(*data).expect_err("bad input must be an error");
        assert_eq!(&e, want);
    }
    let macho = linklens::analyze(&b"\xfe\xed\xfa\xcf\0"[..]).expect_err("a Mach-O magic alone");
    assert!(matches!(macho, Error::Truncated { format: ObjectFormat::MachO, problem: Problem::Parser { .. } }), "{macho:?}");
}

/// Files whose section headers were stripped (sstrip, some packers) still
/// give the same answer: the pclntab and build info are found by scanning
/// the segments, the verdict by the program headers.
#[test]
fn same_answer_without_section_headers() {
    let all = fixtures();
    for name in ["hello-pie-go1.19", "lookuphost-default-go1.26", "lookuphost-musl-go1.26", "cstdio-default-go1.27"] {
        let f = all.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no fixture {name}"));
        let before = f.facts();
        let mut data = f.bytes.to_vec();
        // ELF64, little-endian: e_shoff at 40, e_shnum at 60, e_shstrndx at 62.
        data[40..48].fill(0);
        data[60..64].fill(0);
        let after = linklens::analyze(data.as_slice()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(after.linkage, before.linkage, "{name}");
        assert_eq!(after.dynamic.needed, before.dynamic.needed, "{name}");
        assert_eq!(after.dynamic.interpreter, before.dynamic.interpreter, "{name}");
        let ids = |r: &linklens::Facts| r.causes.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(&after), ids(&before), "{name}");
        let go = after.go.as_ref().unwrap();
        assert_eq!(go.version, before.go.as_ref().unwrap().version, "{name}: build info found in the writable segment");
        let p = go.pclntab.as_ref().unwrap();
        assert!(p.scanned, "{name}: {p:?}");
        assert_eq!(p.nfunc, before.go.as_ref().unwrap().pclntab.as_ref().unwrap().nfunc, "{name}");
    }
}
