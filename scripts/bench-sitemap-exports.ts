// How the sitemap and the research exports behave at newsroom scale: streams
// every sitemap file and both exports from a database that
// scripts/bench-claims-list.ts filled (100,000 claims), and prints for each
// the time, the size, the rows, and the most heap the process used meanwhile
// after a garbage collection (the point of streaming: what it keeps must not
// grow with the table). Run node with --expose-gc for that figure.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/attest_bench \
//     node scripts/run-tsx.mjs scripts/bench-claims-list.ts --runs=1   # fills it, once
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/attest_bench NODE_OPTIONS=--expose-gc \
//     node scripts/run-tsx.mjs scripts/bench-sitemap-exports.ts
//
// It prints figures and asserts nothing.

import { performance } from 'node:perf_hooks';
import { getPrisma } from '../lib/db';
import { claimExportStream, type ExportFormat } from '../lib/exports/claims-export';
import { parseSitemapFileName } from '../lib/sitemap/plan';
import { countSitemap, rootSitemap, sitemapFile } from '../lib/sitemap/sitemap';

const name = decodeURIComponent(new URL(process.env.DATABASE_URL ?? 'postgresql://x/none').pathname.slice(1));
if (!name.startsWith('attest_bench')) {
  console.error('Set DATABASE_URL to a database filled by scripts/bench-claims-list.ts (its name starts with attest_bench).');
  process.exit(2);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads a stream to its end, counting bytes and lines; every 4 MB, collects garbage and samples the heap that is left. */
async function drain(label: string, stream: ReadableStream<Uint8Array>) {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let retained = 0;
  let bytes = 0;
  let sampledAt = 0;
  let lines = 0;
  const started = performance.now();
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines++;
    if (global.gc && bytes - sampledAt > 4 * 1024 * 1024) {
      sampledAt = bytes;
      global.gc();
      retained = Math.max(retained, process.memoryUsage().heapUsed - heapBefore);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const heap = global.gc ? `heap kept +${mb(retained)} at most` : '(no --expose-gc: heap not sampled)';
  console.log(`${label.padEnd(30)} ${seconds.toFixed(2).padStart(6)} s  ${mb(bytes).padStart(8)}  ${String(lines).padStart(7)} lines  ${heap}`);
}

const counts = await countSitemap();
console.log(`Public records: ${JSON.stringify(counts)}`);

let started = performance.now();
const root = await rootSitemap();
console.log(`/sitemap.xml: ${root.kind} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
if (root.kind === 'index') {
  const files = [...root.xml.matchAll(/<loc>[^<]*\/sitemaps\/([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
  for (const file of files) {
    const parsed = parseSitemapFileName(file);
    const stream = parsed ? await sitemapFile(parsed) : null;
    if (stream) await drain(`/sitemaps/${file}`, stream);
  }
} else {
  await drain('/sitemap.xml', root.stream);
}

for (const format of ['csv', 'jsonl'] as ExportFormat[]) {
  await drain(`/api/exports/claims.${format}`, claimExportStream(format, { origin: 'https://factcheck.example.org' }));
}
await getPrisma().$disconnect();
