//! Progress on standard error for long work — an archive or image being
//! read, many files being analysed — and only when standard error is a
//! terminal: a pipe, a CI log or `--json` on standard output stay clean.

use std::io::IsTerminal;
use std::sync::OnceLock;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The bars of one run, drawn together (files are analysed in parallel).
fn bars() -> Option<&'static MultiProgress> {
    static BARS: OnceLock<Option<MultiProgress>> = OnceLock::new();
    BARS.get_or_init(|| {
        std::io::stderr()
            .is_terminal()
            .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()))
    })
    .as_ref()
}

/// A bar over an archive's bytes, named by its path.
pub fn archive(path: &str, len: u64) -> Option<ProgressBar> {
    let bar = bars()?.add(ProgressBar::new(len));
    let style =
        ProgressStyle::with_template("{prefix} {wide_bar} {bytes}/{total_bytes} {msg} ({eta})")
            .ok()?;
    bar.set_style(style);
    bar.set_prefix(path.to_string());
    Some(bar)
}

/// A bar over the files of one run, when there are enough to wait for.
pub fn files(count: usize) -> Option<ProgressBar> {
    const WORTH_A_BAR: usize = 64;
    if count < WORTH_A_BAR {
        return None;
    }
    let bar = bars()?.add(ProgressBar::new(count as u64));
    bar.set_style(ProgressStyle::with_template("{wide_bar} {pos}/{len} files ({eta})").ok()?);
    Some(bar)
}
