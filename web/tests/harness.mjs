// Shared test harness: a static server for dist/ on 127.0.0.1, Debian's
// Chromium driven by playwright-core, the fixture manifest and binaries,
// and helpers to drop files the two ways a person can.
import { createServer } from 'node:http';
import { readFileSync, existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { join, extname, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const dist = process.env.LINKLENS_DIST || join(root, 'dist');
export const shots = join(root, 'target/screenshots');
mkdirSync(shots, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

/** Serve dist/ under a sub-path, to prove relative URLs work anywhere;
 *  `extra` maps more paths to their text (a bench's own pages, kept out
 *  of dist/). */
export async function serve(prefix = '/some/sub/path/', extra = {}) {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`no build in ${dist}: run cargo xtask test (it builds dist/ first)`);
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('outside the app');
      return;
    }
    let path = url.pathname.slice(prefix.length) || 'index.html';
    if (Object.hasOwn(extra, path)) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'text/plain', 'cache-control': 'no-cache' });
      res.end(extra[path]);
      return;
    }
    const file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, url: origin + prefix };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launch(options = {}) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'linklens-')), {
    executablePath: process.env.LINKLENS_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
    ...options,
  });
  /** Every request the browser makes, page and workers alike. */
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  return { context, requests };
}

const manifest = JSON.parse(readFileSync(join(root, 'fixtures/manifest.json'), 'utf8'));
export function fixture(name) {
  const entry = manifest.fixtures.find((f) => f.name === name);
  if (!entry || !entry.file) throw new Error(`no built fixture ${name}`);
  const bytes = gunzipSync(readFileSync(join(root, 'fixtures', entry.file)));
  const golden = JSON.parse(readFileSync(join(root, 'fixtures/bin', `${name}.json`), 'utf8'));
  return { ...entry, bytes, golden };
}

/** Drop files on the page through a real DataTransfer drop event. */
export async function drop(page, files) {
  const payload = files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bin = atob(f.data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    const target = document.querySelector('[data-testid=drop-zone]') || document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, payload);
}

/**
 * Drop one file and measure, inside the page, the time from the drop event
 * to the rendered verdict (the file is built before the clock starts).
 */
export async function timedDrop(page, f) {
  const data = Buffer.from(f.bytes).toString('base64');
  return page.evaluate(async ({ name, data }) => {
    const bin = atob(data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name));
    const selector = `[data-testid=result][data-file-name="${name}"] [data-testid=verdict]`;
    const done = new Promise((ok) => {
      const seen = () => document.querySelector(selector);
      const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); ok(performance.now()); } });
      obs.observe(document.body, { childList: true, subtree: true });
    });
    const t0 = performance.now();
    const zone = document.querySelector('[data-testid=drop-zone]');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
    return (await done) - t0;
  }, { name: f.name, data });
}

/** Choose files through the file input, as the "Choose files" button does. */
export async function choose(page, files) {
  await page.setInputFiles('[data-testid=file-input]', files.map((f) => ({
    name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes),
  })));
}

/** The result article for a file, once it shows a verdict or an error. */
export async function result(page, name, timeout = 30000) {
  const article = page.locator(`[data-testid=result][data-file-name="${name}"]`).first();
  await article.locator('[data-testid=verdict], [data-testid=error]').first().waitFor({ timeout });
  return article;
}

export async function causeIds(article) {
  const ids = await article.locator('[data-testid=cause]').evaluateAll((els) => els.map((e) => e.dataset.causeId));
  return [...new Set(ids)].sort();
}

export async function openApp(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.locator('[data-testid=drop-zone]').waitFor();
  return { page, errors };
}

const archives = JSON.parse(readFileSync(join(root, 'fixtures/archives/manifest.json'), 'utf8'));
/** An archive fixture: its bytes (stored gzipped) and what it was built to hold. */
export function archiveFixture(name) {
  const entry = archives.archives.find((a) => a.name === name);
  if (!entry) throw new Error(`no archive fixture ${name}`);
  return { ...entry, bytes: gunzipSync(readFileSync(join(root, 'fixtures/archives', `${name}.gz`))) };
}

/** The result article for an archive, once its group is shown. */
export async function archiveResult(page, name, timeout = 30000) {
  const article = page.locator(`[data-testid=result][data-file-name="${name}"]`).first();
  await article.locator('[data-testid=archive], [data-testid=error]').first().waitFor({ timeout });
  return article;
}

/**
 * Open the app in `page` (a fresh profile's) and wait until the drop zone
 * works: the time that took inside the page, and the dist/ paths of every
 * file that had arrived by then (index.html first).
 */
export async function firstLoad(page, url) {
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid=drop-zone]')) {
        window.__interactive = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(url);
  await page.locator('[data-testid=drop-zone]').waitFor();
  const { interactive, arrived } = await page.evaluate(() => ({
    interactive: window.__interactive,
    arrived: performance.getEntriesByType('resource').filter((e) => e.responseEnd <= window.__interactive).map((e) => e.name),
  }));
  // Each file once: the browser sometimes asks twice for the icon (the
  // page's link and the manifest's), the second answered from its cache.
  const assets = [...new Set(['index.html', ...arrived.map((u) => decodeURIComponent(new URL(u).pathname).replace(/^.*\/some\/sub\/path\//, ''))])];
  return { interactive, assets };
}
