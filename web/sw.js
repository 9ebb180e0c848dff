// Service worker: keeps the app available offline after the first visit.
// Same-origin GETs are answered from the cache and refreshed in the
// background (stale-while-revalidate); nothing else is ever fetched.
const CACHE = 'linklens-v3';
const SHELL = [
  './',
  'index.html',
  'init.js',
  'linklens-web.js',
  'linklens-web_bg.wasm',
  'worker.js',
  'worker_bg.wasm',
  'worker_loader.js',
  'archive_worker.js',
  'archive_worker_bg.wasm',
  'archive_worker_loader.js',
  'inflate.js',
  'style.css',
  'icon.svg',
  'manifest.webmanifest',
];

// The documentation pages are fetched by the page only when opened; for
// offline use they are cached here, after the page has loaded, from the
// list cargo xtask writes beside them.
async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  const pages = await fetch('docs/pages.json').then((r) => r.json()).catch(() => []);
  await cache.addAll(['docs/pages.json', ...pages]).catch(() => undefined);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      const refresh = fetch(request)
        .then((response) => {
          if (response.ok) {
            cache.put(request, response.clone());
          }
          return response;
        })
        .catch(() => undefined);
      if (cached) {
        event.waitUntil(refresh);
        return cached;
      }
      const response = await refresh;
      return response || new Response('offline and not cached', { status: 503 });
    }),
  );
});
