// The browser's own gzip decoder alone (cargo xtask bench, archives): the
// file's `stream()` piped through `DecompressionStream("gzip")`, every
// chunk read and dropped — no walk, no `Blob` gathered. What a page that
// decodes natively cannot go below; median of 5 in one page.
// usage: node bench/decoder.mjs OUT.json FILE.gz
import { writeFileSync } from 'node:fs';
import { serve, launch } from '../tests/harness.mjs';

const [out, file] = process.argv.slice(2);
const RUNS = 5;
const srv = await serve();
const browser = await launch();
const page = await browser.context.newPage();
await page.goto(srv.url);
await page.evaluate(() => {
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'decoder-bench';
  document.body.append(input);
});
await page.setInputFiles('#decoder-bench', file);
const runs = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(await page.evaluate(async () => {
    const f = document.getElementById('decoder-bench').files[0];
    const t0 = performance.now();
    const reader = f.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    return { ms: performance.now() - t0, bytes };
  }));
}
await browser.context.close();
srv.server.close();
const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
const result = { median_ms: +ms[Math.floor(RUNS / 2)].toFixed(1), runs_ms: ms.map((t) => +t.toFixed(1)), decoded_bytes: runs[0].bytes };
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`the browser's decoder alone: ${(result.decoded_bytes / 1e6).toFixed(0)} MB decoded, median ${result.median_ms} ms`);
