// The documentation companion: a page per cause (from the core's
// catalogue), the guide, and samples that analyse like dropped files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, fixture, result, causeIds, openApp, dist, shots, root } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The ids the core can report, as cargo xtask writes them from the typed
// vocabulary (web/generated/vocabulary.json): the pages must match these.
const VOCAB = JSON.parse(readFileSync(join(root, 'web/generated/vocabulary.json'), 'utf8'));
const CAUSE_IDS = VOCAB.causes.map((c) => c.id);
const WARNING_IDS = VOCAB.warnings.map((w) => w.id);

// The questions the guide answers (crates/linklens/src/guide.rs), in order.
const QUESTIONS = [
  "I didn't use cgo; why is my binary dynamic?",
  'ldd says "not a dynamic executable" / "statically linked" / "Not a valid dynamic program" — which is it?',
  'file says static-pie — is that static?',
  'CGO_ENABLED=0 vs -tags netgo vs osusergo?',
  'Do I still need -a -installsuffix?',
  'Why did -extldflags -static do nothing?',
  'What does the getaddrinfo static-link warning mean?',
  'How do I build go-sqlite3 statically?',
  'zig cc for cgo?',
  'Built on Alpine, fails elsewhere (bad ELF interpreter)?',
  'Static and PIE at once?',
  'go version -m says CGO_ENABLED=1 — is it dynamic?',
  'Which dependency uses cgo?',
  'Does GODEBUG=netdns=go make it static?',
  'What changes if I use netgo/osusergo?',
  'macOS / Windows?',
  'Can a stripped binary still be checked?',
  "version `GLIBC_2.34' not found (required by ./app) — why, and how do I fix it?",
  'exec /app: no such file or directory — but the file is right there in my scratch image?',
];

const SAMPLES = VOCAB.samples;

let srv;
let browser;
let page;

before(async () => {
  srv = await serve();
  browser = await launch();
  ({ page } = await openApp(browser.context, srv.url));
});

after(async () => {
  await browser?.context.close();
  srv?.server.close();
});

async function go(hash) {
  await page.goto(srv.url + hash);
}

test('the core knows the causes the pages are checked against', () => {
  assert.deepEqual(CAUSE_IDS, ['dns', 'osuser', 'cgo-own', 'cgo-dep', 'pie-interp', 'plugin', 'non-go', 'race', 'external-link', 'gccgo', 'purego', 'sanitizer']);
  assert.ok(WARNING_IDS.includes('glibc-static-nss') && WARNING_IDS.includes('musl-dynamic'), WARNING_IDS.join());
  assert.equal(SAMPLES.length, 13);
});

test('every cause and warning has a page, by URL, and the index lists exactly those', async () => {
  const topics = [...VOCAB.causes.map((t) => ({ ...t, why: 'Why it makes the binary dynamic' })),
    ...VOCAB.warnings.map((t) => ({ ...t, why: 'Why it matters' }))];
  for (const t of topics) {
    await go(`#/cause/${t.id}`);
    const pageEl = page.locator(`[data-testid=cause-page][data-topic-id="${t.id}"]`);
    await pageEl.waitFor();
    assert.equal(await pageEl.locator('h2').textContent(), t.title, t.id);
    for (const heading of ['What happens', t.why, 'See it yourself']) {
      assert.equal(await pageEl.locator('h3', { hasText: heading }).count(), 1, `${t.id}: ${heading}`);
    }
    // Each fix the catalogue names for the topic is on its page.
    const fixes = await pageEl.locator('.doc-fix').evaluateAll((els) => els.map((e) => e.dataset.fixId));
    assert.deepEqual(fixes, t.fixes, `${t.id}: fixes`);
  }
  await go('#/causes');
  await page.locator('[data-testid=causes-index]').waitFor();
  const listed = await page.locator('[data-testid=topic-link]').evaluateAll((els) => els.map((e) => e.dataset.topicId));
  assert.deepEqual(listed, topics.map((t) => t.id));
  for (const id of listed) {
    assert.ok(CAUSE_IDS.includes(id) || WARNING_IDS.includes(id), `page ${id} names a cause the core does not report`);
  }
  await go('#/cause/no-such-thing');
  await page.locator('[data-testid=not-found]').waitFor();
});

test('the result view links each cause to its page', async () => {
  await go('#/');
  const f = fixture('netuser-default-go1.26');
  await page.setInputFiles('[data-testid=file-input]', [{ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) }]);
  const article = await result(page, f.name);
  for (const id of ['dns', 'osuser']) {
    await article.locator(`[data-testid=cause][data-cause-id="${id}"] [data-testid=cause-page-link]`).click();
    await page.locator(`[data-testid=cause-page][data-topic-id="${id}"]`).waitFor();
    await page.goBack();
    await page.locator(`[data-testid=result][data-file-name="${f.name}"]`).waitFor();
  }
});

test('each warning in a result links to its page, with the words of the catalogue', async () => {
  await go('#/');
  const f = fixture('lookuphost-glibc-static-go1.26');
  await page.setInputFiles('[data-testid=file-input]', [{ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) }]);
  const article = await result(page, f.name);
  const warning = article.locator('[data-testid=warning][data-warning-id="glibc-static-nss"]');
  assert.ok((await warning.textContent()).includes(f.golden.explanation.warnings[0]));
  await warning.locator('[data-testid=warning-page-link]').click();
  const pageEl = page.locator('[data-testid=cause-page][data-topic-id="glibc-static-nss"]');
  await pageEl.waitFor();
  assert.equal(await pageEl.locator('h2').textContent(), VOCAB.warnings.find((w) => w.id === 'glibc-static-nss').title);
  await page.goBack();
  await page.locator(`[data-testid=result][data-file-name="${f.name}"]`).waitFor();
});

test('the page\'s wasm leaves out the docs (fetched when opened) and the printers (the worker renders)', () => {
  const wasm = readFileSync(join(dist, 'linklens-web_bg.wasm'));
  const worker = readFileSync(join(dist, 'worker_bg.wasm'));
  for (const q of QUESTIONS) {
    assert.ok(!wasm.includes(Buffer.from(q)), `the guide's "${q}" is in the page's wasm`);
  }
  // The Dockerfile and Actions recipe printers, the Markdown export's footer.
  for (const marker of ['# syntax=docker/dockerfile:1', 'actions/setup-go', 'nothing was uploaded']) {
    assert.ok(!wasm.includes(Buffer.from(marker)), `"${marker}" is in the page's wasm`);
    assert.ok(worker.includes(Buffer.from(marker)), `"${marker}" is not in the worker's wasm`);
  }
  const pages = JSON.parse(readFileSync(join(dist, 'docs/pages.json'), 'utf8'));
  assert.deepEqual(pages.slice(0, 2), ['docs/guide.html', 'docs/causes.html']);
  assert.deepEqual(pages.slice(2), [...CAUSE_IDS, ...WARNING_IDS].map((id) => `docs/cause/${id}.html`));
  for (const p of pages) {
    assert.match(readFileSync(join(dist, p), 'utf8'), /^<article [^>]*class="doc[ "]/, p);
  }
});

test('the guide answers every question, in order, each with an anchor', async () => {
  await go('#/guide');
  const sections = page.locator('[data-testid=question]');
  await sections.first().waitFor();
  const texts = await sections.locator('h3').allTextContents();
  assert.deepEqual(texts, QUESTIONS);
  const ids = await sections.evaluateAll((els) => els.map((e) => e.dataset.questionId));
  for (const id of ids) {
    await go(`#/guide/${id}`);
    const el = page.locator(`#q-${id}`);
    await el.waitFor();
    assert.ok(await el.isVisible(), id);
  }
  await page.screenshot({ path: join(shots, 'guide-desktop-light.png') });
});

test('every sample analyses to what its manifest says, fetched only when chosen', async () => {
  const total = readdirSync(join(dist, 'samples')).reduce((n, f) => n + statSync(join(dist, 'samples', f)).size, 0);
  // One real binary per cause, fetched only when chosen: 9.8 MB with purego
  // and -asan (7.9 MB before them).
  assert.ok(total < 10.5e6, `samples weigh ${total} bytes`);
  await go('#/');
  const before = browser.requests.filter((u) => u.includes('/samples/')).length;
  assert.equal(before, 0, 'no sample is fetched before it is chosen');
  for (const s of SAMPLES) {
    const f = fixture(s.fixture);
    await page.locator('[data-testid=samples-menu] summary').click();
    await page.locator(`[data-testid=sample-link][data-sample="${s.slug}"]`).click();
    const article = await result(page, f.name);
    assert.equal(await article.locator('[data-testid=verdict]').textContent(), f.expect.linkage, s.slug);
    assert.deepEqual(await causeIds(article), [...f.expect.causes].sort(), s.slug);
    await page.locator('[data-testid=clear]').click();
  }
});

test('a sample link opens its result: a DNS-dynamic binary and its fix within two clicks', async () => {
  await go('#/sample/lookuphost');
  const f = fixture('lookuphost-file-go1.19');
  const article = await result(page, f.name);
  assert.deepEqual(await causeIds(article), ['dns']);
  assert.equal(await article.locator('[data-testid=fix-command]').textContent(), f.golden.explanation.fixes[0].command);
  await page.screenshot({ path: join(shots, 'sample-lookuphost-desktop-light.png'), fullPage: true });
  // From the guide, two clicks: the menu, then the example.
  await go('#/guide');
  await page.locator('[data-testid=samples-menu] summary').click();
  await page.locator('[data-testid=sample-link][data-sample=lookuphost]').click();
  await result(page, f.name);
});

test('cause page and guide: no serious accessibility violations, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const hash of ['#/cause/dns', '#/cause/glibc-static-nss', '#/guide', '#/causes']) {
      await go(hash);
      await page.locator('.doc').first().waitFor();
      if (hash === '#/cause/dns') await page.screenshot({ path: join(shots, `cause-dns-desktop-${scheme}.png`), fullPage: true });
      await page.evaluate(AXE);
      const found = await page.evaluate(async () => {
        document.querySelectorAll('details').forEach((d) => { d.open = true; });
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, help: v.help }));
      });
      assert.deepEqual(found, [], `${hash} (${scheme}): ${JSON.stringify(found)}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('samples work offline once loaded, and no request ever left the origin', async () => {
  await go('#/sample/static');
  await result(page, 'hello-default-go1.19');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
  // Load it once more under the service worker so it is cached.
  await go('#/');
  await go('#/sample/static');
  await result(page, 'hello-default-go1.19');
  await browser.context.setOffline(true);
  try {
    await page.reload();
    await result(page, 'hello-default-go1.19');
    await go('#/cause/osuser');
    await page.locator('[data-testid=cause-page]').waitFor();
  } finally {
    await browser.context.setOffline(false);
  }
  const outside = browser.requests.filter((u) => !u.startsWith(srv.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, []);
});

// A newcomer's first minute: what it is, one screenshot, and the Quick
// start (requirements, then the two commands) on the README's first screen.
test("the README's first screen says what it is, shows it, and gives the two commands", () => {
  const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n');
  const first = lines.slice(0, 45).join('\n');
  assert.match(first, /^# linklens\n\nlinklens tells a Go developer whether a Linux binary is statically linked/);
  const image = first.match(/!\[[^\]]+\]\((web\/[^)]+\.png)\)/);
  assert.ok(image, 'a screenshot near the top');
  const size = statSync(join(root, image[1])).size;
  assert.ok(size < 250_000, `${image[1]} is ${size} bytes`);
  const quick = first.indexOf('## Quick start');
  assert.ok(quick > 0 && first.indexOf('Requirements:') > quick, 'requirements under Quick start');
  assert.ok(first.indexOf('cargo xtask serve') > first.indexOf('Requirements:'), 'then the commands');
  assert.ok(first.includes('cargo xtask test'));
});
