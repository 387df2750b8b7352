/**
 * Importer for pasted / archived news articles ("Sources").
 *
 * Claims are anchored to verbatim quotes in the cleaned `text` by character
 * offsets, so cleaning must be deterministic, idempotent and faithful: it never
 * rewrites a word or a quote character. It only
 *   - normalises Unicode (NFC), line endings and whitespace at line ends,
 *   - collapses runs of blank lines,
 *   - drops *whole lines* of page furniture (comment prompts, teasers, reading
 *     time, breadcrumbs, repeated headlines, and the byline / dateline lines
 *     whose content moves into metadata).
 * Every dropped line is reported in `removedLines` so an editor can review it.
 *
 * Metadata is only ever read from the text: whatever the article does not
 * state stays null. Pure functions, no I/O: safe on the server and in tests.
 */
import {
  BREADCRUMB_ROOT_PATTERN,
  BREADCRUMB_SEPARATOR_PATTERN,
  ENGLISH_MONTHS,
  ENGLISH_MONTH_ALTERNATION,
  ENGLISH_STOPWORDS,
  ENGLISH_WEEKDAYS,
  ENGLISH_WEEKDAY_ALTERNATION,
  EXPLICIT_BREADCRUMB_PATTERN,
  FRENCH_MONTHS,
  FRENCH_MONTH_ALTERNATION,
  FRENCH_STOPWORDS,
  FRENCH_WEEKDAYS,
  FRENCH_WEEKDAY_ALTERNATION,
  INLINE_TEASER_PATTERN,
  TEASER_LABEL_PATTERN,
  isAlwaysFurniture,
  isFooterMarker,
  isFooterOnlyFurniture,
  isLedeLabel,
  matchKey,
  titleKey,
} from './import-article-rules';

export interface ImportedArticle {
  /** The input, exactly as given. */
  rawText: string;
  /** Cleaned text that quotes are anchored to. '' when nothing is left. */
  text: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** Publication date at UTC midnight. */
  publishedAt: Date | null;
  /** BCP 47 tag, 'fr' or 'en'. */
  language: string | null;
  /** The furniture lines dropped from the text, in document order. */
  removedLines: string[];
}

export interface ImportOptions {
  /**
   * When the article was retrieved. Used to pick the year of a date written
   * without one ("mercredi 4 décembre"). Defaults to now.
   */
  retrievedAt?: Date;
}

export interface Byline {
  author: string;
  publisher: string | null;
}

/** Result of `cleanArticleText`: the text plus what was learnt while cleaning. */
export interface CleanedArticle {
  text: string;
  title: string | null;
  /** First byline line found, if any (the line itself is dropped from `text`). */
  byline: Byline | null;
  /** Date of the first dateline line found, if any (the line is dropped). */
  datelineDate: Date | null;
  removedLines: string[];
  /** The same lines with the rule that dropped each, for a review screen. */
  removals: Removal[];
}

/** Which rule dropped a line. */
export type RemovalReason =
  | 'furniture'
  | 'footer'
  | 'teaser'
  | 'byline'
  | 'category'
  | 'dateline'
  | 'lede-label'
  | 'breadcrumb'
  | 'repeated-title';

export interface Removal {
  line: string;
  reason: RemovalReason;
}

/** Headlines longer than this are ledes or body paragraphs, not titles. */
const MAX_TITLE_LENGTH = 250;
/** A teaser headline after "À lire aussi :" is a one-liner, never a paragraph. */
const MAX_TEASER_LENGTH = 200;
/**
 * A kept line at least this long counts as article prose when locating the
 * trailing footer block: a comment prompt only opens the footer once the prose
 * is over, so a comment count printed near the top does not make a later
 * one-word line ("Fermer") disappear.
 */
const MIN_PROSE_LINE_LENGTH = 120;
/** The weekday/date calendar repeats every 28 years; never search further back. */
const WEEKDAY_SEARCH_YEARS = 28;

// ---------------------------------------------------------------------------
// Normalisation

/**
 * NFC, LF line endings, no trailing whitespace on any line. Leading whitespace
 * and everything inside a line is kept verbatim. A leading byte-order mark is
 * an encoding artefact, not content, so it goes too.
 */
export function normaliseLines(rawText: string): string[] {
  return rawText
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
}

/** Join kept lines: at most one blank line in a row, none at either end. */
function joinLines(lines: readonly string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Bylines

/** Byline lead-ins: "Par", "Par :", "By", "Publié par", "Written by". */
const BYLINE_PATTERN =
  /^(?:(?:publié|publiée|rédigé|rédigée|écrit|écrite)\s+par|par|(?:written|posted)\s+by|by)\s*:?\s+(.+)$/iu;
/** Separators between the author and the outlet: "Gaëlle Villeneuve / Afrique Première Tv". */
const PUBLISHER_SEPARATOR = /\s+[/|–—-]\s+/u;
/** One capitalised name word: "Gaëlle", "Jean-Pierre", "O’Neil", "J.", "AFP". */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
/** Lower-case words allowed inside a name or between co-authors. */
const NAME_PARTICLES = new Set([
  'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'di', 'da', 'del',
  'dos', 'bin', 'ben', 'al', 'el', 'et', 'and', '&',
]);
const MAX_NAME_WORDS = 8;
const MAX_PUBLISHER_LENGTH = 60;

function looksLikePersonOrAgencyName(value: string): boolean {
  if (value.length === 0 || value.length > 80) return false;
  const words = value.split(/\s*,\s*|\s+/u).filter((word) => word !== '');
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return false;
  const [first] = words;
  if (first === undefined || !NAME_WORD.test(first)) return false;
  return words.every(
    (word) =>
      NAME_WORD.test(word) ||
      NAME_PARTICLES.has(word) ||
      // Elided particles glued to the name: "d’Ormesson", "l’Hermite".
      /^[dl]['’]\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(word),
  );
}

function looksLikePublisher(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_PUBLISHER_LENGTH &&
    /^[\p{L}\p{N}]/u.test(value) &&
    !/[!?;«»"“”]/u.test(value) &&
    value.split(/\s+/u).length <= MAX_NAME_WORDS
  );
}

/**
 * Parse a line that consists only of a byline ("Par : Gaëlle Villeneuve /
 * Afrique Première Tv", "by Sara", "By Jane Doe"). Returns null for anything
 * else, including prose that merely starts with "Par" ("Par ailleurs, …").
 */
export function parseBylineLine(line: string): Byline | null {
  const match = BYLINE_PATTERN.exec(line.trim().replace(/\s+/gu, ' '));
  const rest = match?.[1];
  if (rest === undefined) return null;
  const [authorPart, publisherPart, ...extra] = rest.split(PUBLISHER_SEPARATOR);
  if (authorPart === undefined || extra.length > 0) return null;
  const author = authorPart.trim();
  if (!looksLikePersonOrAgencyName(author)) return null;
  if (publisherPart === undefined) return { author, publisher: null };
  const publisher = publisherPart.trim();
  return looksLikePublisher(publisher) ? { author, publisher } : null;
}

/** The first byline line in a text, or null. */
export function extractByline(text: string): Byline | null {
  for (const line of normaliseLines(text)) {
    const byline = parseBylineLine(line);
    if (byline) return byline;
  }
  return null;
}

/**
 * Topic tags printed right under a byline, e.g. "Corée du Nord, Russie": a short
 * comma-separated list of capitalised names. Deliberately narrow, since it is
 * only applied to the single line directly after a byline.
 */
function isCategoryLine(line: string): boolean {
  const value = line.trim();
  if (value.length > 80) return false;
  const items = value.split(/\s*,\s*/u);
  if (items.length < 2) return false;
  return items.every((item) => {
    const words = item.split(/\s+/u);
    return (
      item.length > 0 &&
      item.length <= 30 &&
      words.length <= 4 &&
      /^\p{Lu}/u.test(item) &&
      /^[\p{L}\p{M}'’ -]+$/u.test(item)
    );
  });
}

// ---------------------------------------------------------------------------
// Dates

/** A calendar date at UTC midnight, or null when the day does not exist. */
function utcDate(year: number, month: number, day: number): Date | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

function dayNumber(value: string): number {
  return value === '1er' ? 1 : Number.parseInt(value, 10);
}

/** A stated weekday must agree with the date, otherwise the date is not trusted. */
function weekdayAgrees(date: Date, weekday: number | undefined): boolean {
  return weekday === undefined || date.getUTCDay() === weekday;
}

const NUMERIC_DATELINE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const ISO_DATELINE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DATELINE = new RegExp(
  `^(?:publié le )?(?:(${FRENCH_WEEKDAY_ALTERNATION}) )?(1er|\\d{1,2}) (${FRENCH_MONTH_ALTERNATION}) (\\d{4})(?: ?(?:à|,|-) ?\\d{1,2} ?[h:] ?\\d{2})?$`,
);
const ENGLISH_DATELINE_MONTH_FIRST = new RegExp(
  `^(?:published (?:on )?)?(?:(${ENGLISH_WEEKDAY_ALTERNATION}),? )?(${ENGLISH_MONTH_ALTERNATION}) (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})$`,
);
const ENGLISH_DATELINE_DAY_FIRST = new RegExp(
  `^(?:published (?:on )?)?(?:(${ENGLISH_WEEKDAY_ALTERNATION}),? )?(\\d{1,2})(?:st|nd|rd|th)? (${ENGLISH_MONTH_ALTERNATION}),? (\\d{4})$`,
);

/** Capture-group positions of a worded date pattern. */
interface DateGroups {
  weekday: number;
  day: number;
  month: number;
  year: number;
}

const WORDED_DATELINES: ReadonlyArray<{
  pattern: RegExp;
  groups: DateGroups;
  months: Readonly<Record<string, number>>;
}> = [
  { pattern: FRENCH_DATELINE, groups: { weekday: 1, day: 2, month: 3, year: 4 }, months: FRENCH_MONTHS },
  { pattern: ENGLISH_DATELINE_MONTH_FIRST, groups: { weekday: 1, month: 2, day: 3, year: 4 }, months: ENGLISH_MONTHS },
  { pattern: ENGLISH_DATELINE_DAY_FIRST, groups: { weekday: 1, day: 2, month: 3, year: 4 }, months: ENGLISH_MONTHS },
];

/**
 * Parse a line that is only a date: "01.11.2024" (day first, as in French
 * pages), "01/11/2024", "2024-11-01", "1er novembre 2024", "Publié le
 * vendredi 1 novembre 2024 à 10h30", "November 1, 2024".
 */
export function parseDatelineLine(line: string): Date | null {
  const key = matchKey(line);
  let match = NUMERIC_DATELINE.exec(key);
  if (match) return utcDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = ISO_DATELINE.exec(key);
  if (match) return utcDate(Number(match[1]), Number(match[2]), Number(match[3]));

  for (const { pattern, groups, months } of WORDED_DATELINES) {
    match = pattern.exec(key);
    if (!match) continue;
    const month = months[match[groups.month] ?? ''];
    const dayText = match[groups.day];
    if (month === undefined || dayText === undefined) continue;
    const date = utcDate(Number(match[groups.year]), month, dayNumber(dayText));
    const weekdayName = match[groups.weekday];
    const weekday =
      weekdayName === undefined ? undefined : (FRENCH_WEEKDAYS[weekdayName] ?? ENGLISH_WEEKDAYS[weekdayName]);
    if (date && weekdayAgrees(date, weekday)) return date;
  }
  return null;
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
/** "mercredi 4 décembre", "vendredi 1er novembre 2024". */
const FRENCH_WEEKDAY_DATE = new RegExp(
  `${NOT_WORD_BEFORE}(${FRENCH_WEEKDAY_ALTERNATION})\\s+(1er|\\d{1,2})\\s+(${FRENCH_MONTH_ALTERNATION})(?:\\s+(\\d{4}))?${NOT_WORD_AFTER}`,
  'giu',
);
/** "Wednesday, December 4", "Wednesday, December 4, 2024". */
const ENGLISH_WEEKDAY_MONTH_DAY = new RegExp(
  `${NOT_WORD_BEFORE}(${ENGLISH_WEEKDAY_ALTERNATION}),?\\s+(${ENGLISH_MONTH_ALTERNATION})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${NOT_WORD_AFTER}`,
  'giu',
);
/** "Wednesday 4 December", "Wednesday, 4 December 2024". */
const ENGLISH_WEEKDAY_DAY_MONTH = new RegExp(
  `${NOT_WORD_BEFORE}(${ENGLISH_WEEKDAY_ALTERNATION}),?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(${ENGLISH_MONTH_ALTERNATION})(?:,?\\s+(\\d{4}))?${NOT_WORD_AFTER}`,
  'giu',
);

interface WeekdayDatePhrase {
  index: number;
  weekday: number;
  day: number;
  month: number;
  year: number | null;
}

function weekdayDatePhrases(line: string): WeekdayDatePhrase[] {
  const phrases: WeekdayDatePhrase[] = [];
  const collect = (
    pattern: RegExp,
    groups: DateGroups,
    months: Readonly<Record<string, number>>,
    weekdays: Readonly<Record<string, number>>,
  ): void => {
    for (const match of line.matchAll(pattern)) {
      const weekday = weekdays[(match[groups.weekday] ?? '').toLowerCase()];
      const month = months[(match[groups.month] ?? '').toLowerCase()];
      const dayText = match[groups.day];
      const yearText = match[groups.year];
      if (weekday === undefined || month === undefined || dayText === undefined) continue;
      phrases.push({
        index: match.index,
        weekday,
        day: dayNumber(dayText.toLowerCase()),
        month,
        year: yearText === undefined ? null : Number(yearText),
      });
    }
  };
  collect(FRENCH_WEEKDAY_DATE, { weekday: 1, day: 2, month: 3, year: 4 }, FRENCH_MONTHS, FRENCH_WEEKDAYS);
  collect(ENGLISH_WEEKDAY_MONTH_DAY, { weekday: 1, month: 2, day: 3, year: 4 }, ENGLISH_MONTHS, ENGLISH_WEEKDAYS);
  collect(ENGLISH_WEEKDAY_DAY_MONTH, { weekday: 1, day: 2, month: 3, year: 4 }, ENGLISH_MONTHS, ENGLISH_WEEKDAYS);
  return phrases.sort((a, b) => a.index - b.index);
}

/**
 * Resolve a weekday/day/month phrase to a date. With a year, the weekday must
 * agree. Without one, take the most recent year up to `referenceYear` in
 * which that day falls on that weekday ("mercredi 4 décembre" read in 2025 →
 * 2024-12-04).
 */
function resolveWeekdayDate(phrase: WeekdayDatePhrase, referenceYear: number): Date | null {
  if (phrase.year !== null) {
    const date = utcDate(phrase.year, phrase.month, phrase.day);
    return date && weekdayAgrees(date, phrase.weekday) ? date : null;
  }
  for (let year = referenceYear; year > referenceYear - WEEKDAY_SEARCH_YEARS; year -= 1) {
    const date = utcDate(year, phrase.month, phrase.day);
    if (date && weekdayAgrees(date, phrase.weekday)) return date;
  }
  return null;
}

/**
 * The first "weekday day month [year]" expression in the text whose weekday is
 * consistent, as a date. "le 1er novembre" (no weekday) does not count: without
 * the weekday there is no way to tell the year.
 */
export function findWeekdayDate(text: string, options: ImportOptions = {}): Date | null {
  const referenceYear = (options.retrievedAt ?? new Date()).getUTCFullYear();
  for (const line of normaliseLines(text)) {
    for (const phrase of weekdayDatePhrases(line)) {
      const date = resolveWeekdayDate(phrase, referenceYear);
      if (date) return date;
    }
  }
  return null;
}

/**
 * Publication date: the first dateline line ("01.11.2024" on its own), else the
 * first consistent weekday/date phrase of the body, else null.
 */
export function extractPublishedDate(rawText: string, options: ImportOptions = {}): Date | null {
  const cleaned = cleanArticleText(rawText);
  return cleaned.datelineDate ?? findWeekdayDate(bodyWithoutTitle(cleaned), options);
}

function bodyWithoutTitle(cleaned: CleanedArticle): string {
  if (cleaned.title === null) return cleaned.text;
  const lines = cleaned.text.split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() === cleaned.title);
  if (titleIndex >= 0) lines.splice(titleIndex, 1);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Language

const MIN_STOPWORD_HITS = 5;

/**
 * 'fr' or 'en' from function-word counts; null when the text is too short or
 * the two counts are too close to call (the winner needs twice the hits).
 */
export function detectLanguage(text: string): string | null {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  let french = 0;
  let english = 0;
  for (const word of words) {
    if (FRENCH_STOPWORDS.has(word)) french += 1;
    if (ENGLISH_STOPWORDS.has(word)) english += 1;
  }
  if (french + english < MIN_STOPWORD_HITS) return null;
  if (french >= 2 * english) return 'fr';
  if (english >= 2 * french) return 'en';
  return null;
}

// ---------------------------------------------------------------------------
// Cleaning

function isTeaserLabel(line: string): boolean {
  return TEASER_LABEL_PATTERN.test(matchKey(line));
}

function isInlineTeaser(line: string): boolean {
  return INLINE_TEASER_PATTERN.test(matchKey(line));
}

/** Furniture recognisable from the line alone, wherever it is. */
function isStaticFurniture(line: string): boolean {
  return (
    isAlwaysFurniture(line) ||
    isTeaserLabel(line) ||
    isInlineTeaser(line) ||
    parseBylineLine(line) !== null ||
    parseDatelineLine(line) !== null
  );
}

/**
 * A breadcrumb at the top of the page: "Accueil › Monde › Asie", or, when the
 * separators were lost in the copy, "Home ActualitéKim Jong Un soutient…" that
 * ends with the headline printed right below it.
 */
function isBreadcrumb(line: string, nextContentLine: string | undefined): boolean {
  const key = matchKey(line);
  if (EXPLICIT_BREADCRUMB_PATTERN.test(key)) return true;
  if ((key.match(BREADCRUMB_SEPARATOR_PATTERN) ?? []).length >= 2) return true;
  if (!BREADCRUMB_ROOT_PATTERN.test(key) || nextContentLine === undefined) return false;
  const nextKey = matchKey(nextContentLine);
  return nextKey.length > 0 && key.length > nextKey.length && key.endsWith(nextKey);
}

function looksLikeHeadline(line: string): boolean {
  const value = line.trim();
  return (
    [...value].length <= MAX_TITLE_LENGTH &&
    value.split(/\s+/u).length >= 2 &&
    !/[:,;]$/u.test(value)
  );
}

/**
 * Drop page furniture and normalise whitespace; see the module comment. Also
 * returns the title, byline and dateline found on the way, since the lines
 * holding them are among those dropped.
 */
export function cleanArticleText(rawText: string): CleanedArticle {
  const lines = normaliseLines(rawText);
  const removed = new Map<number, RemovalReason>();
  const isBlank = (index: number): boolean => lines[index] === '';
  const isKept = (index: number): boolean => !isBlank(index) && !removed.has(index);
  const staticFurniture = lines.map((line) => line !== '' && isStaticFurniture(line));

  // 1. Top of the page: section labels and breadcrumbs only count before the
  //    first line of content.
  let ledeLabelBeforeFirstContent = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line === '' || staticFurniture[index]) continue;
    if (isLedeLabel(line)) {
      removed.set(index, 'lede-label');
      ledeLabelBeforeFirstContent = true;
      continue;
    }
    const nextContent = lines.find((next, nextIndex) => nextIndex > index && next !== '' && !staticFurniture[nextIndex]);
    if (isBreadcrumb(line, nextContent)) {
      removed.set(index, 'breadcrumb');
      continue;
    }
    break;
  }

  // 2. The trailing footer block opens at the first comment prompt / "more
  //    articles" heading that comes after the last line of prose.
  let lastProseIndex = -1;
  lines.forEach((line, index) => {
    if (!staticFurniture[index] && !removed.has(index) && [...line].length >= MIN_PROSE_LINE_LENGTH) {
      lastProseIndex = index;
    }
  });
  const footerStart = lines.findIndex((line, index) => index > lastProseIndex && line !== '' && isFooterMarker(line));

  // 3. Line-by-line furniture.
  let byline: Byline | null = null;
  let datelineDate: Date | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (!isKept(index)) continue;

    if (isAlwaysFurniture(line)) {
      removed.set(index, footerStart >= 0 && index >= footerStart ? 'footer' : 'furniture');
      continue;
    }
    if (footerStart >= 0 && index > footerStart && isFooterOnlyFurniture(line)) {
      removed.set(index, 'footer');
      continue;
    }
    const parsedByline = parseBylineLine(line);
    if (parsedByline) {
      removed.set(index, 'byline');
      byline ??= parsedByline;
      const next = index + 1;
      if (next < lines.length && !isBlank(next) && !staticFurniture[next] && isCategoryLine(lines[next] ?? '')) {
        removed.set(next, 'category');
      }
      continue;
    }
    const parsedDate = parseDatelineLine(line);
    if (parsedDate) {
      removed.set(index, 'dateline');
      datelineDate ??= parsedDate;
      continue;
    }
    if (isInlineTeaser(line)) {
      removed.set(index, 'teaser');
      continue;
    }
    if (isTeaserLabel(line)) {
      removed.set(index, 'teaser');
      // The teaser headline is the next non-blank line, as long as it reads
      // like a headline; a full sentence is body text and stays.
      let next = index + 1;
      while (next < lines.length && isBlank(next)) next += 1;
      const headline = (lines[next] ?? '').trim();
      if (
        next < lines.length &&
        !staticFurniture[next] &&
        [...headline].length <= MAX_TEASER_LENGTH &&
        !headline.endsWith('.')
      ) {
        removed.set(next, 'teaser');
      }
    }
  }

  // 4. Title: the first line of content, if it reads like a headline. Later
  //    lines equal to it (quotes folded) are the same headline printed again.
  const titleIndex = lines.findIndex((_, index) => isKept(index));
  const titleLine = titleIndex >= 0 ? (lines[titleIndex] ?? '') : '';
  const title =
    titleIndex >= 0 && !ledeLabelBeforeFirstContent && looksLikeHeadline(titleLine) ? titleLine.trim() : null;
  if (title !== null) {
    const key = titleKey(title);
    for (let index = titleIndex + 1; index < lines.length; index += 1) {
      if (isKept(index) && titleKey(lines[index] ?? '') === key) removed.set(index, 'repeated-title');
    }
  }

  const keptLines = lines.filter((_, index) => !removed.has(index));
  const removals = [...removed.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, reason]): Removal => ({ line: lines[index] ?? '', reason }));
  return {
    text: joinLines(keptLines),
    title,
    byline,
    datelineDate,
    removedLines: removals.map((removal) => removal.line),
    removals,
  };
}

// ---------------------------------------------------------------------------
// Entry point

/** Clean an article and read its metadata. Never throws; empty input gives text ''. */
export function importArticle(rawText: string, options: ImportOptions = {}): ImportedArticle {
  const cleaned = cleanArticleText(rawText);
  return {
    rawText,
    text: cleaned.text,
    title: cleaned.title,
    author: cleaned.byline?.author ?? null,
    publisher: cleaned.byline?.publisher ?? null,
    publishedAt: cleaned.datelineDate ?? findWeekdayDate(bodyWithoutTitle(cleaned), options),
    language: detectLanguage(cleaned.text),
    removedLines: cleaned.removedLines,
  };
}
