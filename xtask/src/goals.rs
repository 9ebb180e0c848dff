//! The page's three speed goals (issue 24), printed at the end of a bench
//! run: each figure of the run that just ended beside the one measured
//! when the goal was set, and whether it is met. A goal is not a budget:
//! a missed one is reported, the run does not fail (the budgets that do
//! fail are in `web/tests/budget.test.mjs`).

use std::path::Path;

use crate::Result;

/// What a run measured; a bench command fills the parts it ran.
#[derive(Default)]
pub struct Figures {
    /// The release `.tar.gz`: the CLI's whole run and the page's `change` →
    /// verdict, in ms, and the archive worker's peak wasm memory in bytes.
    pub tgz_cli_ms: Option<f64>,
    pub tgz_page: Option<Row>,
    /// The browser's gzip decoder alone on the same file (`decoder.mjs`):
    /// what a page decoding natively cannot go below.
    pub tgz_decoder_ms: Option<f64>,
    /// Navigation → the first verdict in the DOM, the file dropped by the
    /// page the moment its drop zone exists (fresh profile, median).
    pub first_result_ms: Option<f64>,
    /// The floor under it (`load.mjs`, fresh profiles, medians): a blank
    /// page's first script, and the analysis worker's verdict when a page
    /// with no wasm of its own starts it.
    pub first_result_floor: Option<Floor>,
    /// hugo: `change` → verdict in the DOM, and the analysis time the page
    /// itself reports.
    pub hugo: Option<Row>,
}

/// What no page of this design goes below, from navigation, in ms.
#[derive(Clone, Copy)]
pub struct Floor {
    pub blank_script_ms: f64,
    pub worker_alone_ms: f64,
}

/// One input's row of `web/bench/browser.mjs`.
#[derive(serde::Deserialize, Clone)]
pub struct Row {
    pub file: String,
    pub median_ms: f64,
    #[serde(default)]
    pub analysis_median_ms: Option<f64>,
    #[serde(default)]
    pub wasm_memory_bytes: Option<f64>,
}

/// The rows `browser.mjs` wrote to `json`.
pub fn browser_rows(json: &Path) -> Result<Vec<Row>> {
    Ok(serde_json::from_str(&std::fs::read_to_string(json)?)?)
}

/// The median of `decoder.mjs`'s `json`.
pub fn decoder(json: &Path) -> Result<f64> {
    number(json, "/median_ms")
}

/// The median first result of `load.mjs`'s `json`.
pub fn first_result(json: &Path) -> Result<f64> {
    number(json, "/median/first_result_at_once_ms")
}

/// The floor `load.mjs` measured into `json`.
pub fn first_result_floor(json: &Path) -> Result<Floor> {
    Ok(Floor { blank_script_ms: number(json, "/median/blank_script_ms")?, worker_alone_ms: number(json, "/median/worker_alone_ms")? })
}

/// The number at `pointer` in the JSON file `json`.
fn number(json: &Path, pointer: &str) -> Result<f64> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(json)?)?;
    v.pointer(pointer).and_then(serde_json::Value::as_f64).ok_or_else(|| format!("{} has no {pointer}", json.display()).into())
}

impl Figures {
    pub fn take_rows(&mut self, rows: &[Row], tgz: &str) {
        for r in rows {
            if r.file == tgz {
                self.tgz_page = Some(r.clone());
            } else if r.file == "hugo" {
                self.hugo = Some(r.clone());
            }
        }
    }
}

/// The goals and what was measured when they were set (issue 24, from
/// BENCHMARKS.md of 2026-12-03), as a Markdown table.
pub fn table(f: &Figures) -> String {
    let mut out = String::from(
        "| goal (issue 24) | when it was set | now | |\n|---|---|---|---|\n",
    );
    let verdict = |met: bool| if met { "**met**" } else { "**missed**" };
    if let (Some(cli), Some(page)) = (f.tgz_cli_ms, &f.tgz_page) {
        let ratio = page.median_ms / cli;
        let peak = page.wasm_memory_bytes.map(|b| format!(", worker wasm peak {:.1} MB", b / 1e6)).unwrap_or_default();
        let floor = f.tgz_decoder_ms.map(|d| format!("; the browser's decoder alone {:.1} s ({:.2}×)", d / 1000.0, d / cli)).unwrap_or_default();
        out.push_str(&format!(
            "| the 594 MB `.tar.gz` in the page ≤ 1.3× the CLI | 3.09× (17.3 s against 5.6 s) | {ratio:.2}× ({:.1} s against {:.2} s){peak}{floor} | {} |\n",
            page.median_ms / 1000.0,
            cli / 1000.0,
            verdict(ratio <= 1.3)
        ));
    }
    if let Some(ms) = f.first_result_ms {
        let floor = f
            .first_result_floor
            .map(|l| format!("; the floor: a blank page's first script {:.0} ms, the analysis worker alone (no page wasm) {:.0} ms", l.blank_script_ms, l.worker_alone_ms))
            .unwrap_or_default();
        out.push_str(&format!(
            "| first result ≤ 200 ms after navigation (fresh profile) | 498 ms | {ms:.0} ms{floor} | {} |\n",
            verdict(ms <= 200.0)
        ));
    }
    if let Some(h) = &f.hugo {
        let analysis = h.analysis_median_ms.map(|a| format!(" (the page's own \"Analysed in\": {a:.0} ms)")).unwrap_or_default();
        out.push_str(&format!(
            "| hugo `change` → verdict in the DOM ≤ 50 ms | 114–133 ms (\"Analysed in\" 70–88 ms) | {:.1} ms{analysis} | {} |\n",
            h.median_ms,
            verdict(h.median_ms <= 50.0)
        ));
    }
    out
}

/// Print the goals table and keep it in `dir/goals.md`.
pub fn report(dir: &Path, f: &Figures) -> Result<()> {
    let t = table(f);
    println!("\nthe page's goals (medians; method in BENCHMARKS.md, \"The page's goals\")\n\n{t}");
    std::fs::write(dir.join("goals.md"), t)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(file: &str, ms: f64) -> Row {
        Row { file: file.into(), median_ms: ms, analysis_median_ms: Some(30.0), wasm_memory_bytes: Some(33.7e6) }
    }

    #[test]
    fn each_goal_is_met_at_its_bound_and_missed_past_it() {
        let mut f = Figures { tgz_cli_ms: Some(10_000.0), first_result_ms: Some(200.0), ..Figures::default() };
        f.take_rows(&[row("release.tar.gz", 13_000.0), row("hugo", 50.0), row("other", 1.0)], "release.tar.gz");
        let t = table(&f);
        assert_eq!(t.matches("**met**").count(), 3, "{t}");
        assert!(t.contains("1.30× (13.0 s against 10.00 s), worker wasm peak 33.7 MB"), "{t}");
        let floor = Some(Floor { blank_script_ms: 82.3, worker_alone_ms: 248.2 });
        let f = Figures { tgz_cli_ms: Some(10_000.0), tgz_page: Some(row("release.tar.gz", 13_001.0)), tgz_decoder_ms: Some(11_000.0), first_result_ms: Some(200.5), first_result_floor: floor, hugo: Some(row("hugo", 50.1)) };
        let t = table(&f);
        assert_eq!(t.matches("**missed**").count(), 3, "{t}");
        assert!(t.contains("; the browser's decoder alone 11.0 s (1.10×)"), "{t}");
        assert!(t.contains("200 ms; the floor: a blank page's first script 82 ms, the analysis worker alone (no page wasm) 248 ms |"), "{t}");
    }

    #[test]
    fn the_medians_are_read_where_the_scripts_write_them() {
        let dir = std::env::temp_dir().join(format!("linklens-goals-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("load.json"), r#"{"median":{"first_result_at_once_ms":428.4,"blank_script_ms":82.3,"worker_alone_ms":248.2}}"#).unwrap();
        std::fs::write(dir.join("decoder.json"), r#"{"median_ms":6328.2,"runs_ms":[1]}"#).unwrap();
        assert_eq!(first_result(&dir.join("load.json")).unwrap(), 428.4);
        let floor = first_result_floor(&dir.join("load.json")).unwrap();
        assert_eq!((floor.blank_script_ms, floor.worker_alone_ms), (82.3, 248.2));
        assert!(first_result_floor(&dir.join("decoder.json")).is_err());
        assert_eq!(decoder(&dir.join("decoder.json")).unwrap(), 6328.2);
        assert!(decoder(&dir.join("load.json")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_goal_without_its_figures_is_left_out() {
        let t = table(&Figures { tgz_page: Some(row("release.tar.gz", 1.0)), ..Figures::default() });
        assert_eq!(t.lines().count(), 2, "{t}");
    }
}
