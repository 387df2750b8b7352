// Measured quality of the quote suggestions against the hand-labelled fixture
// (seed/fixtures/quote-suggestions/labels.ts, labelled before the engine was written).
//
// Run: node scripts/test.mjs unit lib/quote-suggestions/quality.test.ts — it prints the table and asserts floors.
//
// Matching. A suggestion matches a label when their ranges overlap by at least half of the label. Half of the
// label, not of the suggestion: what the editor needs is that the statement is offered; a suggestion that runs a
// few words longer ("… des normes a été vue 50 000 fois") or starts at the first comma after `selon X` still
// puts the statement in front of them, and they correct the edges in the form. Half, not all: the edges are
// where the engine and the labeller legitimately differ (a closing mark, a trailing clause). Matching is one to
// one (the largest overlap first), so one long suggestion never counts for two labels and a statement split in
// two counts once — the other half is a false positive.
//
// Speakers are compared on the matched pairs only: equal after folding accents, case, apostrophes and a leading
// article ("le Kremlin" = "Kremlin"), or one containing the other's last word ("Kim" and "Kim Jong Un",
// "Loire-Bretagne" and "L'agence de l'eau Loire-Bretagne"), so a surname found without the first name counts —
// the claimant search matches it the same way. null matches only null.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LABELLED_ARTICLES, type LabelledArticle, type LabelledStatement } from '../../seed/fixtures/quote-suggestions/labels';
import { codePointLength } from '../quotes/anchor';
import { importArticle } from '../sources/import-article';
import { type QuoteSuggestion, suggestQuotes } from './detect';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Category = 'DIRECT «»' | 'DIRECT “” ""' | 'INDIRECT';
const CATEGORIES: readonly Category[] = ['DIRECT «»', 'DIRECT “” ""', 'INDIRECT'];

type Located = { start: number; end: number; category: Category };
type LabelRow = LabelledStatement & Located;
type PredictionRow = QuoteSuggestion & { category: Category };

/** DIRECT in guillemets or in other marks, told by the first mark before the quote. */
function categoryOf(text: string, kind: 'DIRECT' | 'INDIRECT', startCodePoint: number): Category {
  if (kind === 'INDIRECT') return 'INDIRECT';
  const before = Array.from(text).slice(Math.max(0, startCodePoint - 3), startCodePoint).join('');
  return /«[\s\u00A0\u202F]*$/u.test(before) ? 'DIRECT «»' : 'DIRECT “” ""';
}

function locateLabel(text: string, label: LabelledStatement): LabelRow {
  let at = -1;
  for (let occurrence = 0; occurrence <= (label.occurrence ?? 0); occurrence += 1) at = text.indexOf(label.quote, at + 1);
  assert.notEqual(at, -1, `label not found in the cleaned text: ${label.quote}`);
  const start = codePointLength(text.slice(0, at));
  return { ...label, start, end: start + codePointLength(label.quote), category: categoryOf(text, label.kind, start) };
}

const fold = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/gu, "'")
    .replace(/^(?:le|la|les|l'|the)\s*/u, '')
    .replace(/[^\p{L}\p{N}' -]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
const lastWord = (value: string): string => value.split(/[\s']/u).filter(Boolean).pop() ?? '';
const wordsOf = (value: string): string[] => value.split(/[\s']/u).filter(Boolean);

export function sameSpeaker(labelled: string | null, found: string | null): boolean {
  if (labelled === null || found === null) return labelled === found;
  const a = fold(labelled);
  const b = fold(found);
  if (a === b) return true;
  return wordsOf(b).includes(lastWord(a)) || wordsOf(a).includes(lastWord(b));
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

type Pair = { label: LabelRow; prediction: PredictionRow };
type ArticleResult = { article: LabelledArticle; labels: LabelRow[]; predictions: PredictionRow[]; pairs: Pair[] };

function evaluate(article: LabelledArticle): ArticleResult {
  const text = importArticle(readFileSync(join(ROOT, article.file), 'utf8')).text;
  const labels = article.statements.map((label) => locateLabel(text, label));
  const predictions = suggestQuotes(text, article.language).map((suggestion) => ({
    ...suggestion,
    category: categoryOf(text, suggestion.kind, suggestion.start),
  }));
  // One to one, largest overlap first.
  const options: { label: LabelRow; prediction: PredictionRow; shared: number }[] = [];
  for (const label of labels) {
    for (const prediction of predictions) {
      const shared = overlap(label, prediction);
      if (shared >= 0.5 * (label.end - label.start)) options.push({ label, prediction, shared });
    }
  }
  options.sort((a, b) => b.shared - a.shared);
  const pairs: Pair[] = [];
  const usedLabels = new Set<LabelRow>();
  const usedPredictions = new Set<PredictionRow>();
  for (const option of options) {
    if (usedLabels.has(option.label) || usedPredictions.has(option.prediction)) continue;
    usedLabels.add(option.label);
    usedPredictions.add(option.prediction);
    pairs.push({ label: option.label, prediction: option.prediction });
  }
  return { article, labels, predictions, pairs };
}

type Score = { hits: number; total: number };
const ratio = ({ hits, total }: Score): number => (total === 0 ? Number.NaN : hits / total);
const show = (score: Score): string =>
  score.total === 0 ? '—' : `${ratio(score).toFixed(2)} (${score.hits}/${score.total})`;

type Scores = {
  recall: Record<Category | 'all', Score>;
  precision: Record<Category | 'all', Score>;
  speaker: Score;
  stance: Score;
  kind: Score;
};

function score(results: readonly ArticleResult[]): Scores {
  const empty = (): Record<Category | 'all', Score> => ({
    'DIRECT «»': { hits: 0, total: 0 },
    'DIRECT “” ""': { hits: 0, total: 0 },
    INDIRECT: { hits: 0, total: 0 },
    all: { hits: 0, total: 0 },
  });
  const scores: Scores = { recall: empty(), precision: empty(), speaker: { hits: 0, total: 0 }, stance: { hits: 0, total: 0 }, kind: { hits: 0, total: 0 } };
  for (const result of results) {
    const matchedLabels = new Set(result.pairs.map((pair) => pair.label));
    const matchedPredictions = new Set(result.pairs.map((pair) => pair.prediction));
    for (const label of result.labels) {
      for (const bucket of [label.category, 'all'] as const) {
        scores.recall[bucket].total += 1;
        if (matchedLabels.has(label)) scores.recall[bucket].hits += 1;
      }
    }
    for (const prediction of result.predictions) {
      for (const bucket of [prediction.category, 'all'] as const) {
        scores.precision[bucket].total += 1;
        if (matchedPredictions.has(prediction)) scores.precision[bucket].hits += 1;
      }
    }
    for (const { label, prediction } of result.pairs) {
      scores.speaker.total += 1;
      scores.stance.total += 1;
      scores.kind.total += 1;
      if (sameSpeaker(label.speaker, prediction.speaker)) scores.speaker.hits += 1;
      if (label.stance === prediction.stance) scores.stance.hits += 1;
      if (label.kind === prediction.kind) scores.kind.hits += 1;
    }
  }
  return scores;
}

const results = LABELLED_ARTICLES.map(evaluate);
const groups = {
  'seed (5 articles)': results.filter((result) => result.article.origin === 'seed'),
  'own (3 articles)': results.filter((result) => result.article.origin === 'own'),
  'held-out (1)': results.filter((result) => result.article.origin === 'held-out'),
  all: results,
} as const;
const scored = Object.fromEntries(Object.entries(groups).map(([name, group]) => [name, score(group)])) as Record<keyof typeof groups, Scores>;

function printTable(): void {
  const names = Object.keys(groups) as (keyof typeof groups)[];
  const rows: [string, ...string[]][] = [];
  for (const category of [...CATEGORIES, 'all'] as const) {
    rows.push([`recall    ${category}`, ...names.map((name) => show(scored[name].recall[category]))]);
  }
  for (const category of [...CATEGORIES, 'all'] as const) {
    rows.push([`precision ${category}`, ...names.map((name) => show(scored[name].precision[category]))]);
  }
  rows.push(['speaker (matched)', ...names.map((name) => show(scored[name].speaker))]);
  rows.push(['stance (matched)', ...names.map((name) => show(scored[name].stance))]);
  rows.push(['kind (matched)', ...names.map((name) => show(scored[name].kind))]);
  const widths = [Math.max(...rows.map((row) => row[0].length)), ...names.map((name, index) => Math.max(name.length, ...rows.map((row) => (row[index + 1] ?? '').length)))];
  const line = (cells: readonly string[]): string => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ');
  console.log(`\nQuote suggestions against the hand-labelled fixture (overlap ≥ 50 % of the label)\n${line(['', ...names])}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}\n${rows.map(line).join('\n')}\n`);
}

describe('quote suggestions: quality on the hand-labelled fixture', () => {
  test('prints precision and recall, seed articles vs articles written for the fixture', () => {
    printTable();
    assert.ok(scored.all.recall.all.total >= 80, 'the fixture holds the labelled statements');
  });

  // Floors a little under what is measured (see the printed table and the closing note of issue 11), never above:
  // they catch a regression, they do not flatter the engine.
  const all = scored.all;
  test('recall ≥ 0.9 on « » quotes (the issue asks for it)', () => {
    assert.ok(ratio(all.recall['DIRECT «»']) >= 0.9, show(all.recall['DIRECT «»']));
  });
  test('recall ≥ 0.85 on “ ” and " " quotes', () => {
    assert.ok(ratio(all.recall['DIRECT “” ""']) >= 0.85, show(all.recall['DIRECT “” ""']));
  });
  test('recall ≥ 0.7 on indirect speech (the issue asks for it)', () => {
    assert.ok(ratio(all.recall.INDIRECT) >= 0.7, show(all.recall.INDIRECT));
  });
  test('precision ≥ 0.85 overall, ≥ 0.8 on each kind', () => {
    assert.ok(ratio(all.precision.all) >= 0.85, show(all.precision.all));
    for (const category of CATEGORIES) assert.ok(ratio(all.precision[category]) >= 0.8, `${category}: ${show(all.precision[category])}`);
  });
  test('the speaker is right on ≥ 0.75 of the matched statements, the stance on ≥ 0.9', () => {
    assert.ok(ratio(all.speaker) >= 0.75, show(all.speaker));
    assert.ok(ratio(all.stance) >= 0.9, show(all.stance));
  });
  test('the seed articles alone keep recall ≥ 0.85 and precision ≥ 0.85', () => {
    const seed = scored['seed (5 articles)'];
    assert.ok(ratio(seed.recall.all) >= 0.85, show(seed.recall.all));
    assert.ok(ratio(seed.precision.all) >= 0.85, show(seed.precision.all));
  });
});
