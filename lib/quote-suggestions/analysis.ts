// What the candidate finders of candidates.ts share: the Analysis of one text (its spans, cues, grammar and
// language patterns), the Candidate they produce, the bounds that keep every look-around window small (so a
// 2 MB article stays linear), and the readings of a cue that several finders need — its speaker, its stance,
// where the clause after it ends.

import { countWords, isSpace } from './characters';
import { type Cue, cuesIn, isParticipleOfAction } from './cues';
import { type SuggestedStance, type SuggestionKind } from './detect';
import { type Grammar } from './noun-phrases';
import { type QuoteSpan, spanAround, spansIn } from './quote-marks';
import { type Sentence } from './sentences';
import { firstAtOrAfter } from './sorted-search';
import {
  isInverted,
  SKIP,
  type SpeakerRef,
  stripAuxiliaries,
  subjectAfter,
  subjectBefore,
  subjectOfChunk,
} from './speakers';
import { CLAUSE_BREAKS, type CueLanguage, DENIAL_WORDS } from './verbs';

/** Longest clause offered; a "sentence" longer than this is unpunctuated text, not a statement. */
export const MAX_CLAUSE_LENGTH = 1200;

/** How far (UTF-16 units) the engine looks around a cue or a quote for its attribution. */
export const LOOK_BACK = 250;
export const LOOK_AHEAD = 200;

export type Source = 'QUOTE' | 'CLAUSE' | 'ACCUSATION' | 'DENIAL_SENTENCE' | 'ACCORDING_TO' | 'INVERTED';

export type Candidate = {
  source: Source;
  kind: SuggestionKind;
  start: number;
  end: number;
  sentence: Sentence;
  cue: Cue | null;
  speaker: SpeakerRef;
  stance: SuggestedStance;
  span: QuoteSpan | null;
};

export type Analysis = {
  text: string;
  languages: readonly CueLanguage[];
  grammar: Grammar;
  spans: readonly QuoteSpan[];
  cues: readonly Cue[];
  denialPattern: RegExp;
  clauseBreakPattern: RegExp;
};

const patternCache = new Map<string, { denial: RegExp; clauseBreak: RegExp }>();

export function patternsFor(languages: readonly CueLanguage[]): { denial: RegExp; clauseBreak: RegExp } {
  const key = languages.join('+');
  const cached = patternCache.get(key);
  if (cached) return cached;
  const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+');
  const denialWords = languages.flatMap((language) => DENIAL_WORDS[language]).sort((a, b) => b.length - a.length);
  const breaks = languages.flatMap((language) => CLAUSE_BREAKS[language]);
  const patterns = {
    denial: new RegExp(`(?<![\\p{L}])(?:${denialWords.map(escape).join('|')})(?![\\p{L}])`, 'iu'),
    clauseBreak: new RegExp(`,\\s*(?:${breaks.map(escape).join('|')})(?![\\p{L}])|;|\\s[—–]\\s`, 'giu'),
  };
  patternCache.set(key, patterns);
  return patterns;
}

/** Start of the text a cue's subject is read from: after the last quote closed before it, within the sentence. */
export function preStart(analysis: Analysis, sentence: Sentence, index: number): number {
  let start = Math.max(sentence.start, index - LOOK_BACK);
  const spans = spansIn(analysis.spans, start, index);
  const lastSpan = spans[spans.length - 1];
  // The closing mark stays in: "…,” said O'Malley" is inverted because of it.
  if (lastSpan && lastSpan.close < index) start = lastSpan.close;
  return start;
}

/** Who a cue attributes its statement to. */
export function speakerOfCue(analysis: Analysis, sentence: Sentence, cue: Cue): SpeakerRef {
  const { text } = analysis;
  const after = text.slice(cue.end, Math.min(sentence.end, cue.end + LOOK_AHEAD));
  if (cue.family === 'ACCORDING_TO') {
    const source = after.split(/[,.;:!?«»“”"]/u)[0] ?? '';
    const subject = subjectOfChunk(analysis.grammar, source);
    if (subject === SKIP) return { kind: 'UNKNOWN' };
    return subject;
  }
  const pre = text.slice(preStart(analysis, sentence, cue.start), cue.start);
  if (/-t-(?:il|elle|on)\s*$|-(?:ils|elles)\s*$/iu.test(pre)) return { kind: 'PRONOUN' };
  // Passive: "démenties par la Corée du Nord", "accused by the opposition".
  const agent = /^\s*(?:par|by)\s+([^,.;:!?«»“”"]{1,120})/iu.exec(after);
  if (agent && /(?:é|ée|és|ées|i|ie|is|ies|ed)$/iu.test(cue.form)) {
    const cut = (agent[1] ?? '').split(/\s(?:de|d['’]|of|pour|for|qui|who)\s/iu)[0] ?? '';
    const subject = subjectOfChunk(analysis.grammar, cut);
    if (subject !== SKIP) return subject;
  }
  if (isInverted(analysis.grammar, cue, pre, after)) return subjectAfter(analysis.grammar, after);
  if (isParticipleOfAction(cue) && /[,]\s*$/u.test(stripAuxiliaries(pre.trimEnd()))) {
    // "…, qualifiant cela de …": the participle's subject is the sentence's.
    if (cue.start - sentence.start > MAX_CLAUSE_LENGTH) return { kind: 'UNKNOWN' };
    const atStart = analysis.cues[firstAtOrAfter(analysis.cues, sentence.start, (other) => other.start)];
    const firstCue = atStart && atStart.start < cue.start ? atStart : undefined;
    const mainPre = text.slice(sentence.start, firstCue ? firstCue.start : cue.start);
    return subjectBefore(analysis.grammar, mainPre, firstCue ? 'last' : 'first');
  }
  return subjectBefore(analysis.grammar, pre);
}

export function stanceOf(analysis: Analysis, cue: Cue | null, following: string): SuggestedStance {
  if (!cue) return 'ASSERTS';
  if (cue.family === 'DENY') return 'DENIES';
  if (cue.family === 'QUALIFY' && analysis.denialPattern.test(following.slice(0, 120))) return 'DENIES';
  return 'ASSERTS';
}

/** End of a reported clause: the sentence end or a clause break outside quotes, final punctuation excluded. */
export function clauseEnd(analysis: Analysis, sentence: Sentence, from: number): number {
  const { text } = analysis;
  // Looked at no further than the longest clause offered (callers drop longer ones), so that a text without
  // full stops stays linear.
  let end = Math.min(sentence.end, from + MAX_CLAUSE_LENGTH + 1);
  // ", jugeant que…", ", affirmant que…": a new statement of the same speaker starts there.
  for (const cue of cuesIn(analysis.cues, from, end)) {
    if ((cue.family === 'SAY' || cue.family === 'SAY_WITH_CLAUSE' || cue.family === 'DENY') && isParticipleOfAction(cue) &&
        /,\s*$/u.test(text.slice(Math.max(from, cue.start - 4), cue.start)) &&
        QUE_OR_THAT.test(text.slice(cue.end, cue.end + 40))) {
      end = cue.start;
      break;
    }
  }
  const pattern = analysis.clauseBreakPattern;
  pattern.lastIndex = 0;
  const window = text.slice(from, end);
  for (const match of window.matchAll(pattern)) {
    if (spanAround(analysis.spans, from + match.index)) continue;
    end = from + match.index;
    break;
  }
  return trimClauseEnd(text, from, end);
}

export function trimClauseEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && (isSpace(text[end - 1]) || /[.,;:]/u.test(text[end - 1] ?? ''))) end -= 1;
  return end;
}

export function words(analysis: Analysis, from: number, to: number): number {
  return countWords(analysis.text.slice(from, to));
}

export const QUE_OR_THAT = /(?<![\p{L}])(?:(?:que|that)(?![\p{L}])|qu['’])/iu;
