// What the reader-page filter (scripts/public-html.mjs) costs the server, per page.
//
//   node scripts/bench-public-html.mjs [--page FILE] [--against REV] [--runs 2000]
//
// Times createScriptStripper over one HTML document, fed in 16 kB pieces as a
// streamed response arrives, and prints milliseconds per document (median and
// 95th percentile over the runs, after a warm-up). No thresholds: a figure to
// compare, not a test.
//
// --page FILE   an HTML document as Next renders it, scripts included. Default:
//               one shaped like the seeded claim page (measured on the build:
//               11 kB of markup once filtered, 19 kB of React Server Component
//               payload, nine chunk scripts and a preload).
// --against REV also times scripts/public-html.mjs as it was at git revision REV
//               (e.g. the commit before a change to the filter), side by side.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PIECE = 16 * 1024;

function claimShapedPage() {
  const chunk = (name, extra = 'async=""') => `<script src="/_next/static/chunks/${name}.js" ${extra}></script>`;
  const head = [
    '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>',
    '<link rel="stylesheet" href="/_next/static/chunks/0xj-tg8g-63uq.css" data-precedence="next"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/310vm2bl3xxpt.js"/>',
    ...['0rv1mp5-kt-u0', '2us7wg337rlp-', '0a_viv5o4ytrc', '3jua5gvtt1jpt', 'turbopack-077hmtqrhcoji', '3qfy96eoyh-ek', '310vm2bl3xxpt', '1ab2cd3ef4gh5'].map((name) => chunk(name)),
    chunk('0cz1d0mv5g_q7', 'noModule=""'),
    '<title>Le Kremlin qualifie de « fausses nouvelles » la présence nord-coréenne · Attest</title>',
    '<meta name="description" content="Plutôt faux : L’OTAN, les États-Unis et l’Ukraine affirment la présence de soldats nord-coréens en Russie"/>',
    '<link rel="canonical" href="https://attest.example/claims/kremlin-soldats-nord-coreens-fausses-nouvelles"/></head>',
  ].join('');
  const review = JSON.stringify({ '@context': 'https://schema.org', '@type': 'ClaimReview', claimReviewed: 'Des « fausses nouvelles » <sic>' });
  const section = (n) =>
    `<section aria-labelledby="s${n}"><h2 id="s${n}">Source ${n}</h2><p lang="en">“Thousands of North Korean soldiers” &amp; more, reported on 4&#8239;November.</p>` +
    `<a href="/sources/0b1c2d3e-${n}" class="source-link">Lire la source</a></section>`;
  const body = `<body><main><h1>Le Kremlin qualifie de « fausses nouvelles »</h1><script type="application/ld+json">${review.replace(/</g, '\\u003c')}</script>${Array.from({ length: 30 }, (_, n) => section(n)).join('')}</main>`;
  const row = (n) => `${n.toString(16)}:["$","section",null,{"aria-labelledby":"s${n}","children":[["$","h2",null,{"children":"Source ${n}"}],"…"]}]\n`;
  const payload = Array.from({ length: 160 }, (_, n) => row(n)).join('');
  const pushes = [];
  for (let at = 0; at < payload.length; at += 2048) pushes.push(`<script>self.__next_f.push([1,${JSON.stringify(payload.slice(at, at + 2048)).replace(/</g, '\\u003c')}])</script>`);
  return `${head}${body}<script>(self.__next_f=self.__next_f||[]).push([0])</script>${pushes.join('')}</body></html>`;
}

/** The filter module as it is at a git revision, saved where it resolves the same packages. */
async function filterAt(revision) {
  const source = execFileSync('git', ['show', `${revision}:scripts/public-html.mjs`], { cwd: ROOT, encoding: 'utf8' });
  const dir = path.join(ROOT, 'node_modules', '.cache', 'bench-public-html');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `public-html-${revision.replace(/[^\w.-]/g, '_')}.mjs`);
  fs.writeFileSync(file, source);
  return import(pathToFileURL(file).href);
}

function filterOnce(createScriptStripper, html) {
  const stripper = createScriptStripper();
  let out = '';
  for (let at = 0; at < html.length; at += PIECE) out += stripper.push(html.slice(at, at + PIECE));
  return out + stripper.end();
}

function time(createScriptStripper, html, runs) {
  for (let run = 0; run < Math.max(50, runs / 10); run++) filterOnce(createScriptStripper, html);
  const ms = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    filterOnce(createScriptStripper, html);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(runs / 2)], p95: ms[Math.floor(runs * 0.95)], output: filterOnce(createScriptStripper, html) };
}

const { values } = parseArgs({ options: { page: { type: 'string' }, against: { type: 'string' }, runs: { type: 'string', default: '2000' } }, strict: true });
const html = values.page ? fs.readFileSync(values.page, 'utf8') : claimShapedPage();
const runs = Number(values.runs);
const filters = [['this tree', await import('./public-html.mjs')]];
if (values.against) filters.push([values.against, await filterAt(values.against)]);

const kB = (text) => `${(Buffer.byteLength(text) / 1000).toFixed(1)} kB`;
console.log(`document: ${values.page ?? 'claim-shaped'}, ${kB(html)}, in ${PIECE / 1024} kB pieces, ${runs} runs`);
const results = filters.map(([name, module]) => [name, time(module.createScriptStripper, html, runs)]);
for (const [name, { median, p95, output }] of results) {
  console.log(`${name.padEnd(12)} ${median.toFixed(3)} ms median, ${p95.toFixed(3)} ms p95 per document; ${kB(output)} sent`);
}
if (results.length === 2) console.log(`same output: ${results[0][1].output === results[1][1].output ? 'yes' : 'no'}`);
