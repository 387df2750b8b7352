import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { PAGED_TWIN_SEGMENT } from './paged';

// The reader pages' route config (app/[locale]/layout.tsx says why): Next reads
// it from the source, so it cannot import PUBLIC_CACHE_SECONDS; this test keeps
// the literals in step, and every listing's later pages on a twin route.

const APP = path.join(import.meta.dirname, '..', '..', 'app', '[locale]');
const read = (relative: string) => fs.readFileSync(path.join(APP, relative), 'utf8');

const CACHED_PAGES = [
  'page.tsx',
  'claims/[slug]/page.tsx',
  'sources/[id]/page.tsx',
  'claimants/page.tsx',
  'claimants/[slug]/page.tsx',
  'tags/[tag]/page.tsx',
  'ratings/[key]/page.tsx',
  'methodology/page.tsx',
  'corrections/page.tsx',
];

test('every cached reader page is force-static and revalidates after PUBLIC_CACHE_SECONDS', () => {
  for (const page of CACHED_PAGES) {
    const source = read(page);
    assert.match(source, /^export const dynamic = 'force-static';$/m, page);
    assert.equal(Number(/^export const revalidate = (\d+);$/m.exec(source)?.[1]), PUBLIC_CACHE_SECONDS, page);
  }
});

test('a page that reads ?after= has a dynamic twin that renders it', () => {
  for (const page of CACHED_PAGES.filter((file) => /\bafter\b/.test(read(file)))) {
    const twin = path.join(path.dirname(page), `%5F${PAGED_TWIN_SEGMENT.slice(1)}`, 'page.tsx');
    const source = read(twin);
    assert.match(source, /^export \{ default, generateMetadata \} from '\.\.\/page';$/m, twin);
    assert.match(source, /^export const dynamic = 'force-dynamic';$/m, twin);
  }
});
