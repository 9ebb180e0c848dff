// Where a `.tar.gz`'s time goes in a worker, in plain JavaScript (no
// linklens code): the browser's `DecompressionStream` fed two ways — the
// file's own `stream()` piped in (`stream`, `count`: through a counting
// `TransformStream`, as web/inflate.js does) or 4 MiB slices read and
// written in (`feed`, what it did before) — and its output dropped or
// gathered into a `Blob` folded every N MiB (`gather`, `gather8` …
// `gatherall`: one `Blob` at the end). One run of each, twice, alternating.
// Not part of `cargo xtask bench`: the figures behind BENCHMARKS.md's
// "where the time goes".
// usage: node bench/gather.mjs FILE.tar.gz
import { launch } from '../tests/harness.mjs';

const FOLDS = { gather: 64 << 20, gather8: 8 << 20, gather16: 16 << 20, gather256: 256 << 20, gatherall: 2 ** 40 };
const MODES = ['stream-drop', 'feed-gather', 'stream-gather', 'count-gather', 'stream-gather8', 'stream-gather16', 'stream-gather256', 'stream-gatherall'];

/** Runs inside the worker: decode `file` as `mode` says; the time in ms. */
async function decode(file, mode, folds) {
  const [source, sink] = mode.split('-');
  const t0 = performance.now();
  let readable;
  if (source === 'feed') {
    const gunzip = new DecompressionStream('gzip');
    const writer = gunzip.writable.getWriter();
    (async () => {
      const slice = 4 << 20;
      for (let at = 0; at < file.size; at += slice) {
        await writer.write(new Uint8Array(await file.slice(at, Math.min(file.size, at + slice)).arrayBuffer()));
      }
      await writer.close();
    })();
    readable = gunzip.readable;
  } else if (source === 'count') {
    let consumed = 0;
    const counter = new TransformStream({ transform(chunk, c) { consumed += chunk.length; c.enqueue(chunk); } });
    readable = file.stream().pipeThrough(counter).pipeThrough(new DecompressionStream('gzip'));
  } else {
    readable = file.stream().pipeThrough(new DecompressionStream('gzip'));
  }
  const reader = readable.getReader();
  const fold = folds[sink];
  let gathered = [];
  let parts = [];
  let pending = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!fold) continue;
    parts.push(value);
    pending += value.length;
    if (pending >= fold) {
      gathered = [new Blob(gathered.concat(parts))];
      parts = [];
      pending = 0;
    }
  }
  if (fold) {
    const blob = new Blob(gathered.concat(parts));
    await blob.slice(blob.size - 4096).arrayBuffer();
  }
  return Math.round(performance.now() - t0);
}

const browser = await launch();
const page = await browser.context.newPage();
await page.setContent('<input type=file id=file>');
await page.setInputFiles('#file', process.argv[2]);
const worker = `self.onmessage = async (e) => postMessage(await (${decode.toString()})(e.data.file, e.data.mode, ${JSON.stringify(FOLDS)}));`;
for (const mode of [...MODES, ...MODES]) {
  const ms = await page.evaluate(async ({ mode, worker }) => {
    const file = document.getElementById('file').files[0];
    const w = new Worker(URL.createObjectURL(new Blob([worker], { type: 'text/javascript' })));
    const ms = await new Promise((ok) => { w.onmessage = (e) => ok(e.data); w.postMessage({ file, mode }); });
    w.terminate();
    return ms;
  }, { mode, worker });
  console.log(`${mode.padEnd(18)} ${ms} ms`);
}
await browser.context.close();
