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
import { codePointLength, sliceCodePoints } from '../quotes/anchor';
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
  const before = sliceCodePoints(text, Math.max(0, startCodePoint - 3), startCodePoint);
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

function sameSpeaker(labelled: string | null, found: string | null): boolean {
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
  'held-out (2)': results.filter((result) => result.article.origin === 'held-out'),
  all: results,
} as const;
const scored = Object.fromEntries(Object.entries(groups).map(([name, group]) => [name, score(group)])) as Record<keyof typeof groups, Scores>;

/**
 * The held-out articles were measured once, with the engine of commit 319921a, before anything was changed
 * because of them; later commits fixed the failure kinds they showed, so the column above is no longer blind.
 */
const FROZEN_HELD_OUT =
  'held-out, measured before any change informed by them: recall 0.96 (26/27), precision 0.96 (26/27), ' +
  'speaker 0.77 (20/26), stance 0.92 (24/26)';

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
  console.log(`\nQuote suggestions against the hand-labelled fixture (overlap ≥ 50 % of the label)\n${line(['', ...names])}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}\n${rows.map(line).join('\n')}\n${FROZEN_HELD_OUT}\n`);
}

describe('quote suggestions: quality on the hand-labelled fixture', () => {
  test('prints precision and recall: seed articles, articles written for the fixture, held-out articles', () => {
    printTable();
    assert.ok(scored.all.recall.all.total >= 80, 'the fixture holds the labelled statements');
  });

  // Floors. Measured (see the closing note of issue 11): 1.00 recall on every kind and 0.99 precision over the
  // 119 labels, 0.90 speakers, 1.00 stances — but the seed and own articles are what the engine was tuned on, so
  // those figures flatter it. The two held-out articles, measured once before any change informed by them, gave
  // recall 0.96, precision 0.96, speakers 0.77, stances 0.92. Each floor sits a little under the measured figure
  // and, for the held-out group, under the frozen one: a regression fails the test, noise of one label does not.
  const all = scored.all;
  const heldOut = scored['held-out (2)'];
  test('recall ≥ 0.9 on « » quotes and on “ ” / " " quotes (the issue asks 0.9 for « »)', () => {
    assert.ok(ratio(all.recall['DIRECT «»']) >= 0.9, show(all.recall['DIRECT «»']));
    assert.ok(ratio(all.recall['DIRECT “” ""']) >= 0.9, show(all.recall['DIRECT “” ""']));
  });
  test('recall ≥ 0.9 on indirect speech (the issue asks 0.7)', () => {
    assert.ok(ratio(all.recall.INDIRECT) >= 0.9, show(all.recall.INDIRECT));
  });
  test('precision ≥ 0.9 overall and ≥ 0.85 on each kind', () => {
    assert.ok(ratio(all.precision.all) >= 0.9, show(all.precision.all));
    for (const category of CATEGORIES) assert.ok(ratio(all.precision[category]) >= 0.85, `${category}: ${show(all.precision[category])}`);
  });
  test('the speaker is right on ≥ 0.85 of the matched statements, the stance on ≥ 0.95', () => {
    assert.ok(ratio(all.speaker) >= 0.85, show(all.speaker));
    assert.ok(ratio(all.stance) >= 0.95, show(all.stance));
  });
  test('the seed articles alone: recall ≥ 0.9, precision ≥ 0.9', () => {
    const seed = scored['seed (5 articles)'];
    assert.ok(ratio(seed.recall.all) >= 0.9, show(seed.recall.all));
    assert.ok(ratio(seed.precision.all) >= 0.9, show(seed.precision.all));
  });
  test('the held-out articles: recall ≥ 0.9, precision ≥ 0.9, speakers ≥ 0.75 (frozen: 0.96, 0.96, 0.77)', () => {
    assert.ok(ratio(heldOut.recall.all) >= 0.9, show(heldOut.recall.all));
    assert.ok(ratio(heldOut.precision.all) >= 0.9, show(heldOut.precision.all));
    assert.ok(ratio(heldOut.speaker) >= 0.75, show(heldOut.speaker));
  });
});
