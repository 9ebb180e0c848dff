// Experiment: a .tar.gz decoded in one worker and consumed in another, in
// parallel (the consumer copies each chunk into a 16 MiB ring, as a walker
// would copy it into wasm memory), against the decoder alone.
// usage: node bench/pipeline.mjs FILE.tar.gz
import { launch } from '../tests/harness.mjs';

/** The inflating worker: pipes the file through the decoder, posts each
 * chunk (transferred), at most WINDOW bytes not yet acknowledged. */
function inflater() {
  self.onmessage = async (e) => {
    if (e.data.ack !== undefined) { self.acked = e.data.ack; self.wake?.(); return; }
    const WINDOW = e.data.window;
    let sent = 0;
    self.acked = 0;
    const reader = e.data.file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      while (sent - self.acked > WINDOW) await new Promise((ok) => { self.wake = ok; });
      sent += value.length;
      postMessage(value, [value.buffer]);
    }
    postMessage(null);
  };
}

async function run(file, mode, inflaterSrc) {
  const t0 = performance.now();
  if (mode === 'drop') {
    const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    let n = 0;
    for (;;) { const { done, value } = await reader.read(); if (done) break; n += value.length; }
    return [Math.round(performance.now() - t0), n];
  }
  const ring = new Uint8Array(16 << 20);
  let at = 0, n = 0, chunks = 0;
  const w = new Worker(URL.createObjectURL(new Blob([inflaterSrc], { type: 'text/javascript' })));
  await new Promise((ok) => {
    w.onmessage = (e) => {
      if (e.data === null) return ok();
      const c = e.data;
      let off = 0;
      while (off < c.length) {
        const k = Math.min(c.length - off, ring.length - at);
        ring.set(c.subarray(off, off + k), at);
        at = (at + k) % ring.length; off += k;
      }
      n += c.length; chunks++;
      if (mode === 'pipe-work') { let s = 0; for (let i = 0; i < c.length; i += 512) s += c[i]; self.sink = s; }
      w.postMessage({ ack: n });
    };
    w.postMessage({ file, window: 32 << 20 });
  });
  w.terminate();
  return [Math.round(performance.now() - t0), n, chunks];
}

const browser = await launch();
const page = await browser.context.newPage();
await page.setContent('<input type=file id=file>');
await page.setInputFiles('#file', process.argv[2]);
const inflaterSrc = `(${inflater.toString()})()`;
const worker = `self.onmessage = async (e) => postMessage(await (${run.toString()})(e.data.file, e.data.mode, e.data.src));`;
for (const mode of ['drop', 'pipe', 'drop', 'pipe', 'pipe-work']) {
  const r = await page.evaluate(async ({ mode, worker, src }) => {
    const file = document.getElementById('file').files[0];
    const w = new Worker(URL.createObjectURL(new Blob([worker], { type: 'text/javascript' })));
    const r = await new Promise((ok) => { w.onmessage = (e) => ok(e.data); w.postMessage({ file, mode, src }); });
    w.terminate();
    return r;
  }, { mode, worker, src: inflaterSrc });
  console.log(mode.padEnd(10), JSON.stringify(r));
}
await browser.context.close();
