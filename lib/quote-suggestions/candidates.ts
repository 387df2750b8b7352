// Passes 4 and 5 of the quote-suggestion engine: the candidate statements of each sentence — quoted words next
// to a cue (DIRECT); que/that clauses, accusations, denial sentences, selon clauses and inverted statements
// (INDIRECT) — then one candidate per passage, chosen by the labelling rules written at the top of
// seed/fixtures/quote-suggestions/labels.ts (the rule numbers below are theirs).

import {
  type Analysis,
  type Candidate,
  clauseEnd,
  LOOK_AHEAD,
  LOOK_BACK,
  MAX_CLAUSE_LENGTH,
  preStart,
  QUE_OR_THAT,
  type Source,
  speakerOfCue,
  stanceOf,
  trimClauseEnd,
  words,
} from './analysis';
import { countWords, skipSpaces } from './characters';
import { type Cue, cuesIn, isParticipleOfAction } from './cues';
import { isDeterminer, tokenize } from './noun-phrases';
import { type QuoteSpan, spansIn } from './quote-marks';
import { type Sentence } from './sentences';
import { firstAtOrAfter } from './sorted-search';
import {
  isInverted,
  MIN_INVERTED_STATEMENT_WORDS,
  SKIP,
  type SpeakerRef,
  stripAuxiliaries,
  subjectAfter,
  subjectOfChunk,
} from './speakers';

/** Quoted words shorter than this are scare quotes or title words (« victoire », "soutien"), never suggested. */
export const MIN_QUOTE_WORDS = 3;
/** A quote this long with no cue in its sentence is still speech (a paragraph that continues a statement). */
const MIN_UNATTRIBUTED_QUOTE_WORDS = 6;
/** Rule 3 of the fixture: a clause around a quote is the suggestion when it has this many words of its own. */
const MIN_CLAUSE_OWN_WORDS = 3;

const ZERO_THAT_VERBS = new Set(['said', 'says', 'claimed', 'claims', 'warned', 'added', 'insisted', 'argued']);
const ZERO_THAT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'these', 'those', 'it',
  'he', 'she', 'they', 'we', 'i', 'there', 'no', 'some', 'all']);

/** Quoted words next to a cue: DIRECT. */
function quoteCandidates(analysis: Analysis, sentence: Sentence): Candidate[] {
  const { text } = analysis;
  const spans = spansIn(analysis.spans, sentence.start, sentence.end);
  const candidates: Candidate[] = [];
  let previousQuote: QuoteSpan | undefined;
  // Start of the sentence's first DENY cue, looked up once per sentence (undefined: not yet; null: none). Every
  // cue chosen below starts before the sentence's end, so "a DENY cue between the sentence's start and this cue"
  // is "the first DENY cue starts before this cue".
  let firstDeny: number | null | undefined;
  const firstDenyStart = (): number | null => {
    if (firstDeny === undefined) {
      firstDeny = cuesIn(analysis.cues, sentence.start, sentence.end).find((other) => other.family === 'DENY')?.start ?? null;
    }
    return firstDeny;
  };
  spans.forEach((span, index) => {
    if (span.words < MIN_QUOTE_WORDS) return;
    // A real quote before this one owns the verbs before it; a scare quote does not stand between a quote and
    // its verb ("qualifiant cela de « mesures anti-Russie » de Washington, des « actes… »").
    const previousClose = previousQuote?.close ?? sentence.start - 1;
    previousQuote = span;
    const nextOpen = spans[index + 1]?.open ?? sentence.end;
    const afterCue = cuesIn(analysis.cues, span.close + 1, Math.min(nextOpen, span.close + 1 + LOOK_AHEAD)).find(
      (cue) => cue.family !== 'SAY_WITH_CLAUSE' && cue.family !== 'ACCUSE' && words(analysis, span.close + 1, cue.start) <= 8,
    );
    let cue: Cue | null = afterCue ?? null;
    if (!cue) {
      const before = cuesIn(analysis.cues, Math.max(previousClose + 1, span.open - LOOK_BACK), span.open);
      for (let cueIndex = before.length - 1; cueIndex >= 0; cueIndex -= 1) {
        const candidate = before[cueIndex];
        if (!candidate) continue;
        const between = text.slice(candidate.end, span.open);
        if (countWords(between) > 20) break;
        if (candidate.family === 'SAY_WITH_CLAUSE' && !QUE_OR_THAT.test(between)) continue;
        cue = candidate;
        break;
      }
    }
    if (!cue) {
      const later = cuesIn(analysis.cues, span.close + 1, nextOpen).find((c) => c.family === 'SAY' || c.family === 'DENY');
      cue = later ?? null;
    }
    if (!cue && span.words < MIN_UNATTRIBUTED_QUOTE_WORDS) return;
    // No verb at all: a long quote continues the statement of the person quoted just before.
    const speaker: SpeakerRef = cue ? speakerOfCue(analysis, sentence, cue) : { kind: 'PRONOUN' };
    const following = cue ? text.slice(cue.end, Math.max(cue.end, span.close + 1)) : '';
    let stance = stanceOf(analysis, cue, cue && cue.start > span.close ? text.slice(cue.end, cue.end + 120) : following);
    if (cue?.family === 'QUALIFY' && analysis.denialPattern.test(text.slice(span.innerStart, span.innerEnd).slice(0, 60))) {
      stance = 'DENIES';
    }
    // "La direction a démenti ce chiffre, évoquant « moins de 1 200 départs »": the quote is the denial's.
    if (cue && isParticipleOfAction(cue)) {
      const deny = firstDenyStart();
      if (deny !== null && deny < cue.start) stance = 'DENIES';
    }
    candidates.push({
      source: 'QUOTE',
      kind: 'DIRECT',
      start: span.innerStart,
      end: span.innerEnd,
      sentence,
      cue,
      speaker,
      stance,
      span,
    });
  });
  return candidates;
}

/** que/that clauses after a verb of saying or denial: INDIRECT. */
function clauseCandidates(analysis: Analysis, sentence: Sentence): Candidate[] {
  const { text } = analysis;
  const candidates: Candidate[] = [];
  for (const cue of cuesIn(analysis.cues, sentence.start, sentence.end)) {
    if (cue.family !== 'SAY' && cue.family !== 'SAY_WITH_CLAUSE' && cue.family !== 'DENY') continue;
    const windowEnd = Math.min(sentence.end, cue.end + 160);
    const window = text.slice(cue.end, windowEnd);
    let clauseStart = -1;
    const que = QUE_OR_THAT.exec(window);
    if (que) {
      const between = window.slice(0, que.index);
      const crossesQuote = /[«»“”"]/u.test(between);
      const crossesVerb = cuesIn(analysis.cues, cue.end, cue.end + que.index).length > 0;
      // Between a denial and its clause, the object may name what is denied: "rejected claims that…",
      // "a démenti les informations que…" — that object is not the relative "le danger global que…".
      const deniedThing = cue.family === 'DENY' && /^\s*(?:(?:the|les|des|ces|these)\s+)?(?:claims?|allegations?|reports?|suggestions?|accusations?|informations?|rumeurs?|rumou?rs?)\s*$/iu.test(between);
      const objectFirst = !deniedThing && isDeterminer(analysis.grammar, tokenize(between)[0]) && !/^\s*,/u.test(between);
      if (countWords(between) <= 10 && !crossesQuote && !crossesVerb && !objectFirst && !/[.!?]/u.test(between)) {
        clauseStart = skipSpaces(text, cue.end + que.index + que[0].length, windowEnd);
      }
    }
    if (clauseStart === -1 && cue.language === 'en' && ZERO_THAT_VERBS.has(cue.form.toLowerCase())) {
      // "Whitfield said the council would…": English often drops "that". Not after an inverted verb: in
      // "“…,” said the Kremlin spokesman" the words after it are its subject.
      const next = /^\s+([\p{L}]+)/u.exec(window);
      const pre = text.slice(preStart(analysis, sentence, cue.start), cue.start);
      if (next && ZERO_THAT_OPENERS.has((next[1] ?? '').toLowerCase()) && /^\p{Ll}/u.test(next[1] ?? '') &&
          !isInverted(analysis.grammar, cue, pre, window)) {
        clauseStart = cue.end + (next.index + next[0].length - (next[1] ?? '').length);
      }
    }
    if (clauseStart === -1) continue;
    const end = clauseEnd(analysis, sentence, clauseStart);
    if (end - clauseStart < 8 || end - clauseStart > MAX_CLAUSE_LENGTH || words(analysis, clauseStart, end) < 3) continue;
    candidates.push({
      source: 'CLAUSE',
      kind: 'INDIRECT',
      start: clauseStart,
      end,
      sentence,
      cue,
      speaker: speakerOfCue(analysis, sentence, cue),
      stance: cue.family === 'DENY' ? 'DENIES' : 'ASSERTS',
      span: null,
    });
  }
  return candidates;
}

const FRENCH_ACCUSATION_OBJECT =
  /(?<![\p{L}])(?:de|d['’])\s*(?:(?:lui|leur|les|se|s['’]|y|en|l['’]|ne|n['’])\s*)*(?:[«“"]|avoir|être|[\p{L}]+(?:er|ir|re|oir)(?![\p{L}]))/iu;
const ENGLISH_ACCUSATION_OBJECT = /(?<![\p{L}])of\s+(?:[«“"]|[\p{L}]+ing(?![\p{L}]))/iu;

/** "accuser X de …", "est accusé (par X) de …": INDIRECT, the accusation. */
function accusationCandidates(analysis: Analysis, sentence: Sentence): Candidate[] {
  const { text } = analysis;
  const candidates: Candidate[] = [];
  for (const cue of cuesIn(analysis.cues, sentence.start, sentence.end)) {
    if (cue.family !== 'ACCUSE') continue;
    const window = text.slice(cue.end, Math.min(sentence.end, cue.end + LOOK_AHEAD));
    const object = (cue.language === 'en' ? ENGLISH_ACCUSATION_OBJECT : FRENCH_ACCUSATION_OBJECT).exec(window);
    if (!object || countWords(window.slice(0, object.index)) > 12) continue;
    const pre = text.slice(preStart(analysis, sentence, cue.start), cue.start);
    const passive =
      /(?:^|\s)(?:est|sont|été|était|étaient|is|are|was|were|been|being)(?:\s+[\p{L}'’-]+){0,3}\s*$/iu.test(pre) ||
      (/,\s*$/u.test(pre) && /(?:é|ée|és|ées|ed)$/iu.test(cue.form));
    const start = passive ? cue.end + object.index : skipSpaces(text, cue.end, sentence.end);
    const end = clauseEnd(analysis, sentence, start);
    if (end - start < 8 || end - start > MAX_CLAUSE_LENGTH) continue;
    let speaker: SpeakerRef;
    if (passive) {
      const agent = /^\s*(?:par|by)\s+(.*)$/isu.exec(window.slice(0, object.index));
      const subject = agent ? subjectOfChunk(analysis.grammar, agent[1] ?? '') : SKIP;
      speaker = subject === SKIP ? { kind: 'NONE' } : subject;
    } else {
      speaker = speakerOfCue(analysis, sentence, cue);
    }
    candidates.push({ source: 'ACCUSATION', kind: 'INDIRECT', start, end, sentence, cue, speaker, stance: 'ASSERTS', span: null });
  }
  return candidates;
}

/** A denial with no clause or quote of its own: the whole sentence, INDIRECT, DENIES. */
function denialSentenceCandidates(analysis: Analysis, sentence: Sentence): Candidate[] {
  const { text } = analysis;
  const denial = cuesIn(analysis.cues, sentence.start, sentence.end).find(
    (cue) =>
      cue.family === 'DENY' ||
      (cue.family === 'QUALIFY' && analysis.denialPattern.test(text.slice(cue.end, Math.min(sentence.end, cue.end + 120)))),
  );
  if (!denial) return [];
  const end = trimClauseEnd(text, sentence.start, sentence.end);
  if (end - sentence.start > MAX_CLAUSE_LENGTH) return [];
  return [{
    source: 'DENIAL_SENTENCE',
    kind: 'INDIRECT',
    start: sentence.start,
    end,
    sentence,
    cue: denial,
    speaker: speakerOfCue(analysis, sentence, denial),
    stance: 'DENIES',
    span: null,
  }];
}

/** "Selon X, …" / "…, selon X." / "According to X, …": INDIRECT. */
function accordingToCandidates(analysis: Analysis, sentence: Sentence): Candidate[] {
  const { text } = analysis;
  const candidates: Candidate[] = [];
  for (const cue of cuesIn(analysis.cues, sentence.start, sentence.end)) {
    if (cue.family !== 'ACCORDING_TO') continue;
    if (cue.start - sentence.start > MAX_CLAUSE_LENGTH && sentence.end - cue.end > LOOK_AHEAD) continue;
    const before = text.slice(Math.max(sentence.start, cue.start - MAX_CLAUSE_LENGTH), cue.start);
    const speaker = speakerOfCue(analysis, sentence, cue);
    if (countWords(before) <= 1 && !/,/u.test(before)) {
      const comma = text.slice(cue.end, Math.min(sentence.end, cue.end + LOOK_AHEAD)).indexOf(',') + cue.end;
      if (comma < cue.end || countWords(text.slice(cue.end, comma)) > 12) continue;
      const start = skipSpaces(text, comma + 1, sentence.end);
      const end = clauseEnd(analysis, sentence, start);
      if (words(analysis, start, end) < 3) continue;
      candidates.push({ source: 'ACCORDING_TO', kind: 'INDIRECT', start, end, sentence, cue, speaker, stance: 'ASSERTS', span: null });
    } else if (/,\s*$/u.test(before) && cue.start - sentence.start <= MAX_CLAUSE_LENGTH && sentence.end - cue.end <= LOOK_AHEAD) {
      const rest = text.slice(cue.end, sentence.end);
      if (countWords(rest) > 10 || /,/u.test(rest)) continue;
      const end = trimClauseEnd(text, sentence.start, sentence.start + before.length);
      if (words(analysis, sentence.start, end) < 3) continue;
      candidates.push({
        source: 'ACCORDING_TO', kind: 'INDIRECT', start: sentence.start, end, sentence, cue, speaker, stance: 'ASSERTS', span: null,
      });
    }
  }
  return candidates;
}

/** "La Corée du Nord sera aux côtés…, a déclaré le ministre": the unquoted statement before the verb. */
function invertedCandidates(analysis: Analysis, sentence: Sentence): Candidate[] {
  const { text } = analysis;
  for (const cue of cuesIn(analysis.cues, sentence.start, sentence.end)) {
    if (cue.family !== 'SAY' || isParticipleOfAction(cue)) continue;
    if (cue.start - sentence.start > MAX_CLAUSE_LENGTH) break;
    const pre = text.slice(sentence.start, cue.start);
    const after = text.slice(cue.end, Math.min(sentence.end, cue.end + LOOK_AHEAD));
    if (!isInverted(analysis.grammar, cue, pre, after)) continue;
    const statementEnd = trimClauseEnd(text, sentence.start, sentence.start + stripAuxiliaries(pre.trimEnd()).length);
    if (words(analysis, sentence.start, statementEnd) < MIN_INVERTED_STATEMENT_WORDS) continue;
    if (/[”»"]$/u.test(text.slice(sentence.start, statementEnd))) continue; // a quote, handled as DIRECT
    return [{
      source: 'INVERTED',
      kind: 'INDIRECT',
      start: sentence.start,
      end: statementEnd,
      sentence,
      cue,
      speaker: subjectAfter(analysis.grammar, after),
      stance: 'ASSERTS',
      span: null,
    }];
  }
  return [];
}

/** Which candidate wins when two overlap: quoted words and que-clauses first (rule 3 decides between them). */
const PRIORITY: Record<Source, number> = {
  QUOTE: 3, CLAUSE: 3, DENIAL_SENTENCE: 2, ACCUSATION: 1, ACCORDING_TO: 0, INVERTED: 0,
};

/** Every candidate statement of one sentence, from each finder in turn (overlaps are settled by chooseCandidates). */
export function candidatesOf(analysis: Analysis, sentence: Sentence): Candidate[] {
  return [
    ...quoteCandidates(analysis, sentence),
    ...clauseCandidates(analysis, sentence),
    ...accusationCandidates(analysis, sentence),
    ...denialSentenceCandidates(analysis, sentence),
    ...accordingToCandidates(analysis, sentence),
    ...invertedCandidates(analysis, sentence),
  ];
}

/**
 * One suggestion per passage. A clause that contains quoted words wins when it has words of its own outside the
 * marks (rule 3 of the fixture), otherwise the quote does; then higher priority, earlier start, longer span.
 */
export function chooseCandidates(analysis: Analysis, candidates: Candidate[]): Candidate[] {
  const dropped = new Set<Candidate>();
  const quotes = candidates.filter((candidate) => candidate.source === 'QUOTE').sort((a, b) => a.start - b.start);
  for (const clause of candidates) {
    if (clause.source !== 'CLAUSE' && clause.source !== 'ACCUSATION') continue;
    const inside: Candidate[] = [];
    for (let index = firstStartingAtOrAfter(quotes, clause.start); index < quotes.length; index += 1) {
      const quote = quotes[index];
      if (!quote?.span || quote.span.open >= clause.end) break;
      if (quote.span.open >= clause.start && quote.span.close < clause.end + 1) inside.push(quote);
    }
    if (inside.length === 0) continue;
    let ownText = '';
    let cursor = clause.start;
    for (const quote of inside) {
      const span = quote.span;
      if (!span) continue;
      ownText += ` ${analysis.text.slice(cursor, span.open)}`;
      cursor = span.close + 1;
    }
    ownText += ` ${analysis.text.slice(cursor, clause.end)}`;
    if (countWords(ownText) >= MIN_CLAUSE_OWN_WORDS) for (const quote of inside) dropped.add(quote);
    else dropped.add(clause);
  }
  // Rule 4 of the fixture: a denial without a clause of its own is the sentence, and a clause said after it in
  // the same sentence ("Harbourline called the allegations “baseless” and said the papers were drafts") is part
  // of that sentence, not a statement of its own.
  // Denials grouped by sentence first (a clause is dropped when its cue comes after any of its own sentence's
  // denial cues, i.e. after the earliest): each clause is checked against its own sentence only, not every clause
  // against every denial of the document, which was quadratic in a long text of denials.
  const firstDenialBySentence = new Map<Sentence, number>();
  for (const denial of candidates) {
    if (denial.source !== 'DENIAL_SENTENCE' || !denial.cue) continue;
    const first = firstDenialBySentence.get(denial.sentence);
    if (first === undefined || denial.cue.start < first) firstDenialBySentence.set(denial.sentence, denial.cue.start);
  }
  for (const clause of candidates) {
    if (clause.source !== 'CLAUSE' || !clause.cue || clause.cue.family === 'DENY') continue;
    const firstDenial = firstDenialBySentence.get(clause.sentence);
    if (firstDenial !== undefined && clause.cue.start > firstDenial) dropped.add(clause);
  }
  const ordered = candidates
    .filter((candidate) => !dropped.has(candidate))
    .sort((a, b) => PRIORITY[b.source] - PRIORITY[a.source] || a.start - b.start || b.end - a.end);
  // Chosen ranges kept sorted and disjoint: an overlap check is one binary search.
  const chosen: Candidate[] = [];
  for (const candidate of ordered) {
    const at = firstStartingAtOrAfter(chosen, candidate.start);
    const before = chosen[at - 1];
    const after = chosen[at];
    if ((before && before.end > candidate.start) || (after && after.start < candidate.end)) continue;
    chosen.splice(at, 0, candidate);
  }
  return chosen;
}

/** Index of the first candidate starting at or after `index`, in candidates sorted by start. */
function firstStartingAtOrAfter(candidates: readonly Candidate[], index: number): number {
  return firstAtOrAfter(candidates, index, (candidate) => candidate.start);
}
