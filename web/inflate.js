// The decoding half of a dropped .tar.gz, in a worker of its own (started
// by the archive worker): the file's stream piped through the browser's
// own gzip decoder, each decoded chunk posted on (transferred, not copied)
// with a lower bound of the compressed bytes decoded so far, while the
// archive worker walks the chunks before — the two run at once, on two
// cores. Plain JavaScript: it parses nothing and decides nothing.
//
// In:  { file, piece, inFlight, batch, window }, then { ack: bytes taken }.
// Out: { pieces: [Uint8Array], consumed: [count at each] }, then
//      { end: true } — or
//      { failed: true } (damaged, cut short or unreadable) or
//      { unsupported: true } (no DecompressionStream here).
let taken = 0;
let wake = null;

self.onmessage = (e) => {
  if (e.data.ack !== undefined) {
    taken = e.data.ack;
    if (wake) wake();
    return;
  }
  inflate(e.data).catch(() => postMessage({ failed: true }));
};

async function inflate({ file, piece, inFlight, batch, window }) {
  if (typeof DecompressionStream !== 'function') {
    postMessage({ unsupported: true });
    return;
  }
  // The file handed to the decoder in pieces of at most `piece` bytes,
  // counted as they go — all but the last `inFlight`, which the decoder
  // may not have taken yet: a count ahead of the decoder would let a
  // bomb's ratio pass here that the wasm's walk refuses (a count too low
  // only sends the file there).
  let consumed = 0;
  const recent = [];
  const count = new TransformStream({
    transform(chunk, controller) {
      for (let at = 0; at < chunk.length; at += piece) {
        const part = chunk.subarray(at, Math.min(chunk.length, at + piece));
        controller.enqueue(part);
        recent.push(part.length);
        if (recent.length > inFlight) consumed += recent.shift();
      }
    },
  });
  const reader = file.stream().pipeThrough(count).pipeThrough(new DecompressionStream('gzip')).getReader();
  // Decoded chunks (64 KiB each, in Chromium) posted `batch` bytes at a
  // time, each with its own count: one message per chunk cost both
  // threads a tenth of the time.
  let sent = 0;
  let pieces = [];
  let counts = [];
  let pending = 0;
  const post = async () => {
    // At most `window` bytes posted and not yet taken by the walk.
    while (sent - taken > window) await new Promise((ok) => { wake = ok; });
    wake = null;
    sent += pending;
    // A chunk with a buffer of its own is moved, not copied.
    const own = pieces.filter((p) => p.byteOffset === 0 && p.byteLength === p.buffer.byteLength).map((p) => p.buffer);
    postMessage({ pieces, consumed: counts }, own);
    pieces = [];
    counts = [];
    pending = 0;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(value);
    counts.push(consumed);
    pending += value.length;
    if (pending >= batch) await post();
  }
  if (pending > 0) await post();
  postMessage({ end: true });
}
