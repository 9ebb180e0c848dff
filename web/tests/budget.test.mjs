// The page-weight budgets, held by the build: the bytes a fresh profile
// loads before the drop zone works (gzip, as a host serving dist/'s .gz
// sends them, counted in decimal bytes) and the worker's wasm. The same
// numbers are written in BENCHMARKS.md; this test fails when either is
// passed, or when the two places disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, dist, root, firstLoad } from './harness.mjs';

// Measured 2026-12-03: 202,262 bytes and 436,679 bytes; after the facts
// and the explanation became two objects (schema 4) 208,029 and 436,003,
// and the page's budget was raised by 6,000 bytes, said in BENCHMARKS.md;
// with schema 5, 209,499 and 438,030; with the build settings, purego and
// sanitizer causes, 210,608 and 443,221 (budgets unchanged, margins thin);
// with where it runs observed (schema 6: starts-but, remedies, the loader's
// lines, image starts-but, the grouped panel), 214,232 and 453,593, and
// both budgets raised on purpose, said in BENCHMARKS.md; with the browser
// inflating a .tar.gz and the worker started by init.js, 215,624 and
// 460,065, the worker's budget raised on purpose; then the archive path
// moved to a worker of its own, started when the first archive arrives:
// 281,519 for the worker (budget down to 284,000) and 355,587 for the
// archive worker (budget 358,000).
// Then every panel of a report laid out from the renderer's sections
// (issue 22): 215,885 bytes, and the icon always counted (it arrived
// before the drop zone in some runs and not in others, a flaky figure):
// 216,121; the page's budget raised to 217,000 on purpose.
// The margins are smaller than a 20 KB literal compresses to: such a
// literal in the page's wasm made 220,630 bytes and failed this test.
// Then the MIPS and ppc64le recipes and gccgo's build info read (schema
// 7): 283,497 and 359,737 on a fresh machine, the archive worker over its
// budget; both raised on purpose (285,000 and 361,000), said in BENCHMARKS.md.
// Then the resolver's files (the need, its sentence, schema 8), the
// Dockerfile's zoneinfo and account lines and the nested-tar check:
// 284,791 and 361,193, the archive worker over; both raised on purpose
// (286,500 and 362,500), said in BENCHMARKS.md.
// Then a .tar.gz walked as it is decoded (the feed, its holder in the
// browser's memory, the decoding worker's messages): the archive worker
// 365,257, over; raised on purpose to 366,500, said in BENCHMARKS.md.
export const PAGE_BUDGET = 217_000;
export const WORKER_BUDGET = 286_500;
export const ARCHIVE_WORKER_BUDGET = 366_500;

// What a host serving dist/'s precompressed files sends: the .gz where
// there is one (every text and wasm asset has), else the file itself.
const gz = (asset) => {
  const path = join(dist, asset);
  assert.ok(existsSync(path), `${asset} was fetched but is not in dist/`);
  return statSync(existsSync(path + '.gz') ? path + '.gz' : path).size;
};

test('BENCHMARKS.md states the budgets this test holds', () => {
  const text = readFileSync(join(root, 'BENCHMARKS.md'), 'utf8');
  const fmt = (n) => n.toLocaleString('en-US');
  assert.ok(text.includes(`first-load budget: ${fmt(PAGE_BUDGET)} bytes`), `BENCHMARKS.md does not say "first-load budget: ${fmt(PAGE_BUDGET)} bytes"`);
  assert.ok(text.includes(`worker budget: ${fmt(WORKER_BUDGET)} bytes`), `BENCHMARKS.md does not say "worker budget: ${fmt(WORKER_BUDGET)} bytes"`);
  assert.ok(text.includes(`archive worker budget: ${fmt(ARCHIVE_WORKER_BUDGET)} bytes`), `BENCHMARKS.md does not say "archive worker budget: ${fmt(ARCHIVE_WORKER_BUDGET)} bytes"`);
});

test('the first load fits its budget (gzip bytes fetched before the drop zone works)', async () => {
  const srv = await serve();
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const { assets } = await firstLoad(page, srv.url);
    assert.ok(assets.some((a) => a.endsWith('_bg.wasm')), `the page's wasm was not loaded before the drop zone: ${assets}`);
    // The icon is fetched on every first visit, before the drop zone works
    // or just after as the browser pleases: always counted, so the figure
    // does not depend on the browser's timing.
    const counted = [...new Set([...assets, 'icon.svg'])];
    const bytes = counted.reduce((n, a) => n + gz(a), 0);
    console.log(`first load: ${bytes} bytes gzip of ${PAGE_BUDGET} (${counted.join(', ')})`);
    assert.ok(bytes <= PAGE_BUDGET, `the first load is ${bytes} bytes (gzip), over its budget of ${PAGE_BUDGET}: ${counted.join(', ')}`);
  } finally {
    await browser.context.close();
    srv.server.close();
  }
});

test("the worker's wasm fits its budget", () => {
  const bytes = gz('worker_bg.wasm');
  console.log(`worker: ${bytes} bytes gzip of ${WORKER_BUDGET}`);
  assert.ok(bytes <= WORKER_BUDGET, `the worker's wasm is ${bytes} bytes (gzip), over its budget of ${WORKER_BUDGET}`);
});

test("the archive worker's wasm fits its budget", () => {
  const bytes = gz('archive_worker_bg.wasm');
  console.log(`archive worker: ${bytes} bytes gzip of ${ARCHIVE_WORKER_BUDGET}`);
  assert.ok(bytes <= ARCHIVE_WORKER_BUDGET, `the archive worker's wasm is ${bytes} bytes (gzip), over its budget of ${ARCHIVE_WORKER_BUDGET}`);
});
