// `npm run report:js`: the JavaScript each page's HTML makes a browser
// download, read from a production build (`next build` first), and the
// budget of the reader pages (issue 9: at most 100 kB gzip per page).
//
//   node scripts/report-public-js.mjs [--dir .next] [--budget-kb 100] [--json]
//
// What a page loads, in Next 16 (Turbopack) build output:
//   - `.next/build-manifest.json` `rootMainFiles`: React, Next's client
//     router and Turbopack's runtime, on every App Router page. Its
//     `polyfillFiles` are <script nomodule>, which current browsers skip:
//     not counted.
//   - `.next/server/app/<route>/page_client-reference-manifest.js`
//     `entryJSFiles`: the chunks of the client components of each layout,
//     error boundary and page on the route's way (the other root layout's
//     not-found page excepted).
// Sizes: raw, and gzip as scripts/serve.mjs sends them (Next's compression
// middleware: zlib's default level 6; files under 1 kB go uncompressed, and
// count raw). kB = 1000 bytes.
//
// "sent" is what reaches the browser: all of it for the newsroom; nothing for
// the reader pages, whose HTML scripts/serve.mjs sends without its scripts
// (scripts/public-html.mjs explains why). The budget applies to what is sent;
// what Next built for a reader page is printed too, so that it can be watched.
// e2e/js-budget.spec.ts measures the same from Chromium.
//
// Exit code 1 (with the routes named) when a reader page is over the budget,
// 2 when there is no build to read.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUDGET_BYTES = 100_000;
// Next's compression middleware leaves smaller responses as they are.
const COMPRESSION_THRESHOLD = 1024;
const OTHER_ROOT_NOT_FOUND = '[project]/app/global-not-found';

/** A client-reference manifest file: `globalThis.__RSC_MANIFEST["/route/page"] = {…};`. */
export function parseClientReferenceManifest(text) {
  const match = /globalThis\.__RSC_MANIFEST\[("(?:[^"\\]|\\.)*")\]\s*=\s*(\{[\s\S]*\});?\s*$/.exec(text);
  if (!match) throw new Error('not a client-reference manifest (no `globalThis.__RSC_MANIFEST[…] = {…}`)');
  return { page: JSON.parse(match[1]), manifest: JSON.parse(match[2]) };
}

/** "/(newsroom)/dashboard/claims/[id]/page" → { route: "/dashboard/claims/[id]", reader: false }. */
export function describePage(page) {
  const route = page.replace(/\/page$/, '').replace(/\/\([^/)]+\)/g, '') || '/';
  const reader = route === '/[locale]' || route.startsWith('/[locale]/') || route === '/_not-found';
  return { route, reader };
}

/** The script files a page's HTML loads, in load order, paths relative to the build directory. */
export function pageScriptFiles(page, manifest, rootMainFiles) {
  const files = new Set(rootMainFiles);
  const notFoundPage = page === '/_not-found/page';
  for (const [entry, chunks] of Object.entries(manifest.entryJSFiles ?? {})) {
    if (entry === OTHER_ROOT_NOT_FOUND && !notFoundPage) continue;
    for (const chunk of chunks) files.add(chunk);
  }
  return [...files];
}

/** Bytes on the wire: gzip level 6 from 1 kB up, as the production server sends it. */
export function servedSize(bytes) {
  return bytes.length < COMPRESSION_THRESHOLD ? bytes.length : zlib.gzipSync(bytes, { level: 6 }).length;
}

/** Every App Router page of a build, with the scripts it loads and their sizes. */
export function measureBuild(dir) {
  const buildManifestPath = path.join(dir, 'build-manifest.json');
  const appPathsPath = path.join(dir, 'server', 'app-paths-manifest.json');
  if (!fs.existsSync(buildManifestPath) || !fs.existsSync(appPathsPath)) {
    throw Object.assign(new Error(`no production build in ${dir}: run \`next build\` (npm run build) first`), { code: 'NO_BUILD' });
  }
  const { rootMainFiles = [] } = JSON.parse(fs.readFileSync(buildManifestPath, 'utf8'));
  const pages = Object.keys(JSON.parse(fs.readFileSync(appPathsPath, 'utf8'))).filter((page) => page.endsWith('/page'));
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) {
      const bytes = fs.readFileSync(path.join(dir, file));
      sizes.set(file, { file, raw: bytes.length, gzip: servedSize(bytes) });
    }
    return sizes.get(file);
  };
  const results = [];
  for (const page of pages) {
    if (page === '/_global-error/page') continue; // shown only when the root layout itself fails
    const manifestPath = path.join(dir, 'server', 'app', `${page.slice(1)}_client-reference-manifest.js`);
    if (!fs.existsSync(manifestPath)) continue;
    const { manifest } = parseClientReferenceManifest(fs.readFileSync(manifestPath, 'utf8'));
    const files = pageScriptFiles(page, manifest, rootMainFiles).map(sizeOf);
    const built = { files: files.length, raw: sum(files, 'raw'), gzip: sum(files, 'gzip') };
    const { route, reader } = describePage(page);
    const sent = reader ? { files: 0, raw: 0, gzip: 0 } : built;
    results.push({ route, reader, built, sent, biggest: [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 3) });
  }
  return results.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

function sum(list, key) {
  return list.reduce((total, item) => total + item[key], 0);
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

export function formatReport(results, budget = BUDGET_BYTES) {
  const lines = [];
  const width = Math.max(...results.map((result) => result.route.length), 10);
  const row = (route, built, sent, note) =>
    `  ${route.padEnd(width)}  ${String(built.files).padStart(5)}  ${kB(built.raw).padStart(9)}  ${kB(built.gzip).padStart(9)}  ${kB(sent.gzip).padStart(9)}  ${note}`;
  const header = `  ${'route'.padEnd(width)}  files  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'sent'.padStart(9)}  biggest chunks (gzip)`;
  for (const [title, group] of [
    [`Reader pages (budget: ${kB(budget)} gzip sent per page; scripts/serve.mjs sends their HTML without scripts)`, results.filter((result) => result.reader)],
    ['Newsroom pages (for reference)', results.filter((result) => !result.reader)],
  ]) {
    if (group.length === 0) continue;
    lines.push(title, header);
    for (const result of group) {
      const biggest = result.biggest.map((file) => `${path.basename(file.file)} ${kB(file.gzip)}`).join(', ');
      const over = result.reader && result.sent.gzip > budget ? '  OVER BUDGET' : '';
      lines.push(row(result.route, result.built, result.sent, biggest + over));
    }
    lines.push('');
  }
  lines.push('files/raw/gzip: what the HTML Next renders loads (gzip level 6, files under 1 kB raw, as served); sent: what the browser gets.');
  return lines.join('\n');
}

export function overBudget(results, budget = BUDGET_BYTES) {
  return results.filter((result) => result.reader && result.sent.gzip > budget);
}

function main() {
  const { values } = parseArgs({
    options: { dir: { type: 'string', default: path.join(ROOT, '.next') }, 'budget-kb': { type: 'string', default: '100' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const budget = Number(values['budget-kb']) * 1000;
  if (!Number.isFinite(budget) || budget <= 0) throw new Error(`--budget-kb must be a positive number, not "${values['budget-kb']}"`);
  let results;
  try {
    results = measureBuild(path.resolve(values.dir));
  } catch (error) {
    if (error.code !== 'NO_BUILD') throw error;
    console.error(error.message);
    return 2;
  }
  console.log(values.json ? JSON.stringify(results, null, 2) : formatReport(results, budget));
  const over = overBudget(results, budget);
  if (results.filter((result) => result.reader).length === 0) {
    console.error('No reader page found in the build (app/[locale]/…): nothing to check.');
    return 1;
  }
  if (over.length > 0) {
    console.error(`\nJavaScript budget exceeded (${kB(budget)} gzip per reader page): ${over.map((result) => `${result.route} sends ${kB(result.sent.gzip)}`).join('; ')}.`);
    return 1;
  }
  console.log(`\nEvery reader page is within the JavaScript budget (${kB(budget)} gzip).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
