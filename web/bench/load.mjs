// First load (cargo xtask bench page): the bytes of each asset of dist/
// (raw, and its precompressed .gz and .br), then, in a fresh browser
// profile each run (nothing cached, no service worker yet), the time to an
// interactive page (the drop zone rendered: the page's wasm is running),
// the bytes it needed by then (as gzip, what a host serving the .gz sends),
// when the worker said it was ready, and the time to the first result (a
// 1.3 MB Go binary chosen at once; also timed from its `change` event).
// "First result" is the page's own: the binary dropped by a script in the
// page the moment the drop zone exists (no test driver between), verdict
// in the DOM, from navigation; the driver's figure is kept beside it.
// And the floor under it, each in a fresh profile too: a blank page's
// first script, and the analysis worker alone (started by a page with no
// wasm of its own, the same file posted the moment it is ready).
// usage: node bench/load.mjs OUT.json FIXTURE
import { readdirSync, statSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { serve, launch, dist, firstLoad } from '../tests/harness.mjs';

const [out, fixture] = process.argv.slice(2);
const RUNS = 5;

const sizes = {};
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { walk(path); continue; }
    if (/\.(gz|br)$/.test(name)) continue;
    const size = (ext) => (existsSync(path + ext) ? statSync(path + ext).size : null);
    sizes[relative(dist, path)] = { raw: statSync(path).size, gzip: size('.gz'), brotli: size('.br') };
  }
})(dist);

/** The fixture as `window.__file`, built before the page's own scripts
 *  start (init scripts run in the order they were added). */
async function withFile(page, name) {
  await page.addInitScript(({ name, data }) => {
    const bin = atob(data);
    const buf = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
    window.__file = new File([buf], name);
  }, { name, data: bytes });
}

/** A fresh profile of its own: the page drops the file itself. */
async function firstResultAtOnce() {
  const browser = await launch();
  const page = await browser.context.newPage();
  // The drop at once: a real drop event on the drop zone the moment it is
  // in the DOM, the file built before the page starts.
  const name = 'at-once-' + basename(fixture);
  await withFile(page, name);
  await page.addInitScript(({ name }) => {
    const file = window.__file;
    window.__atOnce = new Promise((ok) => {
      let dropped;
      new MutationObserver((_, obs) => {
        const zone = document.querySelector('[data-testid=drop-zone]');
        if (zone && dropped === undefined) {
          dropped = null;
          // After the task that rendered it: its effects (the window's
          // drop guard) run then, and a user cannot be faster.
          setTimeout(() => {
            dropped = performance.now();
            const dt = new DataTransfer();
            dt.items.add(file);
            for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
          }, 0);
        }
        if (document.querySelector(`[data-testid=result][data-file-name="${name}"] [data-testid=verdict]`)) { obs.disconnect(); ok([dropped, performance.now()]); }
      }).observe(document, { subtree: true, childList: true });
    });
  }, { name });
  await page.goto(srv.url);
  const times = await page.evaluate(() => window.__atOnce);
  await browser.context.close();
  return times;
}

/** The floor's pages: served beside dist/, never shipped in it. */
const FLOOR = {
  'floor/blank.html': '<!DOCTYPE html><script type="module" src="blank.js"></script>',
  'floor/blank.js': 'window.__floor = performance.now();',
  'floor/worker.html': '<!DOCTYPE html><script type="module" src="worker.js"></script>',
  'floor/worker.js': `
    const worker = new Worker(new URL('../worker_loader.js', import.meta.url));
    window.__floor = new Promise((ok, fail) => {
      let ready;
      worker.addEventListener('message', (e) => {
        if (e.data === 'ready') {
          ready = performance.now();
          worker.postMessage({ op: 'analyse', id: 1, file: window.__file });
        } else if (e.data && 'done' in e.data) {
          ok([ready, performance.now()]);
        } else if (e.data && 'failed' in e.data) {
          fail(new Error('the worker failed on the file'));
        }
      });
    });`,
};

/** A fresh profile on one of the floor's pages: what it records. */
async function floor(path) {
  const browser = await launch();
  const page = await browser.context.newPage();
  await withFile(page, 'floor');
  await page.goto(srv.url + path);
  const t = await page.evaluate(() => window.__floor);
  await browser.context.close();
  return t;
}

const srv = await serve(undefined, FLOOR);
const bytes = readFileSync(fixture).toString('base64');
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const browser = await launch();
  const page = await browser.context.newPage();
  // When the worker first says it is ready, seen from the page (the
  // Worker constructor wrapped, its prototype kept for the page's checks).
  await page.addInitScript(() => {
    const W = window.Worker;
    window.Worker = function (...args) {
      const w = new W(...args);
      w.addEventListener('message', (e) => { if (e.data === 'ready' && window.__workerReady === undefined) window.__workerReady = performance.now(); });
      return w;
    };
    window.Worker.prototype = W.prototype;
  });
  const t0 = Date.now();
  const { interactive, assets: before } = await firstLoad(page, srv.url);
  const tInteractive = Date.now();
  const gzipBytes = before.reduce((n, a) => n + (sizes[a]?.gzip ?? sizes[a]?.raw ?? 0), 0);
  // The file's `change` and its verdict in the DOM, timed inside the page:
  // what the page takes, without the test driver's own latency.
  await page.evaluate(() => {
    window.__verdict = new Promise((ok) => {
      let t0;
      document.addEventListener('change', () => { t0 = performance.now(); }, { capture: true, once: true });
      const obs = new MutationObserver(() => {
        if (document.querySelector('[data-testid=result] [data-testid=verdict]')) { obs.disconnect(); ok([t0, performance.now()]); }
      });
      obs.observe(document.body, { childList: true, subtree: true });
    });
  });
  await page.setInputFiles('[data-testid=file-input]', fixture);
  await page.locator('[data-testid=result] [data-testid=verdict]').waitFor();
  const [change, verdict] = await page.evaluate(() => window.__verdict);
  const firstResult = verdict;
  const ready = await page.evaluate(() => window.__workerReady ?? null);
  await browser.context.close();
  const [dropped, atOnce] = await firstResultAtOnce();
  const blank = await floor('floor/blank.html');
  const [aloneReady, alone] = await floor('floor/worker.html');
  runs.push({ blank_script_ms: +blank.toFixed(1), worker_alone_ready_ms: +aloneReady.toFixed(1), worker_alone_ms: +alone.toFixed(1), first_result_at_once_ms: +atOnce.toFixed(1), dropped_ms: +dropped.toFixed(1), interactive_ms: +interactive.toFixed(1), worker_ready_ms: ready && +ready.toFixed(1), change_to_verdict_ms: +(verdict - change).toFixed(1), first_result_ms: +firstResult.toFixed(1), assets_before_interactive: before, gzip_bytes_before_interactive: gzipBytes, wall_ms: tInteractive - t0 });
}
srv.server.close();
const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
const result = { sizes, runs, median: { interactive_ms: median('interactive_ms'), worker_ready_ms: median('worker_ready_ms'), change_to_verdict_ms: median('change_to_verdict_ms'), first_result_ms: median('first_result_ms'), first_result_at_once_ms: median('first_result_at_once_ms'), blank_script_ms: median('blank_script_ms'), worker_alone_ready_ms: median('worker_alone_ready_ms'), worker_alone_ms: median('worker_alone_ms'), gzip_bytes_before_interactive: median('gzip_bytes_before_interactive') } };
writeFileSync(out, JSON.stringify(result, null, 2));
const kb = (n) => (n == null ? '—' : `${(n / 1024).toFixed(1)} KB`);
console.log('| asset | raw | gzip | brotli |\n|---|---|---|---|');
for (const [name, s] of Object.entries(sizes).sort((a, b) => b[1].raw - a[1].raw).filter(([n]) => !n.startsWith('samples/') && !n.startsWith('embed-demo/'))) {
  console.log(`| ${name} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
}
console.log(`\nfresh profile, median of ${RUNS}: interactive ${result.median.interactive_ms} ms after navigation, with ${kb(result.median.gzip_bytes_before_interactive)} (gzip) loaded: ${runs[0].assets_before_interactive.join(', ')}; worker ready ${result.median.worker_ready_ms} ms; first result ${result.median.first_result_at_once_ms} ms after navigation (dropped by the page the moment its drop zone existed); with the test driver choosing it, first result ${result.median.first_result_ms} ms after navigation (the driver chose the file as soon as the page was interactive; its change → verdict ${result.median.change_to_verdict_ms} ms)`);
console.log(`the floor (fresh profiles, median of ${RUNS}): a blank page's first script ${result.median.blank_script_ms} ms after navigation; the analysis worker alone, started by a page with no wasm of its own, ready ${result.median.worker_alone_ready_ms} ms and its verdict on the same file ${result.median.worker_alone_ms} ms after navigation`);
