// After the choice of suggestions: a speaker given as a pronoun ("il", "she"), a bare role ("la ministre") or a
// surname alone ("Lavrov") becomes the person named earlier in the article, and the paragraphs of a quote over
// several paragraphs take the speaker given at its end. Done last, in text order, because it needs to know
// which statements were kept and who spoke before each.

import { type Analysis, type Candidate } from './analysis';
import { lower } from './characters';
import { type Grammar, isCapitalised, isHeadName, nameRuns, runText, tokenize, withoutTitles } from './noun-phrases';
import { spansIn } from './quote-marks';
import { firstAtOrAfter } from './sorted-search';
import { type Sentence } from './sentences';
import { INVERTED_SUBJECT_STOP } from './speakers';
import { DETERMINERS, ROLE_NOUNS } from './verbs';

/** Head noun of a bare role description ("la ministre", "l'élu"): those are anaphors, not names. */
function bareRole(description: string): string | null {
  const tokens = tokenize(description).filter((token) => /\p{L}/u.test(token.text));
  const words = tokens.map((token) => lower(token.text).replace(/^l'/u, ''));
  const content = words.filter((word) => !DETERMINERS.has(word));
  const role = content.find((word) => ROLE_NOUNS.has(word));
  return role ?? null;
}

/** Each role word's pattern, built once (roles are ROLE_NOUNS, so the map stays small; matchAll uses a copy). */
const ROLE_PATTERNS = new Map<string, RegExp>();
function rolePatternOf(role: string): RegExp {
  let pattern = ROLE_PATTERNS.get(role);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}])${role.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'giu');
    ROLE_PATTERNS.set(role, pattern);
  }
  return pattern;
}

/**
 * "la ministre" → the person named with that role earlier ("la ministre des Affaires étrangères nord-coréenne
 * Choe Son-hui"). Every other word of the description must appear in that earlier role phrase, so "le président
 * ukrainien" never becomes "le président russe Vladimir Poutine".
 */
function resolveRole(grammar: Grammar, text: string, description: string, before: number): string | null {
  const role = bareRole(description);
  if (!role) return null;
  const others = tokenize(description)
    .map((token) => lower(token.text).replace(/^l'/u, ''))
    .filter((word) => /\p{L}/u.test(word) && !DETERMINERS.has(word) && word !== role);
  const from = Math.max(0, before - 6000);
  const haystack = text.slice(from, before);
  const rolePattern = rolePatternOf(role);
  let found: string | null = null;
  for (const match of haystack.matchAll(rolePattern)) {
    const phrase = (haystack.slice(match.index + match[0].length, match.index + match[0].length + 120).split(/[.!?;:\n«»“”"]/u)[0]) ?? '';
    const tokens = tokenize(phrase);
    const run = nameRuns(grammar, tokens).find((candidate) => isHeadName(grammar, tokens, candidate));
    if (!run || run.first > 7) continue;
    const between = tokens.slice(0, run.first).map((token) => lower(token.text));
    if (between.some((word) => INVERTED_SUBJECT_STOP.has(word))) continue;
    if (between.filter((word) => word === ',').length > 1) continue;
    if (!others.every((word) => between.some((candidate) => candidate.replace(/^l'/u, '') === word))) continue;
    const named = withoutTitles(tokens, run);
    found = runText(phrase, tokens, named.first, named.last);
  }
  return found;
}

/** The last name of two words or more in the paragraph before `index`, outside quotes. */
function lastPersonName(analysis: Analysis, paragraphStartAt: number, index: number): string | null {
  const { text } = analysis;
  const paragraphStart = Math.max(paragraphStartAt, index - 3000);
  let found: string | null = null;
  let cursor = paragraphStart;
  const segments: [number, number][] = [];
  for (const span of spansIn(analysis.spans, paragraphStart, index)) {
    if (span.open > cursor) segments.push([cursor, span.open]);
    cursor = span.close + 1;
  }
  if (cursor < index) segments.push([cursor, index]);
  // The last one is wanted: segments are read from the end, and the first that holds a name ends the search.
  for (let segment = segments.length - 1; segment >= 0 && found === null; segment -= 1) {
    const [from, to] = segments[segment] ?? [0, 0];
    const value = text.slice(from, to);
    const tokens = tokenize(value);
    for (const run of nameRuns(analysis.grammar, tokens)) {
      if (!isHeadName(analysis.grammar, tokens, run)) continue;
      const capitals = tokens.slice(run.first, run.last + 1).filter((token) => isCapitalised(token)).length;
      if (capitals >= 2) {
        const named = withoutTitles(tokens, run);
        found = runText(value, tokens, named.first, named.last);
      }
    }
  }
  return found;
}

/** The characters a name never runs across ("…les États-Unis\nKim Jong Un a déclaré"): a line or a sentence break. */
const NAME_BREAK = /[\n.!?;:«»“”"]/gu;
const EXPAND_WINDOW = 8000;

/**
 * What expandName needs of a text, built once per resolveSpeakers call: the positions of the name breaks, and
 * for each whole segment between two breaks (keyed by its start) its words that belong to a name of several
 * words, each mapped to the last such name in the segment. Without it every one-word speaker re-split and
 * re-tokenized the 8,000 characters before it (quadratic in a long text of short quotes).
 */
interface NameIndex {
  breaks: number[];
  bySegment: Map<number, Map<string, string>>;
}

function nameIndex(text: string): NameIndex {
  const breaks: number[] = [];
  for (const match of text.matchAll(NAME_BREAK)) breaks.push(match.index);
  return { breaks, bySegment: new Map() };
}

/** Each word of a name of several words in the segment → that name; a later name overwrites (the last is kept). */
function namesIn(grammar: Grammar, segment: string): Map<string, string> {
  const names = new Map<string, string>();
  const tokens = tokenize(segment);
  for (const run of nameRuns(grammar, tokens)) {
    if (run.last === run.first) continue;
    const named = withoutTitles(tokens, run);
    const full = runText(segment, tokens, named.first, named.last);
    for (const token of tokens.slice(run.first, run.last + 1)) names.set(lower(token.text), full);
  }
  return names;
}

/** "Kim" → "Kim Jong Un", "Lavrov" → "Sergueï Lavrov": a surname alone is the full name given earlier. */
function expandName(grammar: Grammar, text: string, index: NameIndex, name: string, before: number): string {
  if (/\s/u.test(name) || name.length < 3) return name;
  const wanted = lower(name); // "O'Malley" is "O’Malley" too
  const from = Math.max(0, before - EXPAND_WINDOW);
  // The segments of the 8,000 characters before, read from the end: the last name that holds the word is the
  // answer, so the first segment (from the end) that has one ends the search.
  let breakAt = firstAtOrAfter(index.breaks, before, (position) => position) - 1;
  let end = before;
  for (;;) {
    const brk = breakAt >= 0 ? (index.breaks[breakAt] ?? -1) : -1;
    const start = brk >= from ? brk + 1 : from;
    if (start < end) {
      // A whole segment (a break on both sides) is read once per text; the two cut by the window, each time.
      const whole = brk >= from && end < before;
      let names = whole ? index.bySegment.get(start) : undefined;
      if (!names) {
        names = namesIn(grammar, text.slice(start, end));
        if (whole) index.bySegment.set(start, names);
      }
      const found = names.get(wanted);
      if (found !== undefined) return found;
    }
    if (brk < from) return name;
    end = brk;
    breakAt -= 1;
  }
}

export function resolveSpeakers(analysis: Analysis, chosen: readonly Candidate[], sentences: readonly Sentence[]): (string | null)[] {
  const paragraphStarts = new Map<number, number>();
  for (const sentence of sentences) if (!paragraphStarts.has(sentence.paragraph)) paragraphStarts.set(sentence.paragraph, sentence.start);
  const lastInParagraph = new Map<number, string>();
  let lastAnywhere: string | null = null;
  const names = nameIndex(analysis.text);
  const speakers = chosen.map((candidate) => {
    const { paragraph } = candidate.sentence;
    const anaphor = (): string | null =>
      lastInParagraph.get(paragraph) ??
      lastPersonName(analysis, paragraphStarts.get(paragraph) ?? 0, candidate.sentence.start) ??
      lastAnywhere;
    let speaker: string | null;
    const ref = candidate.speaker;
    switch (ref.kind) {
      case 'NAME':
        speaker = expandName(analysis.grammar, analysis.text, names, ref.text, candidate.start);
        break;
      case 'DESCRIPTION': {
        const bare = bareRole(ref.text) !== null && tokenize(ref.text).filter((t) => /\p{L}/u.test(t.text)).length <= 2;
        speaker = resolveRole(analysis.grammar, analysis.text, ref.text, candidate.sentence.start) ?? (bare ? anaphor() : null) ?? ref.text;
        break;
      }
      case 'PRONOUN':
        speaker = candidate.cue ? anaphor() : (lastInParagraph.get(paragraph) ?? null);
        break;
      default:
        speaker = null;
    }
    if (speaker !== null) {
      lastInParagraph.set(paragraph, speaker);
      lastAnywhere = speaker;
    }
    return speaker;
  });
  // A quote over several paragraphs is attributed once, usually at its end ("…,” she said): the paragraphs
  // before take the speaker of the paragraph that continues them.
  for (let index = chosen.length - 2; index >= 0; index -= 1) {
    const candidate = chosen[index];
    const next = chosen[index + 1];
    if (candidate?.span?.continued && speakers[index] === null && next?.sentence.paragraph === candidate.sentence.paragraph + 1) {
      speakers[index] = speakers[index + 1] ?? null;
    }
  }
  return speakers;
}
