// Quote suggestions: the passages of an archived article that look like reported statements, with their probable
// speaker, for the editor to confirm. Pure functions, no database, no language model: French and English news
// prose marks reported speech very regularly (quote marks, a verb of saying, que/that, selon/according to).
//
// How it reads a text (one module per step, all in lib/quote-suggestions/):
//   1. quote spans (quote-marks.ts): top-level « », “ ”, " " pairs on one line (inner marks nest inside them);
//   2. sentences (sentences.ts): split at . ! ? … outside quote spans, and at line ends;
//   3. cues (cues.ts): the verbs and prepositions of verbs.ts, outside quote spans;
//   4. candidates (candidates.ts, with analysis.ts): quoted words next to a cue (DIRECT), que/that clauses after a
//      cue, accusations, sentences of denial, `selon X` clauses, and statements followed by an inverted ", a
//      déclaré X" (all INDIRECT); their speakers are read by speakers.ts over noun-phrases.ts;
//   5. one suggestion per passage (chooseCandidates), then speakers named by pronoun or role are resolved to the
//      person named earlier (coreference.ts), and offsets are turned into code points (here).
//
// This file keeps the public interface (QuoteSuggestion and suggestQuotes) that the source page, the claim
// editor and the queries import.
//
// The labelling rules these choices follow are written at the top of seed/fixtures/quote-suggestions/labels.ts;
// quality.test.ts measures the result against them. The passes over the whole text are linear (a stack for the
// quote marks, one token scan for the cues, binary searches after that); everything else looks at a bounded
// window around a cue or a quote, and no pattern nests quantifiers, so a 2 MB text or 100,000 quote marks stay
// fast (detect.test.ts measures both).

import { codePointLength } from '../quotes/anchor';
import { type Analysis, patternsFor } from './analysis';
import { candidatesOf, chooseCandidates } from './candidates';
import { trimEnd } from './characters';
import { resolveSpeakers } from './coreference';
import { type Cue, findCues, languagesOf, withOpinionCues } from './cues';
import { grammarFor } from './noun-phrases';
import { findQuoteSpans } from './quote-marks';
import { findSentences } from './sentences';


export type SuggestionKind = 'DIRECT' | 'INDIRECT';
export type SuggestedStance = 'ASSERTS' | 'DENIES';
export type QuoteSuggestion = {
  kind: SuggestionKind;
  /** Code-point offsets into the text given (same unit as lib/quotes/anchor.ts): the words inside the quote marks
   *  (DIRECT, marks and inner padding spaces excluded) or the que/that clause (INDIRECT, up to the sentence end). */
  start: number;
  end: number;
  /** sliceCodePoints(text, start, end), exactly. */
  quote: string;
  /** The sentence (or sentences) around it, code points, for display. */
  contextStart: number;
  contextEnd: number;
  /** The speaker as written in the text ("Antony Blinken", "le Kremlin", "Dmitri Peskov"), or null if none found. */
  speaker: string | null;
  /** The attribution cue found ("a déclaré", "selon", "said"), or null. */
  cue: string | null;
  stance: SuggestedStance;
};

/** Context shown around a quote when its sentence is very long. */
const MAX_CONTEXT_MARGIN = 400;

/** How the cue reads in the text: the auxiliary kept when it is right before ("a déclaré", "a-t-elle déclaré"). */
function cueLabel(text: string, cue: Cue | null): string | null {
  if (!cue) return null;
  const pre = text.slice(Math.max(0, cue.start - 16), cue.start);
  const auxiliary = /(?:^|\s)((?:a|ont|avait|est|s['’]est|has|have|had)(?:-t-(?:il|elle|on))?)\s+$/iu.exec(pre);
  return auxiliary ? `${auxiliary[1]} ${cue.form}` : cue.form;
}

/** UTF-16 indices → code points, in one pass (suggestions come sorted; lib/quotes/anchor.ts counts the same way). */
function codePointConverter(text: string): (utf16: number) => number {
  // Without the u flag: in unicode mode the class would match lone surrogates only, never a pair.
  if (!/[\uD800-\uDFFF]/.test(text)) return (utf16) => utf16;
  const cache = new Map<number, number>();
  let lastUtf16 = 0;
  let lastPoints = 0;
  return (utf16) => {
    const known = cache.get(utf16);
    if (known !== undefined) return known;
    const points =
      utf16 >= lastUtf16 ? lastPoints + codePointLength(text.slice(lastUtf16, utf16)) : codePointLength(text.slice(0, utf16));
    if (utf16 >= lastUtf16) {
      lastUtf16 = utf16;
      lastPoints = points;
    }
    cache.set(utf16, points);
    return points;
  };
}

/** The reported statements of `text`, in text order, no two overlapping. */
export function suggestQuotes(text: string, language: string): QuoteSuggestion[] {
  if (text.trim() === '') return [];
  const languages = languagesOf(language);
  const grammar = grammarFor(languages);
  const spans = findQuoteSpans(text);
  const patterns = patternsFor(languages);
  const sentences = findSentences(text, spans);
  const analysis: Analysis = {
    text,
    languages,
    grammar,
    spans,
    cues: withOpinionCues(grammar, text, languages, sentences, findCues(text, languages, spans)),
    denialPattern: patterns.denial,
    clauseBreakPattern: patterns.clauseBreak,
  };
  const candidates = sentences.flatMap((sentence) => candidatesOf(analysis, sentence));
  const chosen = chooseCandidates(analysis, candidates);
  const speakers = resolveSpeakers(analysis, chosen, sentences);

  // Offsets are converted in increasing order so the conversion stays linear.
  const toCodePoint = codePointConverter(text);
  const marks = chosen.map((candidate) => {
    const contextStart = Math.max(candidate.sentence.start, Math.min(candidate.start, candidate.start - MAX_CONTEXT_MARGIN));
    const contextEnd = Math.min(trimEnd(text, candidate.sentence.start, candidate.sentence.end), candidate.end + MAX_CONTEXT_MARGIN);
    return { contextStart: Math.min(contextStart, candidate.start), contextEnd: Math.max(contextEnd, candidate.end) };
  });
  const ordered = [...new Set(chosen.flatMap((candidate, index) => {
    const mark = marks[index];
    return mark ? [mark.contextStart, candidate.start, candidate.end, mark.contextEnd] : [];
  }))].sort((a, b) => a - b);
  for (const offset of ordered) toCodePoint(offset);

  return chosen.map((candidate, index) => {
    const mark = marks[index] ?? { contextStart: candidate.start, contextEnd: candidate.end };
    return {
      kind: candidate.kind,
      start: toCodePoint(candidate.start),
      end: toCodePoint(candidate.end),
      quote: text.slice(candidate.start, candidate.end),
      contextStart: toCodePoint(mark.contextStart),
      contextEnd: toCodePoint(mark.contextEnd),
      speaker: speakers[index] ?? null,
      cue: cueLabel(text, candidate.cue),
      stance: candidate.stance,
    };
  });
}
