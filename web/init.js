// Starts the app (Trunk's script injection is off so that the CSP allows
// no inline script) and registers the service worker for offline use.
import init from './linklens-web.js';

// The worker answers "static or not": it starts now, fetched and compiled
// beside the page's own wasm, not after the first render. The page adopts
// it (worker_bridge.rs); its first message, "ready", may come before that.
try {
  const worker = new Worker(new URL('worker_loader.js', import.meta.url));
  const early = { worker, ready: false };
  worker.addEventListener('message', (e) => { if (e.data === 'ready') early.ready = true; });
  globalThis.linklensWorker = early;
} catch {
  // The page starts its own when it needs one (and says so if it cannot).
}

await init({ module_or_path: new URL('linklens-web_bg.wasm', import.meta.url) });

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch(() => {
    // Offline support is a bonus; the page works without it.
  });
}
