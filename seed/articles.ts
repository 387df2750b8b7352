import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedArticleKey } from './data/claims';

const ARTICLES_DIR = fileURLToPath(new URL('./articles/', import.meta.url));

export type SeedArticle = { key: SeedArticleKey; fileName: string; rawText: string };

const ARTICLE_KEYS: readonly SeedArticleKey[] = ['000', '001', '002', '003', '004'];

function isArticleKey(value: string): value is SeedArticleKey {
  return (ARTICLE_KEYS as readonly string[]).includes(value);
}

/** The five seed articles, read byte for byte from seed/articles/. */
export function readSeedArticles(): SeedArticle[] {
  return readdirSync(ARTICLES_DIR)
    .filter((fileName) => fileName.endsWith('.txt'))
    .sort()
    .map((fileName) => {
      const key = fileName.slice(0, 3);
      if (!isArticleKey(key)) throw new Error(`unexpected seed article ${fileName}`);
      return { key, fileName, rawText: readFileSync(join(ARTICLES_DIR, fileName), 'utf8') };
    });
}
