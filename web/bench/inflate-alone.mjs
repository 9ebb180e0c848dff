// Experiment: web/inflate.js alone (the page's decoding worker, its
// counting transform and batched posts), its consumer only acknowledging,
// against the browser's decoder alone. usage: node bench/inflate-alone.mjs FILE.tar.gz
import { readFileSync } from 'node:fs';
import { launch } from '../tests/harness.mjs';

const src = readFileSync(new URL('../inflate.js', import.meta.url), 'utf8');
const browser = await launch();
const page = await browser.context.newPage();
await page.setContent('<input type=file id=file>');
await page.setInputFiles('#file', process.argv[2]);
for (const mode of ['drop', 'inflate', 'drop', 'inflate', 'drop', 'inflate']) {
  const r = await page.evaluate(async ({ mode, src }) => {
    const file = document.getElementById('file').files[0];
    const t0 = performance.now();
    if (mode === 'drop') {
      const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
      let n = 0;
      for (;;) { const { done, value } = await reader.read(); if (done) break; n += value.length; }
      return [Math.round(performance.now() - t0), n];
    }
    const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    let n = 0, msgs = 0;
    await new Promise((ok) => {
      w.onmessage = (e) => {
        if (e.data.end) return ok();
        msgs++;
        for (const p of e.data.pieces) n += p.length;
        w.postMessage({ ack: n });
      };
      w.postMessage({ file, piece: 1 << 20, inFlight: 4, batch: 1 << 20, window: 16 << 20 });
    });
    w.terminate();
    return [Math.round(performance.now() - t0), n, msgs];
  }, { mode, src });
  console.log(mode.padEnd(8), JSON.stringify(r));
}
await browser.context.close();
