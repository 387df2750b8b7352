// Quote suggestions: the passages of an archived article that look like reported statements, with their probable
// speaker, for the editor to confirm. Pure functions, no database, no language model: French and English news
// prose marks reported speech very regularly (quote marks, a verb of saying, que/that, selon/according to).
//
// How it reads a text:
//   1. quote spans: top-level « », “ ”, " " pairs on one line (inner marks nest inside them);
//   2. sentences: split at . ! ? … outside quote spans, and at line ends;
//   3. cues: the verbs and prepositions of lib/quote-suggestions/verbs.ts, outside quote spans;
//   4. candidates: quoted words next to a cue (DIRECT), que/that clauses after a cue, accusations, sentences of
//      denial, `selon X` clauses, and statements followed by an inverted ", a déclaré X" (all INDIRECT);
//   5. one suggestion per passage (see chooseCandidates), then speakers named by pronoun or role are resolved to
//      the person named earlier, and offsets are turned into code points.
//
// The labelling rules these choices follow are written at the top of seed/fixtures/quote-suggestions/labels.ts;
// quality.test.ts measures the result against them. The passes over the whole text are linear (a stack for the
// quote marks, one token scan for the cues, binary searches after that); everything else looks at a bounded
// window around a cue or a quote, and no pattern nests quantifiers, so a 2 MB text or 100,000 quote marks stay
// fast (detect.test.ts measures both).

import { codePointLength } from '../quotes/anchor';
import {
  CAPITALISED_NON_NAMES,
  CLAUSE_BREAKS,
  CUE_WORDS,
  type CueFamily,
  type CueLanguage,
  DENIAL_WORDS,
  DETERMINERS,
  ENGLISH_OFFICES,
  ENGLISH_TITLES,
  INDEFINITE_DETERMINERS,
  NAME_PARTICLES,
  NON_SUBJECT_OPENERS,
  ROLE_NOUNS,
  SUBJECT_PRONOUNS,
} from './verbs';

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

/** Quoted words shorter than this are scare quotes or title words (« victoire », "soutien"), never suggested. */
export const MIN_QUOTE_WORDS = 3;
/** A quote this long with no cue in its sentence is still speech (a paragraph that continues a statement). */
const MIN_UNATTRIBUTED_QUOTE_WORDS = 6;
/** Rule 3 of the fixture: a clause around a quote is the suggestion when it has this many words of its own. */
const MIN_CLAUSE_OWN_WORDS = 3;
/** An unquoted statement before ", a déclaré X" must be this long to be one (not "Les frappes, a ajouté Kim,"). */
const MIN_INVERTED_STATEMENT_WORDS = 8;
/** Longest clause offered; a "sentence" longer than this is unpunctuated text, not a statement. */
const MAX_CLAUSE_LENGTH = 1200;
/** Context shown around a quote when its sentence is very long. */
const MAX_CONTEXT_MARGIN = 400;
/** How far (UTF-16 units) the engine looks around a cue or a quote for its attribution. */
const LOOK_BACK = 250;
const LOOK_AHEAD = 200;

// ---------------------------------------------------------------------------------------------------------------
// Characters

const SPACE_CHARS = /[\s\u00A0\u202F\u2007\u2009\u200A]/u;
const isSpace = (char: string | undefined): boolean => char !== undefined && SPACE_CHARS.test(char);
const SENTENCE_END_CHARS = new Set(['.', '!', '?', '…']);
const OPENING_MARKS = new Set(['«', '“', '"', '„']);
const CLOSING_MARKS = new Set(['»', '”', '"']);
/** A straight " opens a quote after these (or at a line start); elsewhere ("9" wide") it is not a quote. */
const BEFORE_STRAIGHT_OPENER = /[\s([{«“—–\-/:;,]/u;

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'm', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'st', 'ste', 'mr', 'mrs', 'ms', 'prof', 'gen', 'gov', 'sen',
  'rep', 'jr', 'sr', 'etc', 'vs', 'cf', 'no', 'p', 'av', 'j.-c', 'u.s', 'u.k', 'inc', 'corp', 'ltd', 'co',
]);

// ---------------------------------------------------------------------------------------------------------------
// 1. Quote spans

type QuoteSpan = {
  /** UTF-16 index of the opening and of the closing mark. */
  open: number;
  close: number;
  /** The words inside: marks, padding spaces and an English trailing comma excluded. */
  innerStart: number;
  innerEnd: number;
  words: number;
  /** Closed by the line end because the next paragraph reopens the quote (a statement over several paragraphs). */
  continued: boolean;
};

/**
 * Top-level quote spans, in text order. A stack per line: inner marks (“…” inside «…», ‘…’, « » inside « ») only
 * nest; a mark left open at the line end is dropped, so a stray mark never swallows the rest of the article.
 */
function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: { mark: string; index: number }[] = [];
  const openCount = new Map<string, number>([['«', 0], ['“', 0], ['"', 0]]);
  const push = (mark: string, index: number): void => {
    stack.push({ mark, index });
    openCount.set(mark, (openCount.get(mark) ?? 0) + 1);
  };
  const closeTo = (mark: string, index: number): void => {
    // Pop everything opened after the matching mark (unclosed inner marks), then the mark itself.
    for (;;) {
      const top = stack.pop();
      if (!top) return;
      openCount.set(top.mark, (openCount.get(top.mark) ?? 1) - 1);
      if (top.mark === mark) {
        if (stack.length === 0) spans.push({ ...makeSpan(text, top.index, index), continued: false });
        return;
      }
    }
  };
  const reset = (): void => {
    stack.length = 0;
    for (const mark of openCount.keys()) openCount.set(mark, 0);
  };

  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') {
      // Press convention for a quote over several paragraphs: no closing mark at the end of a paragraph, an
      // opening mark again at the start of the next. The paragraph is then a quote of its own.
      const only = stack.length === 1 ? stack[0] : undefined;
      if (only && (only.mark === '«' || only.mark === '“') && nextLineOpensWith(text, i, only.mark)) {
        spans.push({ ...makeSpan(text, only.index, i), continued: true });
      }
      reset();
    } else if (char === '«') {
      push('«', i);
    } else if (char === '»') {
      if ((openCount.get('«') ?? 0) > 0) closeTo('«', i);
    } else if (char === '“' || char === '„') {
      push('“', i);
    } else if (char === '”') {
      if ((openCount.get('“') ?? 0) > 0) closeTo('“', i);
    } else if (char === '"') {
      const top = stack[stack.length - 1];
      if (top?.mark === '"') {
        closeTo('"', i);
      } else if ((openCount.get('"') ?? 0) > 0 && !isSpace(text[i - 1])) {
        closeTo('"', i);
      } else if ((i === 0 || BEFORE_STRAIGHT_OPENER.test(text[i - 1] ?? '')) && !isSpace(text[i + 1])) {
        push('"', i);
      }
    }
  }
  return spans;
}

function nextLineOpensWith(text: string, newline: number, mark: string): boolean {
  let index = newline + 1;
  while (index < text.length && (isSpace(text[index]) || text[index] === '\n')) index += 1;
  return text[index] === mark;
}

function makeSpan(text: string, open: number, close: number): Omit<QuoteSpan, 'continued'> {
  let innerStart = open + 1;
  let innerEnd = close;
  while (innerStart < innerEnd && isSpace(text[innerStart])) innerStart += 1;
  while (innerEnd > innerStart && isSpace(text[innerEnd - 1])) innerEnd -= 1;
  // English puts the sentence's comma inside the marks (“…first year,” she said): it is not the speaker's.
  if (text[innerEnd - 1] === ',') {
    innerEnd -= 1;
    while (innerEnd > innerStart && isSpace(text[innerEnd - 1])) innerEnd -= 1;
  }
  return { open, close, innerStart, innerEnd, words: countWords(text.slice(innerStart, innerEnd)) };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
function countWords(value: string): number {
  return value.match(WORD)?.length ?? 0;
}

/** Index of the first span whose closing mark is at or after `index` (spans are sorted and disjoint). */
function firstSpanEndingAtOrAfter(spans: readonly QuoteSpan[], index: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[middle]?.close ?? 0) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The span whose marks enclose `index` (strictly inside), if any. */
function spanAround(spans: readonly QuoteSpan[], index: number): QuoteSpan | null {
  const span = spans[firstSpanEndingAtOrAfter(spans, index)];
  return span && span.open < index && index < span.close ? span : null;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Sentences

type Sentence = { start: number; end: number; paragraph: number };

function findSentences(text: string, spans: readonly QuoteSpan[]): Sentence[] {
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

function skipSpaces(text: string, from: number, limit: number): number {
  let index = from;
  while (index < limit && isSpace(text[index])) index += 1;
  return index;
}

function trimEnd(text: string, start: number, end: number): number {
  let index = end;
  while (index > start && isSpace(text[index - 1])) index -= 1;
  return index;
}

function lastNonSpace(text: string, from: number, to: number): string | undefined {
  const index = trimEnd(text, from, to);
  return index > from ? text[index - 1] : undefined;
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

// ---------------------------------------------------------------------------------------------------------------
// 3. Cues

type Cue = { start: number; end: number; family: CueFamily; language: CueLanguage; form: string };

type CueEntry = { family: CueFamily; language: CueLanguage };
/** Single-word forms, and forms of several words ("according to", "fait savoir") by their first word. */
type Lexicon = { families: Map<string, CueEntry>; phrases: Map<string, { rest: RegExp; entry: CueEntry }[]> };
const lexiconCache = new Map<string, Lexicon>();

function languagesOf(language: string): CueLanguage[] {
  const primary = language.toLowerCase().split(/[-_]/u)[0];
  if (primary === 'fr') return ['fr'];
  if (primary === 'en') return ['en'];
  return ['fr', 'en'];
}

function lexiconFor(languages: readonly CueLanguage[]): Lexicon {
  const key = languages.join('+');
  const cached = lexiconCache.get(key);
  if (cached) return cached;
  const families = new Map<string, CueEntry>();
  const phrases = new Map<string, { rest: RegExp; entry: CueEntry }[]>();
  for (const language of languages) {
    for (const [family, forms] of Object.entries(CUE_WORDS[language]) as [CueFamily, readonly string[]][]) {
      for (const form of forms) {
        const [first = '', ...rest] = foldApostrophes(form.toLowerCase()).split(' ');
        if (rest.length === 0) families.set(first, { family, language });
        else {
          // The next words, separated by spaces only: "according to", "fait savoir", "mis en garde".
          const pattern = new RegExp(`^${rest.map((word) => `\\s+${word}`).join('')}(?![\\p{L}])`, 'iu');
          phrases.set(first, [...(phrases.get(first) ?? []), { rest: pattern, entry: { family, language } }]);
        }
      }
    }
  }
  const lexicon = { families, phrases };
  lexiconCache.set(key, lexicon);
  return lexicon;
}

const foldApostrophes = (value: string): string => (value.includes('’') ? value.replace(/’/gu, "'") : value);

/** Word tokens: letters joined by apostrophes or hyphens ("d'après", "a-t-elle", "soi-disant"). Linear. */
const CUE_TOKEN = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

function findCues(text: string, languages: readonly CueLanguage[], spans: readonly QuoteSpan[]): Cue[] {
  const { families, phrases } = lexiconFor(languages);
  const cues: Cue[] = [];
  for (const match of text.matchAll(CUE_TOKEN)) {
    const token = foldApostrophes(match[0].toLowerCase());
    const start = match.index;
    let entry = families.get(token);
    let end = start + match[0].length;
    for (const phrase of entry ? [] : (phrases.get(token) ?? [])) {
      const rest = phrase.rest.exec(text.slice(end, end + 40));
      if (rest) {
        entry = phrase.entry;
        end += rest[0].length;
        break;
      }
    }
    if (!entry || spanAround(spans, start)) continue;
    if (entry.language === 'en' && /^(?:claims?|reports?)$/u.test(token) && isNounPosition(text, start, cues)) continue;
    cues.push({ start, end, family: entry.family, language: entry.language, form: text.slice(start, end) });
  }
  return cues;
}

/** "the claims that…", "rejected claims that…": the noun, not the verb. */
function isNounPosition(text: string, start: number, cues: readonly Cue[]): boolean {
  const previousWord = /([\p{L}'’]+)\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase() ?? '';
  if (DETERMINERS.has(previousWord) || previousWord === 'these' || previousWord === 'such') return true;
  const previousCue = cues[cues.length - 1];
  return previousCue !== undefined && previousCue.family === 'DENY' && /^\s*$/u.test(text.slice(previousCue.end, start));
}

const isParticipleOfAction = (cue: Cue): boolean => /(?:ant|ing)$/u.test(cue.form.toLowerCase());

/** Nouns for people and bodies who hold opinions: "Pour les syndicats, …", "Pour l'opposition, …". */
const OPINION_HOLDERS = new Set([
  'syndicat', 'syndicats', 'association', 'associations', 'opposition', 'gouvernement', 'ministère', 'experts',
  'spécialistes', 'analystes', 'chercheurs', 'économistes', 'habitants', 'médecins', 'ong', 'majorité', 'élus',
  'parti', 'patronat', 'entreprise', 'direction', 'militants', 'avocats', 'enquêteurs', 'autorités', 'observateurs',
]);

/** "Pour la première fois", "Pour l'instant", "Pour sa part": openings that name nobody. */
const NOT_OPINION_HOLDERS = new Set(['fois', 'instant', 'moment', 'heure', 'suite', 'reste', 'part', 'autant', 'cela',
  'ça', 'ce', 'mémoire', 'rappel', 'finir', 'commencer', 'année', 'saison']);

/**
 * "Pour le ministre, « … »", "Pour Jean Dupont, le gouvernement a menti": a sentence that opens with "Pour" and a
 * person (a name, a pronoun, a role or a body of people) is attributed like "selon". Other openings ("Pour la
 * première fois", "Pour l'instant") are not, so the cue is added per sentence rather than listed as a word.
 */
function withOpinionCues(grammar: Grammar, text: string, languages: readonly CueLanguage[], sentences: readonly Sentence[], cues: Cue[]): Cue[] {
  if (!languages.includes('fr')) return cues;
  const added: Cue[] = [];
  for (const sentence of sentences) {
    if (text.slice(sentence.start, sentence.start + 5).toLowerCase() !== 'pour ') continue;
    const holder = /^Pour\s+([^,.;:!?«»“”"]{2,80}),/u.exec(text.slice(sentence.start, sentence.start + 100))?.[1];
    if (!holder) continue;
    const subject = subjectOfChunk(grammar, holder);
    const heads = tokenize(holder).map((token) => lower(token.text).replace(/^l'/u, ''));
    const isHolder =
      subject !== SKIP &&
      !heads.some((word) => NOT_OPINION_HOLDERS.has(word)) &&
      (subject.kind === 'NAME' || subject.kind === 'PRONOUN' ||
        (subject.kind === 'DESCRIPTION' && heads.some((word) => ROLE_NOUNS.has(word) || OPINION_HOLDERS.has(word))));
    if (isHolder) added.push({ start: sentence.start, end: sentence.start + 4, family: 'ACCORDING_TO', language: 'fr', form: 'Pour' });
  }
  return added.length === 0 ? cues : [...cues, ...added].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------------
// Names and noun phrases

type Token = { text: string; start: number; end: number };
const NAME_TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}])?|[^\s\p{L}\p{M}\p{N}]/gu;

function tokenize(value: string): Token[] {
  return [...value.matchAll(NAME_TOKEN)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const lower = (value: string): string => foldApostrophes(value.toLowerCase());
/** "l'OTAN", "d'Ormesson", "al-Assad": an elided particle glued to a capitalised name. */
const GLUED_NAME = /^(?:[dl]['’]|al-|el-)\p{Lu}/u;
/** "l'agence", "l'élu": an elided determiner glued to a common noun. */
const GLUED_DETERMINER = /^[ldLD]['’]\p{Ll}/u;

function isCapitalised(token: Token): boolean {
  const word = lower(token.text);
  // "le Premier ministre", "President Joe Biden": a capitalised role is a title, not part of the name.
  if (CAPITALISED_NON_NAMES.has(word) || ROLE_NOUNS.has(word)) return false;
  return /^\p{Lu}/u.test(token.text) || GLUED_NAME.test(token.text);
}

/**
 * The language-dependent part of reading a noun phrase, passed to every helper that reads one: "a" and "an" are
 * determiners in English only ("Kim a promis" is a verb).
 */
type Grammar = { determiners: ReadonlySet<string> };
const ENGLISH_ONLY_DETERMINERS = new Set(['a', 'an']);
const WITH_ENGLISH_ARTICLES: Grammar = { determiners: DETERMINERS };
const WITHOUT_ENGLISH_ARTICLES: Grammar = {
  determiners: new Set([...DETERMINERS].filter((word) => !ENGLISH_ONLY_DETERMINERS.has(word))),
};

function grammarFor(languages: readonly CueLanguage[]): Grammar {
  return languages.includes('en') ? WITH_ENGLISH_ARTICLES : WITHOUT_ENGLISH_ARTICLES;
}

function isDeterminer(grammar: Grammar, token: Token | undefined): boolean {
  if (token === undefined) return false;
  return grammar.determiners.has(lower(token.text)) || GLUED_DETERMINER.test(token.text);
}

const PREPOSITIONS = new Set(['de', 'd', 'du', 'des', 'à', 'au', 'aux', 'en', 'par', 'pour', 'sur', 'avec', 'chez',
  'of', 'in', 'at', 'from', 'to', 'with', 'by', 'on', 'for']);

type NameRun = { first: number; last: number };

/** Runs of capitalised tokens, with particles between them ("Paul de La Tour", "Corée du Nord"). */
function nameRuns(grammar: Grammar, tokens: readonly Token[]): NameRun[] {
  const runs: NameRun[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (!token || !isCapitalised(token) || (isDeterminer(grammar, token) && !GLUED_NAME.test(token.text))) {
      index += 1;
      continue;
    }
    let last = index;
    let next = index + 1;
    for (;;) {
      const candidate = tokens[next];
      if (candidate && isCapitalised(candidate)) {
        last = next;
        next += 1;
        continue;
      }
      const following = tokens[next + 1];
      if (candidate && NAME_PARTICLES.has(candidate.text) && following && isCapitalised(following)) {
        last = next + 1;
        next += 2;
        continue;
      }
      break;
    }
    runs.push({ first: index, last });
    index = last + 1;
  }
  return runs;
}

/**
 * The name is the head of its noun phrase, not a complement: "le ministre … Sergueï Lavrov" yes, "des Affaires
 * étrangères", "de la Santé", "de l'hôpital de Vienne", "on Facebook" no.
 */
function isHeadName(grammar: Grammar, tokens: readonly Token[], run: NameRun): boolean {
  const before = tokens[run.first - 1];
  const first = tokens[run.first];
  if (first && /^[dD]['’]/u.test(first.text)) return false; // "d'Etat", "d'Ormesson" read as complement
  if (!before) return true;
  // "Secretary of State Antony Blinken": after a title and "of", the name is still the head.
  if (lower(before.text) === 'of' && ENGLISH_TITLES.has(lower(tokens[run.first - 2]?.text ?? ''))) return true;
  if (PREPOSITIONS.has(lower(before.text))) return false;
  if (isDeterminer(grammar, before) && PREPOSITIONS.has(lower(tokens[run.first - 2]?.text ?? ''))) return false;
  return true;
}

function runText(value: string, tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to];
  return first && last ? value.slice(first.start, last.end) : '';
}

/** Drop capitalised English titles in front of a name ("Councillor Greg O'Malley" → "Greg O'Malley"). */
function withoutTitles(tokens: readonly Token[], run: NameRun): NameRun {
  let first = run.first;
  const isTitle = (token: Token | undefined): boolean => {
    const word = lower(token?.text ?? '').replace(/\.$/u, '');
    return ENGLISH_TITLES.has(word) || ENGLISH_OFFICES.has(word);
  };
  while (first < run.last && isTitle(tokens[first])) first += 1;
  return { first, last: run.last };
}

type SpeakerRef =
  | { kind: 'NAME'; text: string }
  | { kind: 'DESCRIPTION'; text: string }
  /** "il", "she", "qui": someone named earlier. */
  | { kind: 'PRONOUN' }
  /** Named as a source but not identified ("une infirmière", "a post shared…"). */
  | { kind: 'NONE' }
  /** No attribution found at all. */
  | { kind: 'UNKNOWN' };

const SKIP = 'SKIP' as const;
/** "ces évaluations", "this report": a thing spoken of, read back from the sentence before — not resolved. */
const DEMONSTRATIVES = new Set(['ce', 'cet', 'cette', 'ces', 'this', 'these', 'those']);
const LEADING_CONJUNCTION = /^\s*(?:tandis\s+qu['’]?e?|alors\s+qu['’]?e?|mais|et|puis|ni|or|but|and|while|whereas)\s+/iu;

/**
 * The subject a comma-separated chunk names, if it names one: the last head name ("le secrétaire d'Etat
 * américain Antony Blinken"), a determiner + name ("la Corée du Nord", "le Kremlin"), a description ("le
 * président ukrainien", "the state transport department"), or a pronoun. Adverbials and relative clauses
 * ("on Monday", "who has campaigned…", "grand rival de Pyongyang") name nobody: SKIP.
 */
function subjectOfChunk(grammar: Grammar, rawChunk: string, pick: 'first' | 'last' = 'last'): SpeakerRef | typeof SKIP {
  let chunk = rawChunk.trim();
  // "Ni la Corée du Nord ni la Russie n'ont…": the first of the two is the subject offered.
  const neither = /^(?:ni|neither)\s+(.+?)\s+(?:ni|nor)\s/iu.exec(chunk);
  if (neither) chunk = neither[1] ?? chunk;
  chunk = chunk.replace(LEADING_CONJUNCTION, '').trim();
  const tokens = tokenize(chunk);
  const first = tokens[0];
  if (!first) return SKIP;
  const firstWord = lower(first.text);
  if (SUBJECT_PRONOUNS.has(firstWord) && tokens.length <= 2) return { kind: 'PRONOUN' };
  if (tokens.length === 1 && /^(?:qui|who|which|that)$/u.test(firstWord)) return { kind: 'PRONOUN' };
  if (NON_SUBJECT_OPENERS.has(firstWord)) return SKIP;

  const heads = nameRuns(grammar, tokens).filter((run) => isHeadName(grammar, tokens, run));
  const head = pick === 'first' ? heads[0] : heads[heads.length - 1];
  if (head) {
    // A chunk that is just a determiner and a name keeps its determiner: institutions read better with it.
    if (head.first === 1 && head.last === tokens.length - 1 && isDeterminer(grammar, first)) {
      return { kind: 'NAME', text: chunk.slice(first.start, tokens[head.last]?.end) };
    }
    const named = withoutTitles(tokens, head);
    return { kind: 'NAME', text: runText(chunk, tokens, named.first, named.last) };
  }
  // "Selon nos informations", "our reporting": the newspaper itself, not a source to log.
  if (/^(?:nos|notre|our)$/u.test(firstWord)) return { kind: 'NONE' };
  if (isDeterminer(grammar, first)) {
    // "a spokesperson for the company", "un porte-parole du ministère": the institution speaks.
    const forWhom = /(?:spokes(?:person|man|woman)|porte-parole)\s+(?:for|of|de|du|des|d['’])\s*(.+)$/iu.exec(chunk);
    if (forWhom) {
      const institution = (forWhom[1] ?? '').trim();
      const subject = subjectOfChunk(grammar, institution);
      if (subject !== SKIP && subject.kind !== 'NONE') return subject;
      // "du ministère de la Santé": the article is contracted into "du", the rest still names it.
      if (subject === SKIP && /^\p{L}/u.test(institution)) return { kind: 'DESCRIPTION', text: institution };
    }
    if (INDEFINITE_DETERMINERS.has(firstWord)) return { kind: 'NONE' };
    if (DEMONSTRATIVES.has(firstWord)) return SKIP;
    const words = tokens.filter((token) => /\p{L}/u.test(token.text));
    if (words.length > 12) return SKIP;
    return { kind: 'DESCRIPTION', text: chunk };
  }
  return SKIP;
}

/** Split at commas (not inside numbers: "20,000"), semicolons, colons, parentheses, quote marks and dashes. */
const CHUNK_SEPARATOR = /,(?!\d)|[;:()«»“”"—–]/u;

/** Auxiliaries and adverbs between a subject and its verb ("a également", "ont fermement", "has also"). */
const AUXILIARY_TAIL = new RegExp(
  '(?:^|\\s)(?:a|ont|avait|avaient|aurait|auraient|est|sont|était|étaient|s[\'’]est|se\\s+sont|s[\'’]était|' +
    'n[\'’]a|n[\'’]ont|n[\'’]avait|ne|pas|jamais|même|également|aussi|aussitôt|en\\s+outre|pour\\s+sa\\s+part|' +
    'de\\s+son\\s+côté|encore|déjà|ainsi|alors|toutefois|cependant|pourtant|enfin|formellement|fermement|' +
    'entièrement|rapidement|clairement|publiquement|officiellement|notamment|' +
    'has|have|had|was|were|is|are|also|then|later|again|publicly|repeatedly|previously|flatly|firmly|' +
    'on\\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\s*$',
  'iu',
);

function stripAuxiliaries(value: string): string {
  // The auxiliaries and adverbs sit at the very end: only the tail is matched, so the cost does not grow with
  // the length of the text before.
  const cut = Math.max(0, value.length - 120);
  const head = value.slice(0, cut);
  let current = value.slice(cut);
  for (let guard = 0; guard < 8; guard += 1) {
    const next = current.replace(AUXILIARY_TAIL, '');
    if (next === current) break;
    current = next;
  }
  return head + current;
}

/** The subject written before a verb: chunks from the verb backwards until one names somebody. */
function subjectBefore(grammar: Grammar, pre: string, pick: 'first' | 'last' = 'last'): SpeakerRef {
  const stripped = stripAuxiliaries(pre.trimEnd());
  if (/-t-(?:il|elle|on)$|-(?:ils|elles)$/iu.test(stripped)) return { kind: 'PRONOUN' };
  const relative = /^(.*?)[\s,]+(?:qui|who|which)$/isu.exec(stripped);
  if (relative) {
    // "…, a affirmé l'élu, qui accuse…", "son homologue russe qui s'est félicité": the noun phrase before it.
    const antecedent = nounPhraseAtEnd(grammar, relative[1] ?? '');
    return antecedent ?? { kind: 'PRONOUN' };
  }
  const chunks = stripped.split(CHUNK_SEPARATOR);
  for (let index = chunks.length - 1; index >= 0; index -= 1) {
    const chunk = chunks[index] ?? '';
    if (chunk.trim() === '') continue;
    const subject = subjectOfChunk(grammar, chunk, pick);
    if (subject !== SKIP) return subject;
  }
  return { kind: 'UNKNOWN' };
}

/** The last noun phrase of a text, from its last determiner ("… a affirmé l'élu" → "l'élu"). */
function nounPhraseAtEnd(grammar: Grammar, value: string): SpeakerRef | null {
  const lastChunk = value.split(CHUNK_SEPARATOR).filter((chunk) => chunk.trim() !== '').pop() ?? '';
  const tokens = tokenize(lastChunk);
  let from = -1;
  for (let index = tokens.length - 1; index >= 0 && from === -1; index -= 1) {
    const token = tokens[index];
    if (token && isDeterminer(grammar, token) && (index === 0 || /^\p{Ll}/u.test(token.text))) from = index;
  }
  const phrase = from === -1 ? lastChunk : lastChunk.slice(tokens[from]?.start ?? 0);
  const subject = subjectOfChunk(grammar, phrase);
  return subject === SKIP ? null : subject;
}

/** Prepositions that end an inverted subject ("a déclaré la ministre | dans des propos…"). */
const INVERTED_SUBJECT_STOP = new Set(['à', 'au', 'aux', 'en', 'dans', 'lors', 'pendant', 'devant', 'avec', 'selon',
  'sur', 'pour', 'après', 'avant', 'depuis', 'qui', 'at', 'in', 'on', 'during', 'to', 'before', 'after', 'from',
  'who', 'when', 'while', 'as', 'told', 'said']);

/** The subject written after an inverted verb ("a déclaré la ministre Choe Son Hui", "said O'Malley"). */
function subjectAfter(grammar: Grammar, after: string): SpeakerRef {
  const sentencePart = after.split(/[.!?;:«»“”"]/u)[0] ?? '';
  const [head = '', appositive = ''] = sentencePart.split(',');
  const tokens = tokenize(head);
  let stop = tokens.findIndex((token, index) => index > 0 && INVERTED_SUBJECT_STOP.has(lower(token.text)));
  if (stop === -1) stop = tokens.length;
  const phraseTokens = tokens.slice(0, stop);
  const first = phraseTokens[0];
  if (!first) return { kind: 'UNKNOWN' };
  if (SUBJECT_PRONOUNS.has(lower(first.text))) return { kind: 'PRONOUN' };
  const phrase = head.slice(first.start, phraseTokens[phraseTokens.length - 1]?.end);
  const subject = subjectOfChunk(grammar, phrase);
  if (subject === SKIP) {
    // "said season-ticket holder Margaret Ellis": English drops the determiner before the role.
    const heads = nameRuns(grammar, phraseTokens).filter((run) => isHeadName(grammar, phraseTokens, run));
    const last = heads[heads.length - 1];
    if (!last) return { kind: 'UNKNOWN' };
    const named = withoutTitles(phraseTokens, last);
    return { kind: 'NAME', text: runText(head, phraseTokens, named.first, named.last) };
  }
  if (subject.kind === 'DESCRIPTION' || subject.kind === 'NONE') {
    // "a assuré sa directrice générale, Claire Van der Berg": the name comes after the role.
    const named = subjectOfChunk(grammar, appositive);
    if (named !== SKIP && named.kind === 'NAME') return named;
  }
  return subject;
}

/**
 * The verb is inverted ("…», a déclaré la ministre", "…,” said O'Malley", "…», a démenti le Kremlin") when a
 * comma or closing mark precedes it and its subject follows: a name, or one noun phrase with one determiner —
 * "a réitéré le 1er novembre son engagement" has an object, not a subject, and "ces accusations" is never a
 * speaker. Verbs of saying and of denial invert alike; "qualifier X de Y" never does (X is what is qualified).
 */
function isInverted(grammar: Grammar, cue: Cue, pre: string, after: string): boolean {
  if (cue.family !== 'SAY' && cue.family !== 'DENY') return false;
  const stripped = stripAuxiliaries(pre.trimEnd()).trimEnd();
  if (!/[,”»"]$/u.test(stripped)) return false;
  if (cue.family === 'DENY' && !commaEndsStatement(grammar, stripped)) return false;
  const tokens = tokenize(after.split(/[,.;:!?«»“”"]/u)[0] ?? '');
  const next = tokens[0];
  if (!next) return false;
  if (DEMONSTRATIVES.has(lower(next.text))) return false;
  // English drops the determiner before a role: "said season-ticket holder Margaret Ellis".
  const bareRoleThenName = cue.language === 'en' && tokens.slice(1, 5).some((token) => isCapitalised(token));
  if (!isCapitalised(next) && !isDeterminer(grammar, next) && !bareRoleThenName) return false;
  let stop = tokens.findIndex((token, index) => index > 0 && INVERTED_SUBJECT_STOP.has(lower(token.text)));
  if (stop === -1) stop = tokens.length;
  // Lower-case ones only: "Choe Son Hui" has a capitalised "Son" that is a name, not "son".
  const determiners = tokens
    .slice(1, stop)
    .filter(
      (token, index, phrase) =>
        /^\p{Ll}/u.test(token.text) &&
        isDeterminer(grammar, token) &&
        !/^(?:des|du|d)$/u.test(lower(token.text)) &&
        // "le ministre de la Santé": a determiner after a preposition opens a complement, not a second phrase.
        !PREPOSITIONS.has(lower((index > 0 ? phrase[index - 1] : tokens[0])?.text ?? '')),
    );
  return determiners.length === 0;
}

/**
 * A denial takes a noun-phrase object ("Le Kremlin, dans un communiqué, a démenti les informations du Post"),
 * which reads just like an inverted subject. So after a comma a denial is inverted only when the comma ends the
 * statement denied: a quote, or a clause that opens with its own subject and is long enough to be a statement
 * (the bound invertedCandidates uses) — not an incidental ("dans un communiqué") or an appositive ("Dmitri
 * Peskov, le porte-parole du Kremlin,") set off after the real subject.
 */
function commaEndsStatement(grammar: Grammar, stripped: string): boolean {
  if (/[”»"]\s*,?$/u.test(stripped)) return true;
  const chunks = stripped.slice(0, -1).split(CHUNK_SEPARATOR);
  const statement = chunks[chunks.length - 1] ?? '';
  return countWords(statement) >= MIN_INVERTED_STATEMENT_WORDS && subjectOfChunk(grammar, statement) !== SKIP;
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Candidates

type Source = 'QUOTE' | 'CLAUSE' | 'ACCUSATION' | 'DENIAL_SENTENCE' | 'ACCORDING_TO' | 'INVERTED';
/** Which candidate wins when two overlap: quoted words and que-clauses first (rule 3 decides between them). */
const PRIORITY: Record<Source, number> = {
  QUOTE: 3, CLAUSE: 3, DENIAL_SENTENCE: 2, ACCUSATION: 1, ACCORDING_TO: 0, INVERTED: 0,
};

type Candidate = {
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

type Analysis = {
  text: string;
  languages: readonly CueLanguage[];
  grammar: Grammar;
  spans: readonly QuoteSpan[];
  cues: readonly Cue[];
  denialPattern: RegExp;
  clauseBreakPattern: RegExp;
};

const patternCache = new Map<string, { denial: RegExp; clauseBreak: RegExp }>();

function patternsFor(languages: readonly CueLanguage[]): { denial: RegExp; clauseBreak: RegExp } {
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

function cuesIn(cues: readonly Cue[], from: number, to: number): Cue[] {
  let low = 0;
  let high = cues.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cues[middle]?.start ?? 0) < from) low = middle + 1;
    else high = middle;
  }
  const found: Cue[] = [];
  for (let index = low; index < cues.length; index += 1) {
    const cue = cues[index];
    if (!cue || cue.start >= to) break;
    found.push(cue);
  }
  return found;
}

function spansIn(spans: readonly QuoteSpan[], from: number, to: number): QuoteSpan[] {
  const found: QuoteSpan[] = [];
  for (let index = firstSpanEndingAtOrAfter(spans, from); index < spans.length; index += 1) {
    const span = spans[index];
    if (!span || span.open >= to) break;
    if (span.open >= from) found.push(span);
  }
  return found;
}

/** Start of the text a cue's subject is read from: after the last quote closed before it, within the sentence. */
function preStart(analysis: Analysis, sentence: Sentence, index: number): number {
  let start = Math.max(sentence.start, index - LOOK_BACK);
  const spans = spansIn(analysis.spans, start, index);
  const lastSpan = spans[spans.length - 1];
  // The closing mark stays in: "…,” said O'Malley" is inverted because of it.
  if (lastSpan && lastSpan.close < index) start = lastSpan.close;
  return start;
}

/** Who a cue attributes its statement to. */
function speakerOfCue(analysis: Analysis, sentence: Sentence, cue: Cue): SpeakerRef {
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
    const firstCue = cuesIn(analysis.cues, sentence.start, cue.start)[0];
    const mainPre = text.slice(sentence.start, firstCue ? firstCue.start : cue.start);
    return subjectBefore(analysis.grammar, mainPre, firstCue ? 'last' : 'first');
  }
  return subjectBefore(analysis.grammar, pre);
}

function stanceOf(analysis: Analysis, cue: Cue | null, following: string): SuggestedStance {
  if (!cue) return 'ASSERTS';
  if (cue.family === 'DENY') return 'DENIES';
  if (cue.family === 'QUALIFY' && analysis.denialPattern.test(following.slice(0, 120))) return 'DENIES';
  return 'ASSERTS';
}

/** End of a reported clause: the sentence end or a clause break outside quotes, final punctuation excluded. */
function clauseEnd(analysis: Analysis, sentence: Sentence, from: number): number {
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

function trimClauseEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && (isSpace(text[end - 1]) || /[.,;:]/u.test(text[end - 1] ?? ''))) end -= 1;
  return end;
}

function words(analysis: Analysis, from: number, to: number): number {
  return countWords(analysis.text.slice(from, to));
}

const QUE_OR_THAT = /(?<![\p{L}])(?:(?:que|that)(?![\p{L}])|qu['’])/iu;
const ZERO_THAT_VERBS = new Set(['said', 'says', 'claimed', 'claims', 'warned', 'added', 'insisted', 'argued']);
const ZERO_THAT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'these', 'those', 'it',
  'he', 'she', 'they', 'we', 'i', 'there', 'no', 'some', 'all']);

/** Quoted words next to a cue: DIRECT. */
function quoteCandidates(analysis: Analysis, sentence: Sentence): Candidate[] {
  const { text } = analysis;
  const spans = spansIn(analysis.spans, sentence.start, sentence.end);
  const candidates: Candidate[] = [];
  let previousQuote: QuoteSpan | undefined;
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
    if (cue && isParticipleOfAction(cue) && cuesIn(analysis.cues, sentence.start, cue.start).some((other) => other.family === 'DENY')) {
      stance = 'DENIES';
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
      // "Whitfield said the council would…": English often drops "that".
      const next = /^\s+([\p{L}]+)/u.exec(window);
      if (next && ZERO_THAT_OPENERS.has((next[1] ?? '').toLowerCase()) && /^\p{Ll}/u.test(next[1] ?? '')) {
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

// ---------------------------------------------------------------------------------------------------------------
// 5. Choosing, resolving speakers, offsets

/**
 * One suggestion per passage. A clause that contains quoted words wins when it has words of its own outside the
 * marks (rule 3 of the fixture), otherwise the quote does; then higher priority, earlier start, longer span.
 */
function chooseCandidates(analysis: Analysis, candidates: Candidate[]): Candidate[] {
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
  for (const denial of candidates) {
    if (denial.source !== 'DENIAL_SENTENCE' || !denial.cue) continue;
    for (const clause of candidates) {
      if (clause.source === 'CLAUSE' && clause.sentence === denial.sentence && clause.cue && clause.cue.start > denial.cue.start &&
          clause.cue.family !== 'DENY') {
        dropped.add(clause);
      }
    }
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

/** Index of the first item starting at or after `index`, in an array sorted by start. */
function firstStartingAtOrAfter(items: readonly { start: number }[], index: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((items[middle]?.start ?? 0) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Head noun of a bare role description ("la ministre", "l'élu"): those are anaphors, not names. */
function bareRole(description: string): string | null {
  const tokens = tokenize(description).filter((token) => /\p{L}/u.test(token.text));
  const words = tokens.map((token) => lower(token.text).replace(/^l'/u, ''));
  const content = words.filter((word) => !DETERMINERS.has(word));
  const role = content.find((word) => ROLE_NOUNS.has(word));
  return role ?? null;
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
  const rolePattern = new RegExp(`(?<![\\p{L}])${role.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'giu');
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

/** "Kim" → "Kim Jong Un", "Lavrov" → "Sergueï Lavrov": a surname alone is the full name given earlier. */
function expandName(grammar: Grammar, text: string, name: string, before: number): string {
  if (/\s/u.test(name) || name.length < 3) return name;
  const wanted = lower(name);
  let found = name;
  // Names never run across a line or a sentence break ("…les États-Unis\nKim Jong Un a déclaré").
  for (const segment of text.slice(Math.max(0, before - 8000), before).split(/[\n.!?;:«»“”"]/u)) {
    if (!lower(segment).includes(wanted)) continue; // "O'Malley" is "O’Malley" too
    const tokens = tokenize(segment);
    for (const run of nameRuns(grammar, tokens)) {
      if (run.last === run.first) continue;
      if (!tokens.slice(run.first, run.last + 1).some((token) => lower(token.text) === wanted)) continue;
      const named = withoutTitles(tokens, run);
      found = runText(segment, tokens, named.first, named.last);
    }
  }
  return found;
}

function resolveSpeakers(analysis: Analysis, chosen: readonly Candidate[], sentences: readonly Sentence[]): (string | null)[] {
  const paragraphStarts = new Map<number, number>();
  for (const sentence of sentences) if (!paragraphStarts.has(sentence.paragraph)) paragraphStarts.set(sentence.paragraph, sentence.start);
  const lastInParagraph = new Map<number, string>();
  let lastAnywhere: string | null = null;
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
        speaker = expandName(analysis.grammar, analysis.text, ref.text, candidate.start);
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
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    candidates.push(
      ...quoteCandidates(analysis, sentence),
      ...clauseCandidates(analysis, sentence),
      ...accusationCandidates(analysis, sentence),
      ...denialSentenceCandidates(analysis, sentence),
      ...accordingToCandidates(analysis, sentence),
      ...invertedCandidates(analysis, sentence),
    );
  }
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
