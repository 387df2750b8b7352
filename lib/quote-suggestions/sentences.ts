// Pass 2 of the quote-suggestion engine: sentence boundaries. A full stop inside a quote is the speaker's, and
// one after "M." or an initial ends nothing, so sentences are found outside the quote spans. A suggestion's
// context is its sentence, and every cue is read within the sentence it sits in.

import { isSpace, lastNonSpace, skipSpaces, trimEnd } from './characters';
import { type QuoteSpan } from './quote-marks';

const SENTENCE_END_CHARS = new Set(['.', '!', '?', '…']);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'm', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'st', 'ste', 'mr', 'mrs', 'ms', 'prof', 'gen', 'gov', 'sen',
  'rep', 'jr', 'sr', 'etc', 'vs', 'cf', 'no', 'p', 'av', 'j.-c', 'u.s', 'u.k', 'inc', 'corp', 'ltd', 'co',
]);

export type Sentence = { start: number; end: number; paragraph: number };

export function findSentences(text: string, spans: readonly QuoteSpan[]): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  let spanIndex = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = skipSpaces(text, lineStart, lineEnd);
    let i = start;
    while (i < lineEnd) {
      while (spanIndex < spans.length && (spans[spanIndex]?.close ?? 0) < i) spanIndex += 1;
      const span = spans[spanIndex];
      if (span && span.open === i) {
        // Inside a quote, full stops belong to the speaker; a sentence may end right after the closing mark
        // when the quote itself ended one (“…the barriers.” The county…).
        i = Math.min(span.close + 1, lineEnd); // a continued quote "closes" at the line end
        const last = lastNonSpace(text, span.innerStart, span.close);
        if (last !== undefined && SENTENCE_END_CHARS.has(last) && startsNewSentence(text, i, lineEnd)) {
          sentences.push({ start, end: i, paragraph });
          start = skipSpaces(text, i, lineEnd);
          i = start;
        }
        continue;
      }
      const char = text[i] ?? '';
      if (SENTENCE_END_CHARS.has(char)) {
        let after = i + 1;
        while (after < lineEnd && (SENTENCE_END_CHARS.has(text[after] ?? '') || text[after] === ')')) after += 1;
        if (after >= lineEnd || (startsNewSentence(text, after, lineEnd) && !isAbbreviation(text, start, i))) {
          sentences.push({ start, end: after, paragraph });
          start = skipSpaces(text, after, lineEnd);
          i = start;
          continue;
        }
        i = after;
        continue;
      }
      i += 1;
    }
    if (start < lineEnd) sentences.push({ start, end: trimEnd(text, start, lineEnd), paragraph });
    if (lineEnd > lineStart) paragraph += 1;
    lineStart = lineEnd + 1;
  }
  return sentences.filter((sentence) => sentence.end > sentence.start);
}

/** After a full stop: spaces, then a capital, a digit, an opening mark or a dash. */
function startsNewSentence(text: string, from: number, lineEnd: number): boolean {
  if (from >= lineEnd) return true;
  if (!isSpace(text[from])) return false;
  const next = text[skipSpaces(text, from, lineEnd)];
  if (next === undefined) return true;
  return /[\p{Lu}\p{N}«“"—–-]/u.test(next);
}

function isAbbreviation(text: string, sentenceStart: number, stopIndex: number): boolean {
  let begin = stopIndex;
  while (begin > sentenceStart && /[\p{L}.-]/u.test(text[begin - 1] ?? '')) begin -= 1;
  const word = text.slice(begin, stopIndex);
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}
