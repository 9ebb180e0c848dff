// The embeddable checker (<linklens-check>, embed.js) and its iframe mode
// (embed.html) on the demo pages in web/embed-demo/: a static docs page
// with a strict CSP and hostile host styles, a single-page site that swaps
// its content, and an iframe host. Expectations come from the fixture
// manifest and goldens, as in app.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, fixture, causeIds, shots } from './harness.mjs';

let srv;
let browser;

before(async () => {
  srv = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.context.close();
  srv?.server.close();
});

/** A page that records CSP violations and page errors. */
async function open(path) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(srv.url + path);
  return { page, problems };
}

/** Choose a fixture in one checker (the locator pierces its shadow root). */
async function choose(checker, f) {
  await checker.locator('[data-testid=file-input]').setInputFiles({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) });
  const result = checker.locator(`[data-testid=result][data-file-name="${f.name}"]`);
  await result.locator('[data-testid=verdict]').waitFor({ timeout: 30000 });
  return result;
}

async function expectFixture(result, f) {
  assert.equal(await result.locator('[data-testid=verdict]').textContent(), f.expect.linkage, `${f.name}: verdict`);
  assert.deepEqual(await causeIds(result), [...f.expect.causes].sort(), `${f.name}: causes`);
  if (f.expect.fix) {
    assert.equal(await result.locator('[data-testid=fix-command]').textContent(), f.golden.explanation.fixes[0].command, `${f.name}: fix`);
  }
}

test('two checkers on a static docs page with a strict CSP: drop, verdict, cause, fix; host styles and checker styles stay apart', async () => {
  const { page, problems } = await open('embed-demo/strict-csp.html');
  const first = page.locator('linklens-check#first');
  const second = page.locator('linklens-check#second');
  await first.locator('[data-testid=drop-zone]').waitFor();
  // The second loads its sample on its own.
  const sample = second.locator('[data-testid=result][data-file-name="lookuphost-file-go1.19"]');
  await sample.locator('[data-testid=verdict]').waitFor({ timeout: 30000 });
  assert.equal(await sample.locator('[data-testid=verdict]').textContent(), 'dynamic');
  const f = fixture('sqlite-default-go1.26');
  const result = await choose(first, f);
  await expectFixture(result, f);
  // Each checker has its own results.
  assert.equal(await first.locator('[data-testid=result]').count(), 1);
  assert.equal(await second.locator('[data-testid=result]').count(), 1);
  // The recipes work inside the shadow root too.
  await result.locator('[data-testid=recipe-tab][data-recipe-kind=dockerfile]').first().click();
  assert.match(await result.locator('[data-testid=recipe][data-recipe-kind=dockerfile] code').first().textContent(), /^# syntax=docker\/dockerfile:1/);
  // The host's loud styles do not reach the checker…
  const inside = await first.locator('[data-testid=choose-files]').evaluate((e) => {
    const s = getComputedStyle(e);
    return { font: s.fontFamily, background: s.backgroundColor };
  });
  assert.ok(!/Comic Sans/.test(inside.font), inside.font);
  assert.notEqual(inside.background, 'rgb(255, 0, 255)');
  const pre = await result.locator('[data-testid=fix-command]').evaluate((e) => getComputedStyle(e.closest('pre')).whiteSpace);
  assert.notEqual(pre, 'normal', 'the host cannot collapse the command');
  // …and the checker's styles do not reach the host.
  const host = await page.locator('#host-button').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(host, 'rgb(255, 0, 255)');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 251, 230)');
  await page.screenshot({ path: join(shots, 'embed-strict-csp.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no CSP violation, no error');
  await page.close();
});

test('a single-page site: navigate away and back, the checker starts again and works', async () => {
  const { page, problems } = await open('embed-demo/spa.html?page=check');
  const checker = () => page.locator('linklens-check');
  const sample = () => checker().locator('[data-testid=result][data-file-name="lookuphost-file-go1.19"] [data-testid=verdict]');
  await sample().waitFor({ timeout: 30000 });
  await page.locator('#to-about').click();
  assert.equal(await page.locator('linklens-check').count(), 0, 'gone with its page');
  await page.locator('#to-check').click();
  await sample().waitFor({ timeout: 30000 });
  assert.equal(await sample().textContent(), 'dynamic');
  const f = fixture('userlookup-default-go1.26');
  await expectFixture(await choose(checker(), f), f);
  // Back and forward through history too.
  await page.goBack();
  await page.locator('h1', { hasText: 'About' }).waitFor();
  await page.goForward();
  await sample().waitFor({ timeout: 30000 });
  assert.deepEqual(problems, [], 'no CSP violation, no error');
  await page.close();
});

test('the iframe mode sizes itself to its content and works without the host running linklens', async () => {
  const { page, problems } = await open('embed-demo/iframe.html');
  const frame = page.frameLocator('#checker');
  await frame.locator('linklens-check [data-testid=drop-zone]').waitFor();
  const before = await page.locator('#checker').evaluate((e) => e.getBoundingClientRect().height);
  const f = fixture('lookuphost-default-go1.26');
  await frame.locator('[data-testid=file-input]').setInputFiles({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) });
  const result = frame.locator(`[data-testid=result][data-file-name="${f.name}"]`);
  await result.locator('[data-testid=verdict]').waitFor({ timeout: 30000 });
  await expectFixture(result, f);
  await page.waitForFunction((h) => document.getElementById('checker').getBoundingClientRect().height > h + 300, before);
  const inner = await frame.locator('html').evaluate((e) => e.scrollHeight);
  const outer = await page.locator('#checker').evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(Math.abs(inner - outer) < 40, `frame ${outer}px for content ${inner}px`);
  assert.deepEqual(problems, [], 'no CSP violation, no error');
  await page.close();
});
