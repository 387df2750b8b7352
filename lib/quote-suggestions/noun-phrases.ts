// Names and noun phrases, read without a parser: tokens, runs of capitalised words with their particles ("Paul
// de La Tour", "Corée du Nord"), whether a run heads its phrase or is a complement ("des Affaires étrangères"),
// titles dropped ("Councillor Greg O'Malley"). What depends on the language (English "a" and "an" are articles,
// French "a" is a verb) comes in as a Grammar argument, so one call never depends on another.

import { lower } from './characters';
import {
  CAPITALISED_NON_NAMES,
  type CueLanguage,
  DETERMINERS,
  ENGLISH_OFFICES,
  ENGLISH_TITLES,
  NAME_PARTICLES,
  ROLE_NOUNS,
} from './verbs';

type Token = { text: string; start: number; end: number };
const NAME_TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}])?|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(value: string): Token[] {
  return [...value.matchAll(NAME_TOKEN)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** "l'OTAN", "d'Ormesson", "al-Assad": an elided particle glued to a capitalised name. */
const GLUED_NAME = /^(?:[dl]['’]|al-|el-)\p{Lu}/u;
/** "l'agence", "l'élu": an elided determiner glued to a common noun. */
const GLUED_DETERMINER = /^[ldLD]['’]\p{Ll}/u;

export function isCapitalised(token: Token): boolean {
  const word = lower(token.text);
  // "le Premier ministre", "President Joe Biden": a capitalised role is a title, not part of the name.
  if (CAPITALISED_NON_NAMES.has(word) || ROLE_NOUNS.has(word)) return false;
  return /^\p{Lu}/u.test(token.text) || GLUED_NAME.test(token.text);
}

/**
 * The language-dependent part of reading a noun phrase, passed to every helper that reads one: "a" and "an" are
 * determiners in English only ("Kim a promis" is a verb).
 */
export type Grammar = { determiners: ReadonlySet<string> };
const ENGLISH_ONLY_DETERMINERS = new Set(['a', 'an']);
const WITH_ENGLISH_ARTICLES: Grammar = { determiners: DETERMINERS };
const WITHOUT_ENGLISH_ARTICLES: Grammar = {
  determiners: new Set([...DETERMINERS].filter((word) => !ENGLISH_ONLY_DETERMINERS.has(word))),
};

export function grammarFor(languages: readonly CueLanguage[]): Grammar {
  return languages.includes('en') ? WITH_ENGLISH_ARTICLES : WITHOUT_ENGLISH_ARTICLES;
}

export function isDeterminer(grammar: Grammar, token: Token | undefined): boolean {
  if (token === undefined) return false;
  return grammar.determiners.has(lower(token.text)) || GLUED_DETERMINER.test(token.text);
}

export const PREPOSITIONS = new Set(['de', 'd', 'du', 'des', 'à', 'au', 'aux', 'en', 'par', 'pour', 'sur', 'avec', 'chez',
  'of', 'in', 'at', 'from', 'to', 'with', 'by', 'on', 'for']);

type NameRun = { first: number; last: number };

/** Runs of capitalised tokens, with particles between them ("Paul de La Tour", "Corée du Nord"). */
export function nameRuns(grammar: Grammar, tokens: readonly Token[]): NameRun[] {
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
export function isHeadName(grammar: Grammar, tokens: readonly Token[], run: NameRun): boolean {
  const before = tokens[run.first - 1];
  const first = tokens[run.first];
  if (first && /^[dD]['’]/u.test(first.text)) return false; // "d'Etat", "d'Ormesson" read as complement
  // "the Kremlin's spokesman": the possessive names whose role it is, as "du Kremlin" does after the role.
  const last = tokens[run.last];
  if (last && /['’]s$/u.test(last.text) && ROLE_NOUNS.has(lower(tokens[run.last + 1]?.text ?? ''))) return false;
  if (!before) return true;
  // "Secretary of State Antony Blinken": after a title and "of", the name is still the head.
  if (lower(before.text) === 'of' && ENGLISH_TITLES.has(lower(tokens[run.first - 2]?.text ?? ''))) return true;
  if (PREPOSITIONS.has(lower(before.text))) return false;
  if (isDeterminer(grammar, before) && PREPOSITIONS.has(lower(tokens[run.first - 2]?.text ?? ''))) return false;
  return true;
}

export function runText(value: string, tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to];
  return first && last ? value.slice(first.start, last.end) : '';
}

/** Drop capitalised English titles in front of a name ("Councillor Greg O'Malley" → "Greg O'Malley"). */
export function withoutTitles(tokens: readonly Token[], run: NameRun): NameRun {
  let first = run.first;
  const isTitle = (token: Token | undefined): boolean => {
    const word = lower(token?.text ?? '').replace(/\.$/u, '');
    return ENGLISH_TITLES.has(word) || ENGLISH_OFFICES.has(word);
  };
  while (first < run.last && isTitle(tokens[first])) first += 1;
  return { first, last: run.last };
}
