/**
 * Line patterns used by the article importer (`import-article.ts`).
 *
 * Every pattern here is matched against a *match key* (see `matchKey`), never
 * against the stored text: the key is lower-cased, folds ’/‘ to ' and collapses
 * all kinds of spaces, so one pattern covers "Laisser un commentaire",
 * "LAISSER UN COMMENTAIRE" and "Vous êtes déjà membre ? Connectez-vous" with a
 * non-breaking space. All patterns are anchored on both ends: we only ever drop
 * whole lines, so a pattern must describe the entire line.
 */

/** Fold a line into the key that furniture patterns are matched against. */
export function matchKey(line: string): string {
  return line
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02BC\u2032]/g, "'")
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Key used to decide whether a line repeats the title. On top of `matchKey`, it
 * folds typographic double quotes (« », “ ”, „) into a straight " and removes
 * the spaces French typography puts inside « », because sites often print the
 * same headline once with straight quotes and once with typographic ones.
 */
export function titleKey(line: string): string {
  return matchKey(line)
    .replace(/«\s*/g, '"')
    .replace(/\s*»/g, '"')
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"');
}

/**
 * Comment prompts and "more articles" headings. Each of them also marks the
 * start of the trailing footer block (after which footer-only furniture such as
 * a lone "Fermer" is dropped as well).
 */
export const FOOTER_MARKER_PATTERNS: readonly RegExp[] = [
  // Comment prompts, in the infinitive ("Laisser…", a button) and the
  // imperative ("Laissez…", an invitation), and their English counterparts.
  /^laiss(?:er|ez) un commentaire$/,
  /^laiss(?:er|ez) une réponse$/,
  /^(?:ajout(?:er|ez)|écri(?:re|vez)|post(?:er|ez)|publi(?:er|ez)) (?:un|votre) commentaire$/,
  /^(?:réagi(?:r|ssez)|comment(?:er|ez))(?: (?:à )?cet article)?$/,
  /^donnez votre avis$/,
  /^(?:voir|afficher|lire) (?:les|tous les) (?:\d+ )?commentaires$/,
  /^commentaires$/,
  /^leave a (?:comment|reply)$/,
  /^(?:add|post|write) a comment$/,
  /^join the (?:conversation|discussion)$/,
  /^(?:view|show|see|read) (?:all )?(?:\d+ )?comments$/,
  /^comments$/,
  /^\d+ (?:commentaires?|comments?|réactions?)$/,
  /^aucun commentaire$/,
  /^no comments(?: yet)?$/,
  /^vous devez être (?:membre|connecté|connectée|inscrit|inscrite|abonné|abonnée) pour (?:ajouter|publier|poster|laisser|écrire) un commentaire\.?$/,
  /^you must be logged in to post a comment\.?$/,
  /^you may also like$/,
  /^vous aimerez aussi$/,
  /^dernières nouvelles$/,
];

/** Furniture dropped wherever it appears: none of it can be article prose. */
export const ALWAYS_FURNITURE_PATTERNS: readonly RegExp[] = [
  ...FOOTER_MARKER_PATTERNS,
  // Comment block boilerplate.
  /^vous êtes déjà (?:membre|abonné|abonnée|inscrit|inscrite) ?\? ?connectez-vous\.?$/,
  /^pas encore (?:membre|abonné|abonnée|inscrit|inscrite) ?\? ?(?:devenez|inscrivez|abonnez|créez).*$/,
  /^signaler (?:le|ce) commentaire$/,
  /^report (?:this )?comment$/,
  /^your email address will not be published(?:[.…].*)?$/,
  /^votre adresse (?:e-?mail|mail|courriel|de messagerie) ne sera pas publiée(?:[.…].*)?$/,
  /^les champs obligatoires sont indiqués avec \*$/,
  /^required fields are marked \*$/,
  // Share widgets: "Partagez cet article", "Partager sur X (ex-Twitter)",
  // "Share this story", "Share on WhatsApp", "Copier le lien".
  /^spread the love$/,
  /^partag(?:er|ez)(?: (?:cet article|l'article|cette page|la page))?(?: ?:)?$/,
  /^partag(?:er|ez)(?: (?:cet article|l'article))? (?:sur|via|par) (?:facebook|twitter|x|linkedin|whatsapp|bluesky|messenger|telegram|threads|e-?mail|mail|courriel|sms)(?: \([^)]*\))?$/,
  /^share(?: (?:this|the) (?:article|story|post|page))?(?: ?:)?$/,
  /^share (?:this (?:article|story) )?(?:on|via|by) (?:facebook|twitter|x|linkedin|whatsapp|bluesky|messenger|telegram|threads|reddit|e-?mail|mail|sms)(?: \([^)]*\))?$/,
  /^(?:copier le lien|lien copié|copy link|link copied)$/,
  // Reading-time badges: "1 min de lecture", "3 min read", "Temps de lecture : 2 min".
  /^\d+ ?(?:min|mins|minutes?) (?:de lecture|read|reading)$/,
  /^(?:temps de )?lecture ?: ?\d+ ?(?:min|mins|minutes?)$/,
  /^reading time ?: ?\d+ ?(?:min|mins|minutes?)$/,
];

/**
 * Footer-only furniture: words that are buttons inside a comment widget but
 * could, in theory, be a one-word line of prose. Only dropped inside the
 * trailing footer block.
 */
export const FOOTER_ONLY_PATTERNS: readonly RegExp[] = [
  /^fermer$/,
  /^close$/,
  /^répondre$/,
  /^reply$/,
  /^annuler la réponse$/,
  /^cancel reply$/,
];

/**
 * "À lire aussi :" teaser labels on a line of their own. The next line is the
 * teaser headline (a link to another article) and goes too.
 */
export const TEASER_LABEL_PATTERN =
  /^(?:(?:a|à) lire (?:aussi|également)|lire aussi|voir aussi|read also|see also) ?:?$/;

/** The same teaser with its headline on the same line: "Lire aussi : Guerre…". */
export const INLINE_TEASER_PATTERN =
  /^(?:(?:a|à) lire (?:aussi|également)|lire aussi|voir aussi|read also|see also) ?: ?\S.*$/;

/**
 * Section labels printed above a summary box at the very top of the page
 * ("l’essentiel" on La Dépêche). What follows them is a lede, not a headline.
 */
export const LEDE_LABEL_PATTERNS: readonly RegExp[] = [
  /^l'essentiel$/,
  /^en bref$/,
  /^ce qu'il faut retenir$/,
  /^key points$/,
];

/** Breadcrumbs with an explicit separator: "Accueil › Monde › Asie". */
export const EXPLICIT_BREADCRUMB_PATTERN = /^(?:home|accueil) ?[›>»/|·•] ?\S/;

/** Breadcrumbs without separators start with one of these words ("Home Actualité…"). */
export const BREADCRUMB_ROOT_PATTERN = /^(?:home|accueil) \S/;

/** Section separators used by breadcrumb trails ("Monde › Asie › Corée du Nord"). */
export const BREADCRUMB_SEPARATOR_PATTERN = / [›>] /g;

/** Month names (match keys, i.e. lower case) to month numbers 1–12. */
export const FRENCH_MONTHS: Readonly<Record<string, number>> = {
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
};

export const ENGLISH_MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Weekday names to `Date#getUTCDay()` numbers (0 = Sunday). */
export const FRENCH_WEEKDAYS: Readonly<Record<string, number>> = {
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};

export const ENGLISH_WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

export const FRENCH_MONTH_ALTERNATION = Object.keys(FRENCH_MONTHS).join('|');
export const ENGLISH_MONTH_ALTERNATION = Object.keys(ENGLISH_MONTHS).join('|');
export const FRENCH_WEEKDAY_ALTERNATION = Object.keys(FRENCH_WEEKDAYS).join('|');
export const ENGLISH_WEEKDAY_ALTERNATION = Object.keys(ENGLISH_WEEKDAYS).join('|');

/**
 * Function words for the language guess. Words shared by both languages
 * ("a", "on", "as" is fine) are left out so they cannot tip the balance;
 * "l", "d", "qu" are the halves of French elisions split at the apostrophe.
 */
export const FRENCH_STOPWORDS: ReadonlySet<string> = new Set([
  'le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'une', 'un', 'que', 'qui',
  'dans', 'pour', 'pas', 'sur', 'au', 'aux', 'avec', 'ce', 'cette', 'il', 'elle',
  'ils', 'elles', 'ne', 'se', 'son', 'sa', 'ses', 'leur', 'leurs', 'nous',
  'vous', 'mais', 'ou', 'où', 'été', 'être', 'sont', 'par', 'plus', 'en', 'à',
  'l', 'd', 'qu',
]);

export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was',
  'be', 'by', 'this', 'are', 'have', 'from', 'has', 'an', 'not', 'his', 'her',
  'they', 'we', 'you', 'which', 'were', 'been', 'their', 'or', 'but', 'at',
  'will', 'would', 'said', 'who', 'its',
]);

/** True when the whole line is furniture that is dropped wherever it appears. */
export function isAlwaysFurniture(line: string): boolean {
  const key = matchKey(line);
  return ALWAYS_FURNITURE_PATTERNS.some((pattern) => pattern.test(key));
}

export function isFooterMarker(line: string): boolean {
  const key = matchKey(line);
  return FOOTER_MARKER_PATTERNS.some((pattern) => pattern.test(key));
}

export function isFooterOnlyFurniture(line: string): boolean {
  const key = matchKey(line);
  return FOOTER_ONLY_PATTERNS.some((pattern) => pattern.test(key));
}

export function isLedeLabel(line: string): boolean {
  const key = matchKey(line);
  return LEDE_LABEL_PATTERNS.some((pattern) => pattern.test(key));
}
