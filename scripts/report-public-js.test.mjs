import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import zlib from 'node:zlib';
import { describePage, formatReport, measureBuild, overBudget, pageScriptFiles, parseClientReferenceManifest } from './report-public-js.mjs';

// A build directory with the files scripts/report-public-js.mjs reads, in the
// shapes Next 16 (Turbopack) writes them, and chunks of known sizes.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-report-js-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(file, content) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
}

function manifestFile(page, entryJSFiles) {
  return `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(page)}] = ${JSON.stringify({ moduleLoading: { prefix: '' }, clientModules: {}, entryJSFiles })};\n`;
}

// Bytes of a fixed pattern: the test computes their served sizes as the script should.
const noise = (length, seed) => Buffer.from(Array.from({ length }, (_, index) => (index * 7919 + seed * 104729) % 251));
const chunks = { 'static/chunks/runtime.js': noise(4000, 1), 'static/chunks/router.js': noise(3000, 2), 'static/chunks/layout.js': noise(2000, 3), 'static/chunks/tiny.js': Buffer.from('x'.repeat(500)), 'static/chunks/notfound.js': noise(1500, 4), 'static/chunks/form.js': noise(200_000, 5) };
for (const [file, bytes] of Object.entries(chunks)) write(file, bytes);
const served = (file) => (chunks[file].length < 1024 ? chunks[file].length : zlib.gzipSync(chunks[file], { level: 6 }).length);

write('build-manifest.json', JSON.stringify({ polyfillFiles: ['static/chunks/polyfill.js'], rootMainFiles: ['static/chunks/runtime.js', 'static/chunks/router.js'] }));
write('server/app-paths-manifest.json', JSON.stringify({ '/[locale]/page': 'app/[locale]/page.js', '/(newsroom)/dashboard/page': 'app/(newsroom)/dashboard/page.js', '/_not-found/page': 'app/_not-found/page.js', '/api/claims/route': 'app/api/claims/route.js' }));
write('server/app/[locale]/page_client-reference-manifest.js', manifestFile('/[locale]/page', {
  '[project]/app/global-not-found': ['static/chunks/notfound.js'],
  '[project]/app/[locale]/layout': ['static/chunks/layout.js'],
  '[project]/app/[locale]/page': ['static/chunks/layout.js', 'static/chunks/tiny.js'],
}));
write('server/app/(newsroom)/dashboard/page_client-reference-manifest.js', manifestFile('/(newsroom)/dashboard/page', { '[project]/app/(newsroom)/dashboard/page': ['static/chunks/form.js'] }));
write('server/app/_not-found/page_client-reference-manifest.js', manifestFile('/_not-found/page', { '[project]/app/global-not-found': ['static/chunks/notfound.js'] }));

test('a client-reference manifest is read without running it', () => {
  const { page, manifest } = parseClientReferenceManifest(manifestFile('/[locale]/claims/[slug]/page', { a: ['static/chunks/a.js'] }));
  assert.equal(page, '/[locale]/claims/[slug]/page');
  assert.deepEqual(manifest.entryJSFiles, { a: ['static/chunks/a.js'] });
  assert.throws(() => parseClientReferenceManifest('module.exports = {}'), /not a client-reference manifest/);
});

test('routes are named as readers see them, route groups left out', () => {
  assert.deepEqual(describePage('/[locale]/claims/[slug]/page'), { route: '/[locale]/claims/[slug]', reader: true });
  assert.deepEqual(describePage('/[locale]/page'), { route: '/[locale]', reader: true });
  assert.deepEqual(describePage('/(newsroom)/dashboard/claims/[id]/page'), { route: '/dashboard/claims/[id]', reader: false });
  assert.deepEqual(describePage('/_not-found/page'), { route: '/_not-found', reader: true });
});

test('a page loads the runtime once, then its own chunks; the other root layout’s not-found page is not on its way', () => {
  const { manifest } = parseClientReferenceManifest(fs.readFileSync(path.join(dir, 'server/app/[locale]/page_client-reference-manifest.js'), 'utf8'));
  assert.deepEqual(pageScriptFiles('/[locale]/page', manifest, ['static/chunks/runtime.js', 'static/chunks/router.js']), [
    'static/chunks/runtime.js', 'static/chunks/router.js', 'static/chunks/layout.js', 'static/chunks/tiny.js',
  ]);
});

test('sizes are counted as served: gzip level 6, files under 1 kB raw; polyfills and route handlers left out', () => {
  const results = measureBuild(dir);
  assert.deepEqual(results.map((result) => result.route), ['/[locale]', '/_not-found', '/dashboard']);
  const [home, notFound, dashboard] = results;
  const homeFiles = ['static/chunks/runtime.js', 'static/chunks/router.js', 'static/chunks/layout.js', 'static/chunks/tiny.js'];
  assert.deepEqual(home.built, { files: 4, raw: 9500, gzip: homeFiles.reduce((total, file) => total + served(file), 0) });
  assert.equal(served('static/chunks/tiny.js'), 500);
  assert.deepEqual(home.sent, { files: 0, raw: 0, gzip: 0 }, 'reader pages are served without their scripts');
  assert.equal(notFound.built.files, 3);
  assert.deepEqual(dashboard.sent, dashboard.built);
  assert.equal(dashboard.biggest[0].file, 'static/chunks/form.js');
});

test('the budget applies to what reader pages send, and the report names the offender', () => {
  const results = measureBuild(dir);
  assert.deepEqual(overBudget(results), []);
  const tooBig = results.map((result) => (result.route === '/[locale]' ? { ...result, sent: result.built } : result));
  assert.deepEqual(overBudget(tooBig, 1000).map((result) => result.route), ['/[locale]']);
  assert.match(formatReport(tooBig, 1000), /\/\[locale\] .* OVER BUDGET/);
  assert.doesNotMatch(formatReport(results), /OVER BUDGET/);
});

test('without a build, a clear message', () => {
  assert.throws(() => measureBuild(path.join(dir, 'missing')), /no production build in .*run `next build`/);
});
