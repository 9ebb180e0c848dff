// Browser benchmark (cargo xtask bench): time from choosing a file (its
// `change` event, inside the page) to the rendered verdict in the DOM,
// beside the analysis time the page itself reports; bytes read, peak wasm
// memory of the worker and the page's JS heap, for inputs from 1 MB to
// 1 GB. Files are handed to the page by path (no copy through the test driver).
// usage: node bench/browser.mjs OUT.json FILE...
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { statSync } from 'node:fs';
import { serve, launch, openApp } from '../tests/harness.mjs';

const [out, ...files] = process.argv.slice(2);
const RUNS = 5;
const srv = await serve();
const browser = await launch();
// The analysis time the worker reports with each result (what the page
// prints as "Analysed in"), seen from the page: the Worker constructor
// wrapped, its prototype kept for the page's checks.
await browser.context.addInitScript(() => {
  const W = window.Worker;
  window.Worker = function (...args) {
    const w = new W(...args);
    w.addEventListener('message', (e) => {
      const done = e.data?.done ?? e.data?.['archive-done'];
      if (done) window.__analysis = done.millis;
    });
    return w;
  };
  window.Worker.prototype = W.prototype;
});
const { page } = await openApp(browser.context, srv.url);
const rows = [];
for (const file of files) {
  const name = basename(file);
  const times = [];
  const analysis = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate((name) => {
      window.__bench = new Promise((ok) => {
        let t0;
        document.addEventListener('change', () => { t0 = performance.now(); }, { capture: true, once: true });
        const obs = new MutationObserver(() => {
          const v = [...document.querySelectorAll(`[data-testid=result][data-file-name="${name}"] [data-testid=timing]`)];
          if (v.length) { obs.disconnect(); ok({ ms: performance.now() - t0, analysis: window.__analysis, read: +v[0].dataset.read, wasm: +v[0].dataset.wasmMemory }); }
        });
        obs.observe(document.body, { childList: true, subtree: true });
      });
    }, name);
    await page.setInputFiles('[data-testid=file-input]', file);
    last = await page.evaluate(() => window.__bench);
    times.push(last.ms);
    analysis.push(last.analysis);
    await page.locator('[data-testid=clear]').click();
  }
  times.sort((a, b) => a - b);
  analysis.sort((a, b) => a - b);
  const mid = Math.floor(RUNS / 2);
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  const row = { file: name, bytes: statSync(file).size, median_ms: +times[mid].toFixed(1), analysis_median_ms: analysis[mid] == null ? null : +analysis[mid].toFixed(1), runs_ms: times.map((t) => +t.toFixed(1)), read_bytes: last.read, wasm_memory_bytes: last.wasm, page_js_heap_bytes: heap };
  rows.push(row);
  console.log(`${name.padEnd(28)} ${(row.bytes / 1e6).toFixed(1).padStart(8)} MB  median ${String(row.median_ms).padStart(7)} ms (the page's own "Analysed in" ${row.analysis_median_ms?.toFixed(1)} ms)  read ${(row.read_bytes / 1e3).toFixed(0)} KB  wasm ${(row.wasm_memory_bytes / 1e6).toFixed(1)} MB  page heap ${(heap / 1e6).toFixed(1)} MB`);
}
writeFileSync(out, JSON.stringify(rows, null, 2));
await browser.context.close();
srv.server.close();
