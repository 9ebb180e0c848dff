// End-to-end tests of the built page (dist/) in Debian's Chromium.
// Expectations come from the fixture manifest (verdict, causes, fix id) and
// the golden reports (the exact command), never from the page itself.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync, writeSync, openSync, closeSync, ftruncateSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, deflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import {
  serve, launch, fixture, drop, choose, result, causeIds, openApp, timedDrop, dist, shots, root,
  archiveFixture, archiveResult,
} from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// One fixture of each kind the page must get right.
const KINDS = [
  ['static', 'hello-default-go1.26'],
  ['static-pie', 'hello-static-pie-go1.26'],
  ['dns', 'lookuphost-default-go1.26'],
  ['osuser', 'userlookup-default-go1.26'],
  ['both', 'netuser-default-go1.26'],
  ['own cgo', 'cstdio-default-go1.26'],
  ['go-sqlite3', 'sqlite-default-go1.26'],
  ['PIE', 'hello-pie-go1.26'],
  ['musl-static', 'lookuphost-musl-go1.26'],
  ['arm64', 'cstdio-arm64-zig-go1.26'],
  ['go 1.19', 'lookuphost-file-go1.19'],
  ['non-Go', 'rust-dynamic'],
  ['Mach-O', 'hello-darwin-arm64-go1.26'],
  ['PE', 'hello-windows-amd64-go1.26'],
];

/** A POSIX tar header for a regular file. */
function tarHeader(name, size) {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000755\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

/** Remove every result, if there is any. */
async function clear(page) {
  const button = page.locator('[data-testid=clear]');
  if (await button.count()) await button.click();
}

let srv;
let browser;
let app;

before(async () => {
  srv = await serve();
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.origin });
  app = await openApp(browser.context, srv.url);
});

after(async () => {
  await browser?.context.close();
  srv?.server.close();
});

async function expectMatchesManifest(page, f, how) {
  const article = await result(page, f.name);
  const verdict = await article.locator('[data-testid=verdict]').textContent();
  assert.equal(verdict, f.expect.linkage, `${f.name} (${how}): verdict`);
  assert.deepEqual(await causeIds(article), [...f.expect.causes].sort(), `${f.name} (${how}): causes`);
  const command = article.locator('[data-testid=fix-command]');
  if (f.expect.fix) {
    assert.equal(await command.textContent(), f.golden.explanation.fixes[0].command, `${f.name} (${how}): recommended command`);
    assert.equal(f.golden.explanation.fixes[0].id, f.expect.fix, `${f.name}: golden and manifest agree on the fix`);
  } else {
    assert.equal(await command.count(), 0, `${f.name} (${how}): no fix expected`);
  }
  return article;
}

describe('each kind of binary', () => {
  for (const [kind, name] of KINDS) {
    test(`${kind} (${name}) by drop and by the file input`, async () => {
      const f = fixture(name);
      const { page } = app;
      await clear(page);
      await drop(page, [{ name: f.name, bytes: f.bytes }]);
      await expectMatchesManifest(page, f, 'drop');
      await clear(page);
      await choose(page, [{ name: f.name, bytes: f.bytes }]);
      await expectMatchesManifest(page, f, 'file input');
      await clear(page);
    });
  }
});

describe('bad input gets a clear message and the page keeps working', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const hello = () => fixture('hello-default-go1.26');
  const cases = [
    ['empty.bin', Buffer.alloc(0), /empty/],
    ['notes.txt', Buffer.from('just some notes\n'), /text file/],
    ['picture.png', png, /PNG image/],
    ['cut.elf', () => hello().bytes.subarray(0, 40), /cut short/],
    ['cut-later.elf', () => hello().bytes.subarray(0, 3000), /cut short \(the file is 3000 bytes, but its header tables reach byte \d+\)/],
  ];
  for (const [name, data, message] of cases) {
    test(name, async () => {
      const { page, errors } = app;
      const bytes = typeof data === 'function' ? data() : data;
      await drop(page, [{ name, bytes }]);
      const article = await result(page, name);
      const text = await article.textContent();
      assert.match(text, message, `${name}: ${text}`);
      // The next file still works.
      const f = hello();
      await drop(page, [{ name: `after-${name}`, bytes: f.bytes }]);
      const next = await result(page, `after-${name}`);
      assert.equal(await next.locator('[data-testid=verdict]').textContent(), 'static');
      assert.deepEqual(errors, []);
      await clear(page);
    });
  }

  test('a 4 GB file is read lazily and answered at once', async () => {
    const path = join(root, 'target/four-gigabytes.bin');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 4 * 1024 ** 3); // sparse: costs no disk
    closeSync(fd);
    try {
      const { page } = app;
      await page.setInputFiles('[data-testid=file-input]', path);
      const article = await result(page, 'four-gigabytes.bin', 60000);
      const err = article.locator('[data-testid=error]');
      assert.equal(await err.count(), 1);
      assert.match(await err.textContent(), /not an executable/);
      await clear(page);
    } finally {
      rmSync(path, { force: true });
    }
  });
});

test('hostile files give the same answer in the worker as natively, each with a clear message', async () => {
  // Written by crates/linklens/tests/hostile.rs (cargo test runs first).
  const dir = join(root, 'target/hostile');
  const cases = readdirSync(dir).filter((n) => n.endsWith('.elf')).sort();
  assert.ok(cases.length >= 15, `${cases.length} hostile files in ${dir}`);
  const { page } = app;
  await drop(page, cases.map((name) => ({ name, bytes: readFileSync(join(dir, name)) })));
  for (const name of cases) {
    const want = JSON.parse(readFileSync(join(dir, name.replace(/\.elf$/, '.json')), 'utf8'));
    const article = await result(page, name);
    if (want.linkage) {
      assert.equal(await article.locator('[data-testid=verdict]').textContent(), want.linkage, name);
    } else {
      const error = article.locator('[data-testid=error]');
      assert.equal(await error.getAttribute('data-error-code'), want.error, name);
      assert.ok((await error.textContent()).length > 30, `${name}: ${await error.textContent()}`);
    }
  }
  // The page still works after all of them.
  const f = fixture('hello-default-go1.26');
  await drop(page, [{ name: 'after-hostile', bytes: f.bytes }]);
  assert.equal(await (await result(page, 'after-hostile')).locator('[data-testid=verdict]').textContent(), 'static');
  await clear(page);
});

test('several files at once: one result each, then compare before and after', async () => {
  const { page } = app;
  const before = fixture('lookuphost-default-go1.26');
  const afterFix = fixture('lookuphost-netgo-go1.26');
  const other = fixture('cstdio-musl-go1.26');
  await drop(page, [before, afterFix, other].map((f) => ({ name: f.name, bytes: f.bytes })));
  for (const f of [before, afterFix, other]) {
    await expectMatchesManifest(page, f, 'multi-drop');
  }
  assert.equal(await page.locator('[data-testid=result]').count(), 3);
  const sentence = await page.locator('[data-testid=compare-sentence]').textContent();
  assert.equal(
    sentence,
    'dynamic → static. Gone: dns. No longer needs libc.so.6. Interpreter: /lib64/ld-linux-x86-64.so.2 → none. '
      + 'glibc floor: 2.34 → none. Runs on 21 of the targets, was 10.',
  );
  await page.screenshot({ path: join(shots, 'compare-desktop-light.png'), fullPage: true });
  await clear(page);
});

describe('where it runs', () => {
  const vocabulary = JSON.parse(readFileSync(join(root, 'web/generated/vocabulary.json'), 'utf8'));
  const glibcOf = Object.fromEntries(vocabulary.targets.map((t) => [t.id, t.glibc]));
  const version = (v) => v.split('.').map(Number);
  const atLeast = (a, b) => {
    const [x, y] = [version(a), version(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
      if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
    }
    return true;
  };
  const names = [
    'lookuphost-default-go1.26', 'lookuphost-zig-glibc2.17-go1.26', 'cstdio-zig-glibc2.28-go1.26',
    'cstdio-arm64-zig-glibc2.17-go1.26', 'c-weak-newer', 'lookuphost-musl-dynamic-go1.26',
    'hello-default-go1.26', 'hello-s390x-go1.26', 'hello-darwin-arm64-go1.26',
  ];
  for (const name of names) {
    test(`${name}: one row per target, as built`, async () => {
      const f = fixture(name);
      const { page } = app;
      await clear(page);
      await drop(page, [{ name: f.name, bytes: f.bytes }]);
      const article = await result(page, f.name);
      const order = vocabulary.targets.map((t) => t.id);
      const rows = (await article.locator('[data-testid=target]').evaluateAll((trs) => trs.map((tr) => ({
        id: tr.dataset.targetId, verdict: tr.dataset.verdict, reason: tr.dataset.reasonId,
        error: tr.closest('[data-testid=target-group]').querySelector('[data-testid=target-error]')?.textContent ?? null,
      })))).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
      if (f.expect.format !== 'elf') {
        assert.equal(rows.length, 0, `${name}: no targets for a file that is not ELF`);
        assert.match(await article.locator('[data-testid=portability-note]').textContent(), /Targets are Linux images/);
        await clear(page);
        return;
      }
      assert.deepEqual(rows.map((r) => r.id), vocabulary.targets.map((t) => t.id), `${name}: every target, in order`);
      // The same verdicts, reasons and errors as the native analysis.
      assert.deepEqual(
        rows,
        f.golden.explanation.targets.map((t) => ({ id: t.id, verdict: t.verdict, reason: t.reason_id, error: t.error ?? null })),
        `${name}: page and native agree`,
      );
      for (const r of rows) {
        if (r.reason === 'arch-unpublished') continue;
        if (f.expect.linkage !== 'dynamic') assert.ok(['runs', 'starts-but'].includes(r.verdict), `${name}: static starts on ${r.id}`);
        if (f.expect.glibc_linked_for && glibcOf[r.id] && atLeast(glibcOf[r.id], f.expect.glibc_linked_for)) {
          assert.ok(!['glibc-too-old', 'glibc-weak-too-old'].includes(r.reason), `${name}: linked for ${f.expect.glibc_linked_for}, ${r.id} has ${glibcOf[r.id]}`);
        }
        if (r.verdict === 'fails') assert.ok(r.error, `${name}: a failing row says what the user sees (${r.id})`);
      }
      if (f.expect.musl_dynamic) {
        assert.equal(rows.find((r) => r.id === 'alpine').verdict, 'runs');
        assert.equal(rows.find((r) => r.id === 'debian-12').verdict, 'fails');
      }
      if (name === 'lookuphost-default-go1.26') {
        const d11 = rows.find((r) => r.id === 'debian-11');
        assert.equal(d11.verdict, 'fails');
        assert.match(d11.error, /version `GLIBC_2\.34' not found/);
        assert.match(await article.locator('[data-testid=floor]').first().textContent(), /2\.34 \(GLIBC_2\.34: pthread_/);
        const fix = article.locator('[data-testid=target-group]:has([data-target-id=debian-11]) [data-testid=target-fix]');
        assert.equal(await fix.textContent(), f.golden.explanation.fixes[0].command, 'a failing row carries the recommended fix');
        await article.locator('[data-testid=where-it-runs]').screenshot({ path: join(shots, 'where-it-runs-desktop-light.png') });
      }
      await clear(page);
    });
  }
});

describe('archives and images dropped as they are', () => {
  const FORMATS = ['release.tar', 'release.tar.gz', 'release.tar.xz', 'release.tar.zst', 'release.zip', 'release-stored.zip',
    'nested.zip', 'hello_1.0_amd64.deb', 'c-dynamic.zst'];
  for (const name of FORMATS) {
    test(`${name}: a group with one result per binary, dynamic ones open`, async () => {
      const { page } = app;
      const a = archiveFixture(name);
      const count = browser.requests.length;
      await drop(page, [{ name, bytes: a.bytes }]);
      const article = await archiveResult(page, name);
      const group = article.locator('[data-testid=archive]');
      assert.equal(await group.getAttribute('data-format'), a.format);
      const members = group.locator('[data-testid=member]');
      assert.equal(await members.count(), a.members.length);
      for (let i = 0; i < a.members.length; i++) {
        const m = members.nth(i);
        assert.equal(await m.getAttribute('data-path'), a.members[i].path);
        assert.equal(await m.getAttribute('data-linkage'), a.members[i].linkage);
        assert.equal(await m.evaluate((d) => d.open), a.members[i].linkage === 'dynamic', `${a.members[i].path}: open when dynamic`);
      }
      const dynamic = group.locator('[data-testid=member][data-linkage=dynamic]').first();
      if (await dynamic.count()) {
        await dynamic.locator('[data-testid=verdict]').waitFor();
        assert.equal(await dynamic.locator('[data-testid=verdict]').textContent(), 'dynamic');
        assert.ok(await dynamic.locator('[data-testid=fix-command]').count() > 0, 'the rebuild command is inside');
      }
      // Nothing but the archive worker's own code and the decoding
      // worker's script (fetched when the first archive arrives, from the
      // same origin) while the archive is read.
      const made = browser.requests.slice(count).filter((u) => !/\/(archive_worker(_loader\.js|\.js|_bg\.wasm)|inflate\.js)$/.test(new URL(u).pathname));
      assert.deepEqual(made, [], 'no request while the archive is read');
      // A .tar.gz is inflated by the browser's own decoder; every other
      // format, and a gzip that is not a whole tar, by the wasm.
      const decodedBy = await article.locator('[data-testid=timing]').getAttribute('data-decoded-by');
      assert.equal(decodedBy, name === 'release.tar.gz' ? 'browser' : 'wasm', `${name}: decoded by`);
      if (name === 'release.tar.gz') await article.screenshot({ path: join(shots, 'archive-release-desktop-light.png') });
      await clear(page);
    });
  }

  test('a .tar.gz is walked as it is decoded: a big binary is held in the browser, not in the wasm', async () => {
    const { page } = app;
    // A binary's first 4 KiB, then zeros to 60 MiB: under the ratio's
    // 64 MiB floor. Held in the worker's wasm, it raises the wasm's
    // memory past 60 MiB for good (it never shrinks): 64.6 MB, seen
    // failing; held in the browser's memory, 1.6 MB run alone.
    const SIZE = 60 << 20;
    const head = fixture('hello-default-go1.26').bytes.subarray(0, 4096);
    const tar = Buffer.concat([tarHeader('bin/big', SIZE), head, Buffer.alloc(SIZE - head.length), Buffer.alloc(1024)]);
    await drop(page, [{ name: 'big-binary.tar.gz', bytes: gzipSync(tar, { level: 1 }) }]);
    const article = await archiveResult(page, 'big-binary.tar.gz');
    const timing = article.locator('[data-testid=timing]');
    await timing.waitFor();
    assert.equal(await timing.getAttribute('data-decoded-by'), 'browser');
    assert.deepEqual(await article.locator('[data-testid=member]').evaluateAll((ms) => ms.map((m) => m.dataset.path)), ['bin/big']);
    const wasm = Number(await timing.getAttribute('data-wasm-memory'));
    assert.ok(wasm > 0 && wasm < 40e6, `the archive worker's wasm took ${wasm} bytes`);
    await clear(page);
  });

  test('a docker save of scratch with a cgo binary fails with the missing loader; the static build starts', async () => {
    const { page } = app;
    const cgo = archiveFixture('scratch-cgo.docker.tar');
    await drop(page, [{ name: cgo.name, bytes: cgo.bytes }]);
    let article = await archiveResult(page, cgo.name);
    const verdict = article.locator('[data-testid=image-verdict]');
    assert.equal(await verdict.getAttribute('data-verdict'), 'fails');
    assert.equal(await verdict.getAttribute('data-reason-id'), 'no-loader');
    assert.equal(await verdict.locator('[data-testid=image-error]').textContent(), 'exec /app: no such file or directory');
    assert.match(await verdict.locator('[data-testid=image-reason]').textContent(), /\/lib64\/ld-linux-x86-64\.so\.2/);
    const golden = fixture('lookuphost-default-go1.26').golden;
    const command = article.locator('[data-testid=member][data-path=app] [data-testid=fix-command]').first();
    assert.equal((await command.textContent()).trim(), golden.explanation.fixes[0].command, 'the static rebuild of the binary inside');
    await article.screenshot({ path: join(shots, 'image-scratch-cgo-desktop-light.png') });
    await clear(page);
    const ok = archiveFixture('scratch-static.docker.tar');
    await drop(page, [{ name: ok.name, bytes: ok.bytes }]);
    article = await archiveResult(page, ok.name);
    assert.equal(await article.locator('[data-testid=image-verdict]').getAttribute('data-verdict'), 'starts');
    await clear(page);
  });

  test('every image fixture shows the verdict it was built for', async () => {
    const { page } = app;
    const all = JSON.parse(readFileSync(join(root, 'fixtures/archives/manifest.json'), 'utf8')).archives.filter((a) => a.images.length);
    for (const entry of all) {
      const a = archiveFixture(entry.name);
      await drop(page, [{ name: a.name, bytes: a.bytes }]);
      const article = await archiveResult(page, a.name);
      const verdicts = article.locator('[data-testid=image-verdict]');
      assert.equal(await verdicts.count(), a.images.length, a.name);
      for (let i = 0; i < a.images.length; i++) {
        assert.equal(await verdicts.nth(i).getAttribute('data-verdict'), a.images[i].verdict, `${a.name}: verdict`);
        assert.equal(await verdicts.nth(i).getAttribute('data-reason-id'), a.images[i].reason_id, `${a.name}: reason`);
        assert.equal(await verdicts.nth(i).getAttribute('data-platform'), a.images[i].platform, `${a.name}: platform`);
      }
      if (a.name === 'scratch-tls.oci.tar') {
        // Starts, but TLS fails: what the program prints, and the line to add.
        const v = verdicts.first();
        assert.equal(await v.locator('[data-testid=image-error]').textContent(), 'x509: certificate signed by unknown authority');
        assert.match(await v.locator('[data-testid=image-reason]').textContent(), /COPY --from=build \/etc\/ssl\/certs\/ca-certificates\.crt/);
        assert.match(await v.locator('.image-mark').textContent(), /starts, but/);
      }
      if (a.name === 'multi.oci.tar' || a.name === 'slim-old-glibc.oci.tar' || a.name === 'scratch-tls.oci.tar') {
        await article.locator('[data-testid=archive] > p, [data-testid=image-verdict]').first().waitFor();
        await article.screenshot({ path: join(shots, `image-${a.name.replace(/\./g, '-')}-desktop-light.png`) });
      }
      await clear(page);
    }
  });

  test('a 2 GiB tar is indexed in place: its binary found, the worker memory small', async () => {
    // A tar whose first member is 2 GiB of zeros (sparse on disk), then a real binary.
    const path = join(root, 'target/two-gigabytes.tar');
    const big = 2 * 1024 ** 3;
    const elf = fixture('lookuphost-default-go1.26').bytes;
    const fd = openSync(path, 'w');
    writeSync(fd, tarHeader('zeros.img', big), 0, 512, 0);
    const second = 512 + big;
    writeSync(fd, tarHeader('usr/bin/lookuphost', elf.length), 0, 512, second);
    writeSync(fd, elf, 0, elf.length, second + 512);
    const end = second + 512 + Math.ceil(elf.length / 512) * 512;
    ftruncateSync(fd, end + 1024);
    closeSync(fd);
    try {
      const { page } = app;
      await page.setInputFiles('[data-testid=file-input]', path);
      const article = await archiveResult(page, 'two-gigabytes.tar', 60000);
      const member = article.locator('[data-testid=member]');
      assert.equal(await member.count(), 1);
      assert.equal(await member.getAttribute('data-path'), 'usr/bin/lookuphost');
      assert.equal(await member.getAttribute('data-linkage'), 'dynamic');
      const memory = Number(await article.locator('[data-testid=timing]').getAttribute('data-wasm-memory'));
      assert.ok(memory > 0 && memory < 64 * 1024 ** 2, `worker wasm memory ${memory}`);
      await clear(page);
    } finally {
      rmSync(path, { force: true });
    }
  });

  test('a long scan shows its progress and can be cancelled; the next file is analysed', async () => {
    // 512 MB that does not compress, gzipped: seconds of decoding even by
    // the browser's own decoder (about 150 MB/s here, the wasm's half that).
    const path = join(root, 'target/slow.tar.gz');
    const { randomFillSync } = await import('node:crypto');
    const size = 512 * 1024 ** 2;
    const noise = randomFillSync(Buffer.alloc(size));
    writeFileSync(path, gzipSync(Buffer.concat([tarHeader('noise.bin', size), noise, Buffer.alloc(1024)]), { level: 1 }));
    try {
      const { page } = app;
      await page.setInputFiles('[data-testid=file-input]', path);
      const article = page.locator('[data-testid=result][data-file-name="slow.tar.gz"]');
      await article.locator('[data-testid=progress]').waitFor();
      await article.locator('[data-testid=cancel]').click();
      const err = article.locator('[data-testid=error]');
      await err.waitFor();
      assert.match(await err.textContent(), /Cancelled/);
      const f = fixture('hello-default-go1.26');
      await drop(page, [{ name: f.name, bytes: f.bytes }]);
      await expectMatchesManifest(page, f, 'after a cancel');
      await clear(page);
    } finally {
      rmSync(path, { force: true });
    }
  });

  test('hostile archives give the same answer in the worker as natively', async () => {
    // Written by crates/linklens-archive/tests/hostile.rs (cargo test runs
    // first): hand-built archives (a name with a two-byte character across
    // byte 64 in .tar.gz, .tar.xz, .tar.zst) and some from the structure-
    // aware generator, each with what the native walker made of it.
    const dir = join(root, 'target/hostile-archives');
    const cases = readdirSync(dir).filter((n) => n.endsWith('.bin')).sort();
    assert.ok(cases.length >= 20, `${cases.length} hostile archives in ${dir}`);
    const { page } = app;
    await drop(page, cases.map((name) => ({ name, bytes: readFileSync(join(dir, name)) })));
    for (const name of cases) {
      const want = JSON.parse(readFileSync(join(dir, name.replace(/\.bin$/, '.json')), 'utf8'));
      const article = await archiveResult(page, name);
      const archive = article.locator('[data-testid=archive]');
      assert.equal(await archive.getAttribute('data-format'), want.format, name);
      assert.equal(await archive.locator('[data-testid=member]').count(), want.members, `${name}: members`);
      const errors = await archive.locator('[data-testid=archive-errors] li').evaluateAll((lis) => lis.map((li) => [li.dataset.errorId, li.textContent]));
      assert.deepEqual(errors.map(([id]) => id), want.errors, `${name}: errors`);
      assert.deepEqual(errors.map(([, words]) => words), want.error_messages, `${name}: the errors' words`);
      assert.deepEqual(await archive.locator('[data-testid=image-reason]').allTextContents(), want.image_reasons, `${name}: the images' reasons`);
    }
    // The page still works after all of them.
    const f = fixture('hello-default-go1.26');
    await drop(page, [{ name: 'after-hostile-archives', bytes: f.bytes }]);
    assert.equal(await (await result(page, 'after-hostile-archives')).locator('[data-testid=verdict]').textContent(), 'static');
    await clear(page);
  });

  test('a hostile archive gets its message, and the page keeps working', async () => {
    const { page } = app;
    const bytes = gzipSync(Buffer.alloc(64 << 20), { level: 9 });
    await drop(page, [{ name: 'zeros.gz', bytes }]);
    const article = await archiveResult(page, 'zeros.gz');
    await article.locator('[data-testid=archive]').waitFor();
    assert.equal(await article.locator('[data-testid=member]').count(), 0);
    await clear(page);
    // A bomb for its first 200 MiB, then 3 MiB that do not compress: 63:1
    // over the whole file, past 1000:1 midway. The CLI's walk stops at the
    // ratio; so must the page, whose decoder must not count bytes it has
    // not taken yet (it hands the file on in pieces ahead of the decoder).
    const zeros = 200 << 20;
    const noise = Buffer.alloc(3 << 20);
    for (let i = 0, x = 1; i < noise.length; i++) { x = (x * 1103515245 + 12345) >>> 0; noise[i] = x >>> 24; }
    const transient = gzipSync(Buffer.concat([tarHeader('zeros', zeros), Buffer.alloc(zeros), tarHeader('noise', noise.length), noise, Buffer.alloc(1024)]), { level: 9 });
    await drop(page, [{ name: 'transient-bomb.tar.gz', bytes: transient }]);
    const bomb = await archiveResult(page, 'transient-bomb.tar.gz');
    await bomb.locator('[data-testid=timing]').waitFor();
    const errorIds = await bomb.locator('[data-testid=archive-errors] li').evaluateAll((els) => els.map((e) => e.dataset.errorId));
    assert.deepEqual(errorIds, ['bomb'], 'the page stops at the ratio, as the CLI does');
    assert.equal(await bomb.locator('[data-testid=timing]').getAttribute('data-decoded-by'), 'wasm');
    await clear(page);
    const truncated = archiveFixture('release.tar.gz').bytes.subarray(0, 2000);
    await drop(page, [{ name: 'cut.tar.gz', bytes: truncated }]);
    const cut = await archiveResult(page, 'cut.tar.gz');
    assert.equal(await cut.locator('[data-testid=archive-errors] li').first().getAttribute('data-error-id'), 'truncated');
    // The browser's decoder refused the cut stream: the wasm's walk said why.
    assert.equal(await cut.locator('[data-testid=timing]').getAttribute('data-decoded-by'), 'wasm');
    await clear(page);
  });
});

test('copy button and exports', async () => {
  const { page } = app;
  const f = fixture('sqlite-default-go1.26');
  await drop(page, [{ name: f.name, bytes: f.bytes }]);
  const article = await result(page, f.name);
  await article.locator('[data-testid=copy-fix]').click();
  await article.locator('[data-testid=copy-fix]', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), f.golden.explanation.fixes[0].command);

  await article.locator('[data-testid=copy-markdown]').click();
  await article.locator('[data-testid=copy-markdown]', { hasText: 'Copied' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^### `sqlite-default-go1.26`: \*\*dynamic\*\*/);
  assert.match(md, /- cause `cgo-dep`: A dependency that uses cgo — module github.com\/mattn\/go-sqlite3 v1.14.22/);
  // The export is the core's one renderer: notes, caveats and verify steps included.
  assert.ok(md.includes('**Verify**') && md.includes(f.golden.explanation.fixes[0].verify[0]), md);
  for (const caveat of f.golden.explanation.fixes[0].caveats) assert.ok(md.includes(caveat), caveat);

  const [download] = await Promise.all([page.waitForEvent('download'), article.locator('[data-testid=download-json]').click()]);
  assert.equal(download.suggestedFilename(), 'sqlite-default-go1.26.linklens.json');
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(json, f.golden, 'the downloaded JSON is the core report, field for field');

  const [mdDownload] = await Promise.all([page.waitForEvent('download'), article.locator('[data-testid=download-markdown]').click()]);
  assert.equal(readFileSync(await mdDownload.path(), 'utf8'), md);
  await clear(page);
});

test('the fix as recipes: tabs for each form, each the CLI\'s own text, with copy and arrow keys', async () => {
  const { page } = app;
  const f = fixture('lookuphost-default-go1.26');
  // The differential: the CLI built by cargo test renders the same recipes.
  const cli = join(root, 'target/debug/linklens');
  assert.ok(statSync(cli).isFile(), 'cargo test builds the CLI before the browser tests');
  const onDisk = join(shots, '..', f.name);
  writeFileSync(onDisk, f.bytes);
  const recipe = (kind, fix) => execFileSync(cli, ['--recipe', kind, '--fix', fix, onDisk], { encoding: 'utf8' });
  await drop(page, [{ name: f.name, bytes: f.bytes }]);
  const article = await result(page, f.name);
  const fixes = article.locator('section.fixes');
  const kinds = JSON.parse(readFileSync(join(root, 'web/generated/vocabulary.json'), 'utf8')).recipes.map((r) => r.id);
  assert.deepEqual(kinds, ['shell', 'dockerfile', 'goreleaser', 'github-actions', 'makefile']);
  // The recommended fix and every alternative have the five forms.
  const first = fixes.locator('.recipes').first();
  assert.deepEqual(await first.locator('[data-testid=recipe-tab]').evaluateAll((ts) => ts.map((t) => t.dataset.recipeKind)), kinds);
  assert.equal(await fixes.locator('[data-testid=alternative] .recipes').count(), f.golden.explanation.fixes.length - 1);
  for (const kind of kinds.slice(1)) {
    await first.locator(`[data-testid=recipe-tab][data-recipe-kind=${kind}]`).click();
    const panel = first.locator(`[data-testid=recipe][data-recipe-kind=${kind}]`);
    assert.ok(await panel.isVisible(), `${kind} shown`);
    assert.equal(await first.locator('[data-testid=recipe]:visible').count(), 1, 'one panel at a time');
    assert.equal(await panel.locator('code').textContent(), recipe(kind, f.golden.explanation.fixes[0].id), `${kind}: the CLI's text`);
  }
  // Copy the Dockerfile of an alternative (musl-gcc): what is copied is the file.
  const musl = fixes.locator('[data-testid=alternative][data-fix-id=musl-gcc]');
  await musl.locator('summary').click();
  await musl.locator('[data-testid=recipe-tab][data-recipe-kind=dockerfile]').click();
  const panel = musl.locator('[data-testid=recipe][data-recipe-kind=dockerfile]');
  await panel.locator('button.copy').click();
  await panel.locator('button.copy', { hasText: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, recipe('dockerfile', 'musl-gcc'));
  assert.match(copied, /FROM --platform=linux\/amd64 golang:1\.26-alpine AS build/);
  // Arrow keys move between the tabs (ARIA tabs: one tab stop, roving focus).
  const tab = first.locator('[data-testid=recipe-tab][data-recipe-kind=shell]');
  await tab.click();
  await tab.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.recipeKind), 'dockerfile');
  assert.equal(await first.locator('[data-testid=recipe-tab][aria-selected=true]').getAttribute('data-recipe-kind'), 'dockerfile');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.recipeKind), 'makefile');
  await article.screenshot({ path: join(shots, 'recipes-makefile.png') });
  rmSync(onDisk);
  await clear(page);
});

describe('share links carry the report, never the binary', () => {
  test('a link opened in a fresh browser profile shows the same verdict, causes and fix, with no request leaving the page', async () => {
    const { page } = app;
    const f = fixture('lookuphost-default-go1.26');
    await drop(page, [{ name: f.name, bytes: f.bytes }]);
    const article = await result(page, f.name);
    await article.locator('[data-testid=make-share-link]').click();
    const link = article.locator('[data-testid=share-link]');
    await link.waitFor();
    // The SHA-256 is the file's, computed in the worker.
    assert.equal(await link.getAttribute('data-sha256'), createHash('sha256').update(f.bytes).digest('hex'));
    const href = await link.getAttribute('href');
    assert.match(href, /^\.\/#\/r\/[A-Za-z0-9_-]+$/);
    const url = new URL(href, srv.url).href;
    assert.ok(url.length < 2000, `${url.length} characters`);
    await article.locator('[data-testid=copy-share-link]').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);

    // A fresh profile: nothing cached, no file, only the link.
    const fresh = await launch();
    try {
      const other = await fresh.context.newPage();
      await other.goto(url);
      const shared = other.locator('[data-testid=shared]');
      await shared.waitFor();
      assert.match(await other.locator('[data-testid=shared-banner]').textContent(), /the binary itself was never uploaded/);
      assert.equal(await other.locator('[data-testid=shared-sha256]').textContent(), createHash('sha256').update(f.bytes).digest('hex'));
      assert.equal(await shared.locator('[data-testid=verdict]').textContent(), f.expect.linkage);
      assert.deepEqual(await causeIds(shared), [...f.expect.causes].sort());
      assert.equal(await shared.locator('[data-testid=fix-command]').textContent(), f.golden.explanation.fixes[0].command);
      // At most the raw build settings (DefaultGODEBUG…) and the imports
      // were left out to fit: the view's verdict, causes, fixes and targets stay.
      assert.match(await other.locator('[data-testid=shared-shortened]').textContent(), /left out \d+ build settings(, \d+ imported symbols)?\. Drop the file/);
      assert.equal(await shared.locator('[data-testid=alternative]').count(), f.golden.explanation.fixes.length - 1);
      assert.equal(await other.locator('[data-testid=drop-zone]').count(), 0, 'read-only');
      // Every request went to the page's own origin, and none carried the report.
      const origin = new URL(srv.url).origin;
      assert.ok(fresh.requests.length > 0);
      for (const r of fresh.requests) {
        assert.ok(r.startsWith(origin) || r.startsWith('blob:') || r.startsWith('data:'), r);
        assert.ok(!r.includes('/r/'), `the report never reaches a server: ${r}`);
      }
      await other.screenshot({ path: join(shots, 'shared-report.png'), fullPage: false });
      // The service worker's install fetches the app shell for offline use
      // (its own requests, not the report's): on a busy machine it can
      // still be at it here, so the count starts once it is active.
      await other.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      const before = fresh.requests.length;
      await shared.locator('[data-testid=recipe-tab][data-recipe-kind=dockerfile]').first().click();
      assert.equal(fresh.requests.length, before, 'reading the shared report makes no request');
    } finally {
      await fresh.context.close();
    }
    await clear(page);
  });

  test('a report too long for a link is shortened and says what it left out', async () => {
    const { page } = app;
    const f = fixture('sqlite-libsqlite3-go1.26');
    await drop(page, [{ name: f.name, bytes: f.bytes }]);
    const article = await result(page, f.name);
    await article.locator('[data-testid=make-share-link]').click();
    const href = await article.locator('[data-testid=share-link]').getAttribute('href');
    assert.ok(new URL(href, srv.url).href.length < 2000);
    await page.goto(new URL(href, srv.url).href);
    const shared = page.locator('[data-testid=shared]');
    await shared.waitFor();
    assert.match(await page.locator('[data-testid=shared-shortened]').textContent(), /Shortened to fit a link: left out \d+ build settings, \d+ imported symbols/);
    assert.equal(await shared.locator('[data-testid=verdict]').textContent(), f.expect.linkage);
    assert.equal(await shared.locator('[data-testid=fix-command]').textContent(), f.golden.explanation.fixes[0].command);
    await page.goto(srv.url);
    await page.locator('[data-testid=drop-zone]').waitFor();
  });

  test('hostile links get a clear message, and the page keeps working', async () => {
    const { page } = app;
    const good = (() => {
      const json = Buffer.from('{"name":1}');
      return deflateRawSync(json).toString('base64url');
    })();
    const bomb = deflateRawSync(Buffer.alloc(2 << 20, 32)).toString('base64url');
    for (const [payload, id] of [['', null], ['%%%', 'not-base64'], ['AAAA', 'damaged'], [good, 'not-a-report'], [bomb, 'too-large'], ['A'.repeat(70000), 'too-long']]) {
      await page.goto(`${srv.url}#/r/${payload}`);
      if (id === null) {
        // `#/r/` alone is not a share route: the page's not-found view.
        await page.locator('[data-testid=not-found]').waitFor();
        continue;
      }
      const error = page.locator('[data-testid=shared-error]');
      await error.waitFor();
      assert.equal(await error.getAttribute('data-error-id'), id, payload.slice(0, 20));
      assert.match(await error.textContent(), /Cannot open this share link\./);
    }
    await page.goto(srv.url);
    const f = fixture('hello-default-go1.26');
    await drop(page, [{ name: f.name, bytes: f.bytes }]);
    await expectMatchesManifest(page, f, 'after hostile links');
    await clear(page);
  });
});

test('keyboard only: choose a file, reach the command, copy it', async () => {
  const { page } = app;
  const f = fixture('userlookup-default-go1.26');
  // Listen before any key is pressed: Playwright turns on file-chooser
  // interception asynchronously when the first listener is added.
  let chosen;
  const chooserShown = new Promise((ok) => { chosen = ok; });
  const onChooser = (c) => chosen(c);
  page.on('filechooser', onChooser);
  await page.reload();
  await page.locator('[data-testid=drop-zone]').waitFor();
  let focused = '';
  for (let i = 0; i < 10 && focused !== 'file-input'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.dataset?.testid || '');
  }
  assert.equal(focused, 'file-input', 'Tab reaches the file chooser');
  const ring = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid=choose-files]')).outlineStyle);
  assert.equal(ring, 'solid', 'the focused chooser shows a focus ring on its label');
  await page.keyboard.press('Enter');
  const chooser = await chooserShown;
  page.off('filechooser', onChooser);
  await chooser.setFiles([{ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) }]);
  await expectMatchesManifest(page, f, 'keyboard');
  for (let i = 0; i < 40 && focused !== 'copy-fix'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.dataset?.testid || '');
  }
  assert.equal(focused, 'copy-fix', 'Tab reaches the copy button');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=copy-fix]', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), f.golden.explanation.fixes[0].command);
  // Results are announced.
  assert.match(await page.locator('[data-testid=live]').textContent(), /userlookup-default-go1\.26: dynamic/);
  await clear(page);
});

test('no request leaves 127.0.0.1, and none is made while a file is analysed', async () => {
  const { page } = app;
  const { requests } = browser;
  const outside = requests.filter((u) => !u.startsWith(srv.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'requests outside the origin');
  const f = fixture('sqlite-musl-go1.26');
  const count = requests.length;
  await drop(page, [{ name: f.name, bytes: f.bytes }]);
  await expectMatchesManifest(page, f, 'network check');
  assert.deepEqual(requests.slice(count), [], 'requests made during the analysis');
  await clear(page);
});

test('time from drop to rendered result, and asset sizes', async () => {
  const { page } = app;
  const largest = readdirSync(join(root, 'fixtures/bin'))
    .filter((n) => n.endsWith('.gz'))
    .map((n) => ({ n, s: statSync(join(root, 'fixtures/bin', n)).size }))
    .sort((a, b) => b.s - a.s)[0].n.replace(/\.gz$/, '');
  const f = fixture(largest);
  const times = [];
  for (let i = 0; i < 5; i++) {
    times.push(Math.round(await timedDrop(page, { name: `${f.name}-${i}`, bytes: f.bytes })));
  }
  times.sort((a, b) => a - b);
  assert.ok(times.every((t) => Number.isFinite(t) && t > 0), times.join());
  // The page's own figure: parsed, and it read less than the whole file.
  const timing = page.locator(`[data-testid=result][data-file-name="${f.name}-4"] [data-testid=timing]`);
  assert.match(await timing.textContent(), /^Analysed in \d+ ms, reading [\d.]+ (bytes|KB|MB) of [\d.]+ (KB|MB)\.$/);
  const read = Number(await timing.getAttribute('data-read'));
  assert.ok(read > 0 && read < f.bytes.length, `read ${read} of ${f.bytes.length}`);
  const sizes = {};
  for (const file of readdirSync(dist)) {
    if (/\.(wasm|js|css)$/.test(file)) {
      const raw = readFileSync(join(dist, file));
      sizes[file] = { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
    }
  }
  const metrics = { fixture: f.name, bytes: f.bytes.length, drop_to_result_ms: times, median_ms: times[2], sizes };
  writeFileSync(join(root, 'target/web-metrics.json'), JSON.stringify(metrics, null, 2));
  console.log(`# drop to result for ${f.name} (${f.bytes.length} bytes): median ${times[2]} ms of ${times.join(', ')}`);
  for (const [file, s] of Object.entries(sizes)) console.log(`# ${file}: ${s.raw} bytes, ${s.gzip} gzip`);
  await clear(page);
});

test('where it runs, on a phone: groups, the exact error and the remedy, in a bounded height', async () => {
  const { page } = app;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    // A DNS-dynamic binary: the images without glibc fail alike, said once.
    const dyn = fixture('lookuphost-default-go1.26');
    await drop(page, [{ name: dyn.name, bytes: dyn.bytes }]);
    let article = await result(page, dyn.name);
    let panel = article.locator('[data-testid=where-it-runs]');
    const groups = panel.locator('[data-testid=target-group]');
    const count = await groups.count();
    const all = dyn.golden.explanation.targets.length;
    assert.ok(count < all / 2, `${count} groups for ${all} targets`);
    assert.equal(await panel.locator('[data-testid=target]').count(), all);
    assert.equal(await panel.locator('[data-testid=target-fix]').count(),
      await panel.locator('[data-testid=target-group][data-verdict=fails]:not([data-reason-id=arch-unpublished])').count(), 'the fix once per failing group');
    await panel.screenshot({ path: join(shots, 'where-it-runs-phone-dns.png') });
    const height = (await panel.boundingBox()).height;
    console.log(`# where it runs at 390 px: ${count} groups, ${Math.round(height)} px tall`);
    assert.ok(height < 2600, `the panel is ${height}px tall at 390px`);
    for (const box of await panel.locator('.group-reason, .member-reasons, [data-testid=target-error]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
      assert.ok(box.width > 0 && box.right <= 390 + 1, `a reason or error runs off the screen: ${JSON.stringify(box)}`);
    }
    await clear(page);
    // A static program that verifies TLS certificates: starts, but not on an image without a CA bundle.
    const needs = fixture('needs-cgo0-go1.26');
    await drop(page, [{ name: needs.name, bytes: needs.bytes }]);
    article = await result(page, needs.name);
    panel = article.locator('[data-testid=where-it-runs]');
    const scratch = panel.locator('[data-testid=target-group]:has([data-target-id=scratch])');
    assert.equal(await scratch.getAttribute('data-verdict'), 'starts-but');
    assert.match(await scratch.textContent(), /starts, but/);
    assert.equal(await scratch.locator('[data-testid=target-error]').textContent(),
      needs.golden.explanation.targets.find((t) => t.id === 'scratch').error);
    assert.match(await scratch.locator('[data-testid=target-error]').textContent(), /^x509: certificate signed by unknown authority$/m);
    assert.deepEqual(await scratch.locator('[data-testid=target-remedy]').evaluateAll((els) => els.map((e) => e.dataset.remedyId)),
      ['copy-ca-bundle', 'embed-tzdata', 'copy-accounts']);
    assert.equal(await panel.locator('[data-testid=target-group]:has([data-target-id=distroless-static])').getAttribute('data-verdict'), 'runs');
    // It looks host names up: the resolver's files are the runtime's, said once above the groups (folded), lacked by no image.
    assert.match(needs.golden.explanation.resolver, /mount into every container/);
    const resolver = panel.locator('[data-testid=portability-note] details');
    assert.equal(await resolver.count(), 1);
    assert.equal(await resolver.evaluate((d) => d.open), false);
    assert.match(await resolver.locator('summary').textContent(), /from the container runtime/);
    assert.equal(await resolver.locator('p').textContent(), needs.golden.explanation.resolver);
    assert.ok(needs.golden.explanation.targets.every((t) => !(t.lacks || []).includes('hosts')));
    await panel.screenshot({ path: join(shots, 'where-it-runs-phone-starts-but.png') });
    await clear(page);
  } finally {
    await page.setViewportSize({ width: 1200, height: 900 });
  }
});

describe('looks and accessibility', () => {
  const views = [
    ['desktop', { width: 1200, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ];
  for (const scheme of ['light', 'dark']) {
    for (const [device, viewport] of views) {
      test(`${scheme}, ${device}: screenshots and no serious axe violations`, async () => {
        const { page } = app;
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: join(shots, `empty-${device}-${scheme}.png`), fullPage: true });
        // Three results, two with a fix panel each: ids must stay unique.
        const dyn = fixture('lookuphost-default-go1.26');
        const dep = fixture('sqlite-default-go1.26');
        const bad = { name: 'notes.txt', bytes: Buffer.from('not a binary\n') };
        await drop(page, [bad, { name: dyn.name, bytes: dyn.bytes }, { name: dep.name, bytes: dep.bytes }]);
        await result(page, dyn.name);
        await result(page, dep.name);
        await result(page, 'notes.txt');
        const duplicates = await page.evaluate(() => {
          const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
          return ids.filter((id, i) => ids.indexOf(id) !== i);
        });
        assert.deepEqual(duplicates, []);
        await page.screenshot({ path: join(shots, `result-${device}-${scheme}.png`), fullPage: true });
        // axe runs through DevTools, so the page's CSP stays as shipped.
        await page.evaluate(AXE);
        const found = await page.evaluate(async () => {
          // Open every <details> so collapsed content is checked too.
          document.querySelectorAll('details').forEach((d) => { d.open = true; });
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
        });
        const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(serious, [], JSON.stringify(serious, null, 2));
        // No horizontal scrolling on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `page is ${overflow}px wider than the ${device} viewport`);
        await clear(page);
      });
    }
  }
  after(async () => {
    await app.page.setViewportSize({ width: 1200, height: 900 });
    await app.page.emulateMedia({ colorScheme: 'light' });
  });
});

test('works offline after the first visit (service worker)', async () => {
  const { context } = browser;
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    return reg.active?.state;
  });
  await context.setOffline(true);
  try {
    await page.reload();
    await page.locator('[data-testid=drop-zone]').waitFor();
    const f = fixture('netuser-default-go1.26');
    await drop(page, [{ name: f.name, bytes: f.bytes }]);
    await expectMatchesManifest(page, f, 'offline');
  } finally {
    await context.setOffline(false);
    await page.close();
  }
});
