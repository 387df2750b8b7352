// Who a cue attributes its statement to, read from the words around the cue: the subject before the verb ("Le
// Kremlin a démenti"), after an inverted verb ("», a démenti le Kremlin", "…,” said O'Malley"), or in a chunk
// split at commas. The result is a SpeakerRef — a name, a description, a pronoun, nobody; coreference.ts turns
// pronouns and bare roles into the names given earlier once the suggestions are chosen.

import { countWords, lower } from './characters';
import { type Cue } from './cues';
import {
  type Grammar,
  isCapitalised,
  isDeterminer,
  isHeadName,
  nameRuns,
  PREPOSITIONS,
  runText,
  tokenize,
  withoutTitles,
} from './noun-phrases';
import { INDEFINITE_DETERMINERS, NON_SUBJECT_OPENERS, SUBJECT_PRONOUNS } from './verbs';

/** An unquoted statement before ", a déclaré X" must be this long to be one (not "Les frappes, a ajouté Kim,"). */
export const MIN_INVERTED_STATEMENT_WORDS = 8;

export type SpeakerRef =
  | { kind: 'NAME'; text: string }
  | { kind: 'DESCRIPTION'; text: string }
  /** "il", "she", "qui": someone named earlier. */
  | { kind: 'PRONOUN' }
  /** Named as a source but not identified ("une infirmière", "a post shared…"). */
  | { kind: 'NONE' }
  /** No attribution found at all. */
  | { kind: 'UNKNOWN' };

export const SKIP = 'SKIP' as const;
/** "ces évaluations", "this report": a thing spoken of, read back from the sentence before — not resolved. */
const DEMONSTRATIVES = new Set(['ce', 'cet', 'cette', 'ces', 'this', 'these', 'those']);
const LEADING_CONJUNCTION = /^\s*(?:tandis\s+qu['’]?e?|alors\s+qu['’]?e?|mais|et|puis|ni|or|but|and|while|whereas)\s+/iu;

/**
 * The subject a comma-separated chunk names, if it names one: the last head name ("le secrétaire d'Etat
 * américain Antony Blinken"), a determiner + name ("la Corée du Nord", "le Kremlin"), a description ("le
 * président ukrainien", "the state transport department"), or a pronoun. Adverbials and relative clauses
 * ("on Monday", "who has campaigned…", "grand rival de Pyongyang") name nobody: SKIP.
 */
export function subjectOfChunk(grammar: Grammar, rawChunk: string, pick: 'first' | 'last' = 'last'): SpeakerRef | typeof SKIP {
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
    const forWhom =
      /(?:spokes(?:person|man|woman)|porte-parole)\s+(?:for|of|de|du|des|d['’])\s*(.+)$/iu.exec(chunk) ??
      /^\S+\s+(.+?)['’]s\s+spokes(?:person|man|woman)$/iu.exec(chunk);
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

export function stripAuxiliaries(value: string): string {
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
export function subjectBefore(grammar: Grammar, pre: string, pick: 'first' | 'last' = 'last'): SpeakerRef {
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
export const INVERTED_SUBJECT_STOP = new Set(['à', 'au', 'aux', 'en', 'dans', 'lors', 'pendant', 'devant', 'avec', 'selon',
  'sur', 'pour', 'après', 'avant', 'depuis', 'qui', 'at', 'in', 'on', 'during', 'to', 'before', 'after', 'from',
  'who', 'when', 'while', 'as', 'told', 'said']);

const WEEKDAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
const TIMES_OF_DAY = 'matin|midi|après-midi|soir|soirée|nuit';
/**
 * Words French puts between an inverted verb and its subject: a day or time ("a déclaré mardi le Kremlin", "a
 * démenti jeudi soir Dmitri Peskov"), an adverb ("a ajouté encore"), to whom it was said ("a indiqué lundi à
 * l'AFP le ministère"). Each is one of these, whole, followed by a space; never a phrase that opens with a
 * determiner, so "a réitéré le 1er novembre son engagement" still reads as an object.
 */
const INTERPOSED = new RegExp(
  `^\\s*(?:(?:${WEEKDAYS}|hier|aujourd['’]hui)(?:\\s+(?:${TIMES_OF_DAY}))?|(?:ce|cette)\\s+(?:${TIMES_OF_DAY})|` +
    'également|aussi|encore|ensuite|enfin|aussitôt|alors|immédiatement|' +
    "(?:à|au|aux)\\s+(?:l['’]|la\\s+|les\\s+|des\\s+)?[\\p{L}-]+)(?=\\s)",
  'iu',
);

/** What follows an inverted verb, from its subject on: the interposed days, adverbs and addressees left out. */
function fromInvertedSubject(after: string): string {
  let current = after;
  for (let guard = 0; guard < 4; guard += 1) {
    const next = current.replace(INTERPOSED, '');
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The subject written after an inverted verb ("a déclaré la ministre Choe Son Hui", "said O'Malley"). */
export function subjectAfter(grammar: Grammar, after: string): SpeakerRef {
  const sentencePart = fromInvertedSubject(after).split(/[.!?;:«»“”"]/u)[0] ?? '';
  const [head = '', appositive = ''] = sentencePart.split(',');
  const tokens = tokenize(head);
  let stop = tokens.findIndex((token, index) => index > 0 && INVERTED_SUBJECT_STOP.has(lower(token.text)));
  if (stop === -1) stop = tokens.length;
  const phraseTokens = tokens.slice(0, stop);
  const first = phraseTokens[0];
  if (!first) return { kind: 'UNKNOWN' };
  if (SUBJECT_PRONOUNS.has(lower(first.text))) return { kind: 'PRONOUN' };
  const phrase = head.slice(first.start, phraseTokens[phraseTokens.length - 1]?.end);
  const heads = nameRuns(grammar, phraseTokens).filter((run) => isHeadName(grammar, phraseTokens, run));
  if (heads.length === 0) {
    // "a déclaré le porte-parole du Kremlin, Dmitri Peskov", "a assuré sa directrice générale, Claire Van der
    // Berg": a role without a name of its own, then the person who holds it — the person speaks, not the
    // institution the role belongs to (that one is only the answer when no name follows).
    // Only a name on its own: in "…, Moscou restant ferme" the name opens another clause.
    const appositiveTokens = tokenize(appositive);
    const [run, ...others] = nameRuns(grammar, appositiveTokens);
    if (run && others.length === 0 && run.first === 0 && run.last === appositiveTokens.length - 1) {
      const named = withoutTitles(appositiveTokens, run);
      return { kind: 'NAME', text: runText(appositive, appositiveTokens, named.first, named.last) };
    }
  }
  const subject = subjectOfChunk(grammar, phrase);
  if (subject === SKIP) {
    // "said season-ticket holder Margaret Ellis": English drops the determiner before the role.
    const last = heads[heads.length - 1];
    if (!last) return { kind: 'UNKNOWN' };
    const named = withoutTitles(phraseTokens, last);
    return { kind: 'NAME', text: runText(head, phraseTokens, named.first, named.last) };
  }
  return subject;
}

/**
 * The verb is inverted ("…», a déclaré la ministre", "…,” said O'Malley", "…», a démenti le Kremlin") when a
 * comma or closing mark precedes it and its subject follows: a name, or one noun phrase with one determiner —
 * "a réitéré le 1er novembre son engagement" has an object, not a subject, and "ces accusations" is never a
 * speaker. Verbs of saying and of denial invert alike; "qualifier X de Y" never does (X is what is qualified).
 */
export function isInverted(grammar: Grammar, cue: Cue, pre: string, after: string): boolean {
  if (cue.family !== 'SAY' && cue.family !== 'DENY') return false;
  const stripped = stripAuxiliaries(pre.trimEnd()).trimEnd();
  if (!/[,”»"]$/u.test(stripped)) return false;
  const closed = whatTheCommaCloses(grammar, stripped);
  // "Le maire, dans un communiqué, a salué la décision": the subject came before the incidental, and what
  // follows the verb is its object. A denial takes a noun-phrase object so often that it needs a statement.
  if (closed === 'INCIDENTAL_AFTER_SUBJECT' || (cue.family === 'DENY' && closed !== 'STATEMENT')) return false;
  const tokens = tokenize(fromInvertedSubject(after).split(/[,.;:!?«»“”"]/u)[0] ?? '');
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

/** Where a statement ends: quote marks stay inside it ("jusqu'à “sa victoire” en Ukraine, a déclaré…"). */
const CLAUSE_SEPARATOR = /,(?!\d)|[;:()—–]/u;

/**
 * What the comma before a verb closes. A statement, when it is a quote or a clause that opens with its own
 * subject and is long enough to be one (the bound invertedCandidates uses), even with an incidental after it
 * ("Kim a assuré un soutien…, lors d'une réunion…, a rapporté l'agence"). An incidental ("dans un communiqué",
 * "qui était présent") set off after a short subject ("Le maire, dans un communiqué, a salué"), where the verb
 * is not inverted. Anything else — an appositive ("Dmitri Peskov, le porte-parole du Kremlin,"), a subject cut
 * by an incise ("Les récentes frappes russes, a ajouté Kim, sont…") — is OTHER.
 */
function whatTheCommaCloses(grammar: Grammar, stripped: string): 'STATEMENT' | 'INCIDENTAL_AFTER_SUBJECT' | 'OTHER' {
  if (/[”»"]\s*,?$/u.test(stripped)) return 'STATEMENT';
  const chunks = stripped.slice(0, -1).split(CLAUSE_SEPARATOR);
  let index = chunks.length - 1;
  const opensIncidental = (chunk: string): boolean => NON_SUBJECT_OPENERS.has(lower(tokenize(chunk)[0]?.text ?? ''));
  while (index > 0 && opensIncidental(chunks[index] ?? '')) index -= 1;
  const sawIncidental = index < chunks.length - 1;
  const chunk = chunks[index] ?? '';
  const subject = subjectOfChunk(grammar, chunk);
  if (subject === SKIP) return 'OTHER';
  if (countWords(chunk) >= MIN_INVERTED_STATEMENT_WORDS) return 'STATEMENT';
  return sawIncidental ? 'INCIDENTAL_AFTER_SUBJECT' : 'OTHER';
}
