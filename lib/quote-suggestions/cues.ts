// Pass 3 of the quote-suggestion engine: the attribution cues of a text — the verbs and prepositions of
// verbs.ts, matched as whole words outside quote spans in one linear token scan — plus the "Pour X, …" openings,
// which attribute like "selon" only when X is a person or a body, so they are added per sentence rather than
// listed as a word.

import { foldApostrophes, lower } from './characters';
import { type Grammar, tokenize } from './noun-phrases';
import { type QuoteSpan, spanAround } from './quote-marks';
import { type Sentence } from './sentences';
import { firstAtOrAfter } from './sorted-search';
import { SKIP, subjectOfChunk } from './speakers';
import { CUE_WORDS, type CueFamily, type CueLanguage, DETERMINERS, ROLE_NOUNS } from './verbs';

export type Cue = { start: number; end: number; family: CueFamily; language: CueLanguage; form: string };

type CueEntry = { family: CueFamily; language: CueLanguage };
/** Single-word forms, and forms of several words ("according to", "fait savoir") by their first word. */
type Lexicon = { families: Map<string, CueEntry>; phrases: Map<string, { rest: RegExp; entry: CueEntry }[]> };
const lexiconCache = new Map<string, Lexicon>();

export function languagesOf(language: string): CueLanguage[] {
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

/** Word tokens: letters joined by apostrophes or hyphens ("d'après", "a-t-elle", "soi-disant"). Linear. */
const CUE_TOKEN = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

export function findCues(text: string, languages: readonly CueLanguage[], spans: readonly QuoteSpan[]): Cue[] {
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

export const isParticipleOfAction = (cue: Cue): boolean => /(?:ant|ing)$/u.test(cue.form.toLowerCase());

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
export function withOpinionCues(grammar: Grammar, text: string, languages: readonly CueLanguage[], sentences: readonly Sentence[], cues: Cue[]): Cue[] {
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

export function cuesIn(cues: readonly Cue[], from: number, to: number): Cue[] {
  const found: Cue[] = [];
  for (let index = firstAtOrAfter(cues, from, (cue) => cue.start); index < cues.length; index += 1) {
    const cue = cues[index];
    if (!cue || cue.start >= to) break;
    found.push(cue);
  }
  return found;
}
