// The words that mark reported speech in French and English news text, for the quote-suggestion engine
// (cues.ts finds them in a text; detect.ts describes the passes).
//
// Each list holds inflected forms, matched as whole words, case-insensitively. News prose reports speech in a
// handful of tenses — passé composé ("a déclaré"), present ("dément"), participle ("affirmant") — so the forms
// are generated for those only; an entry that is not a verb of saying in everyday news use stays out, because a
// false cue costs more (a wrong suggestion, a wrong speaker) than a missed one (the editor can still select).

export type CueFamily =
  /** A verb of saying: the quote next to it, or the que/that clause after it, is what the subject said. */
  | 'SAY'
  /** Like SAY but only with a que/that clause: the verb is as often about deeds ("a soutenu l'invasion"). */
  | 'SAY_WITH_CLAUSE'
  /** Denial verbs: what follows is rejected — stance DENIES. */
  | 'DENY'
  /** "qualifier … de …", "called … …": a denial only when a word of DENIAL_WORDS follows. */
  | 'QUALIFY'
  /** "accuser X de …": the accusation is a claim about X. */
  | 'ACCUSE'
  /** "selon X", "d'après X", "according to X": X is the source of the clause. */
  | 'ACCORDING_TO';

export type CueLanguage = 'fr' | 'en';

/** Participles (four agreements), present (3rd person) and present participle of a regular -er verb. */
function erVerb(infinitive: string, extra: readonly string[] = []): string[] {
  const stem = infinitive.slice(0, -2);
  return [`${stem}é`, `${stem}ée`, `${stem}és`, `${stem}ées`, `${stem}e`, `${stem}ent`, `${stem}ant`, ...extra];
}

const FRENCH: Record<CueFamily, readonly string[]> = {
  SAY: [
    // The core of news attribution ("a déclaré", "a affirmé", "a assuré", "a indiqué", "a estimé", "a ajouté").
    ...erVerb('déclarer'),
    ...erVerb('affirmer'),
    ...erVerb('assurer'),
    ...erVerb('indiquer'),
    ...erVerb('estimer'),
    ...erVerb('ajouter'),
    // Announcements, explanations and insistence carry statements just as often.
    ...erVerb('annoncer', ['annonçant']),
    ...erVerb('expliquer'),
    ...erVerb('souligner'),
    ...erVerb('préciser'),
    ...erVerb('insister'),
    ...erVerb('marteler', ['martèle', 'martèlent']),
    ...erVerb('répéter', ['répète', 'répètent']),
    ...erVerb('réitérer', ['réitère', 'réitèrent']),
    // Reported accounts and remarks ("a raconté une infirmière", "a lancé l'élu", "a confié").
    ...erVerb('raconter'),
    ...erVerb('lancer', ['lançant']),
    ...erVerb('confier'),
    ...erVerb('rapporter'),
    ...erVerb('commenter'),
    // Claims put forward: "a avancé que", "a évoqué que", "suggèrent que".
    ...erVerb('avancer', ['avançant']),
    ...erVerb('évoquer'),
    ...erVerb('suggérer', ['suggère', 'suggèrent']),
    ...erVerb('signaler'),
    ...erVerb('confirmer'),
    ...erVerb('plaider'),
    // Warnings: "a averti que", "préviennent les États-Unis".
    'averti', 'avertie', 'avertis', 'averties', 'avertit', 'avertissent', 'avertissant',
    'prévenu', 'prévenue', 'prévenus', 'prévenues', 'prévient', 'préviennent', 'prévenant',
    ...erVerb('alerter'),
    ...erVerb('menacer', ['menaçant']),
    // Praise and blame said aloud: "a salué … comme « … »", "a dénoncé", "a déploré", "s'est félicité".
    ...erVerb('saluer'),
    ...erVerb('dénoncer', ['dénonçant']),
    ...erVerb('déplorer'),
    ...erVerb('féliciter'),
    // Irregular verbs of saying and writing.
    'dit', 'dite', 'dites', 'disent', 'disant',
    'écrit', 'écrite', 'écrits', 'écrivent', 'écrivant',
    'répondu', 'répond', 'répondent', 'répondant', 'rétorqué', 'rétorque',
    // "a réagi le porte-parole": a reaction is a statement; so are replies and conclusions.
    'réagi', 'réagit', 'réagissent', 'réagissant',
    ...erVerb('répliquer'),
    'renchéri', 'renchérit', 'renchérissant',
    ...erVerb('trancher'),
    ...erVerb('résumer'),
    ...erVerb('détailler'),
    ...erVerb('glisser'),
    ...erVerb('lâcher'),
    ...erVerb('ironiser'),
    ...erVerb('fustiger'),
    ...erVerb('tweeter'),
    'promis', 'promise', 'promet', 'promettent', 'promettant',
    'prédit', 'prédisent',
    // Set phrases: "a fait savoir que", "fait valoir que" (argued), "a mis en garde".
    'fait savoir', 'faisant savoir', 'fait valoir', 'faisant valoir', 'mis en garde', 'mise en garde',
    // "jugeant que": the noun "juge" is too common to list the present.
    'jugé', 'jugée', 'jugeant',
  ],
  SAY_WITH_CLAUSE: [
    // Verbs of saying that are as often verbs of doing or thinking: only a que-clause makes them speech.
    'soutenu', 'soutient', 'soutiennent', 'soutenant',
    'reconnu', 'reconnue', 'reconnaît', 'reconnait', 'reconnaissent', 'reconnaissant',
    'admis', 'admet', 'admettent', 'admettant',
    ...erVerb('noter'),
    ...erVerb('observer'),
    ...erVerb('rappeler', ['rappelle', 'rappellent']),
    ...erVerb('considérer', ['considère', 'considèrent']),
    ...erVerb('concéder', ['concède', 'concèdent']),
    ...erVerb('avouer'),
    // "a conclu que" is speech, "ont conclu un traité" is not.
    'conclu', 'conclut', 'concluant',
  ],
  DENY: [
    // The denials the issue names, and their near synonyms in news French.
    'nié', 'niée', 'niés', 'niées', 'nie', 'nient', 'niant',
    'démenti', 'démentie', 'démentis', 'démenties', 'dément', 'démentent', 'démentant',
    'rejeté', 'rejetée', 'rejetés', 'rejetées', 'rejette', 'rejettent', 'rejetant',
    ...erVerb('réfuter'),
    'contredit', 'contredisent',
  ],
  QUALIFY: [
    // "a qualifié ces informations de fausses nouvelles", "taxant … de propagande". Not "traiter": "un traité".
    ...erVerb('qualifier'),
    ...erVerb('taxer'),
  ],
  ACCUSE: [...erVerb('accuser')],
  ACCORDING_TO: ['selon', 'd’après', "d'après"],
};

// English forms are spelled out one by one (base, -s, -ed, -ing), and only those that are cues: none is generated.
const ENGLISH: Record<CueFamily, readonly string[]> = {
  SAY: [
    'say', 'says', 'said', 'saying',
    'tell', 'tells', 'told', 'telling',
    // Not "states": the United States.
    'stated',
    'claim', 'claims', 'claimed', 'claiming',
    'add', 'adds', 'added', 'adding',
    'warn', 'warns', 'warned', 'warning',
    'insist', 'insists', 'insisted', 'insisting',
    'argue', 'argues', 'argued', 'arguing',
    'explain', 'explains', 'explained', 'explaining',
    'announce', 'announces', 'announced', 'announcing',
    'declare', 'declares', 'declared', 'declaring',
    'assert', 'asserts', 'asserted', 'asserting',
    'allege', 'alleges', 'alleged', 'alleging',
    'suggest', 'suggests', 'suggested', 'suggesting',
    'stress', 'stresses', 'stressed', 'stressing',
    'write', 'writes', 'wrote', 'written', 'writing',
    'tweet', 'tweets', 'tweeted',
    'promise', 'promises', 'promised', 'promising',
    'predict', 'predicts', 'predicted',
    'reveal', 'reveals', 'revealed',
    // Not "report(s)": the noun is far more common.
    'reported',
    'confirm', 'confirms', 'confirmed',
    'reply', 'replies', 'replied',
    'respond', 'responds', 'responded',
    'recall', 'recalls', 'recalled',
    'praise', 'praises', 'praised',
    'counter', 'counters', 'countered',
    'retort', 'retorts', 'retorted',
    'quip', 'quips', 'quipped',
  ],
  SAY_WITH_CLAUSE: [
    // "maintained that", "acknowledged that", "noted that": without a clause they are about something else.
    'maintain', 'maintains', 'maintained',
    'acknowledge', 'acknowledges', 'acknowledged',
    'admit', 'admits', 'admitted',
    'note', 'notes', 'noted',
    'concede', 'concedes', 'conceded',
    'conclude', 'concludes', 'concluded',
  ],
  DENY: [
    'deny', 'denies', 'denied', 'denying',
    // "dismissed the figures as …": a denial, with or without quote marks after "as".
    'dismiss', 'dismisses', 'dismissed', 'dismissing',
    'reject', 'rejects', 'rejected', 'rejecting',
    'refute', 'refutes', 'refuted',
    'rebut', 'rebuts', 'rebutted',
  ],
  QUALIFY: [
    // "called the report fake news", "branded the claims lies", "described it as propaganda".
    'call', 'calls', 'called', 'calling',
    'brand', 'brands', 'branded', 'branding',
    'describe', 'describes', 'described', 'describing',
    'label', 'labels', 'labelled', 'labeled',
  ],
  ACCUSE: ['accuse', 'accuses', 'accused', 'accusing'],
  ACCORDING_TO: ['according to'],
};

export const CUE_WORDS: Record<CueLanguage, Record<CueFamily, readonly string[]>> = { fr: FRENCH, en: ENGLISH };

/**
 * Words that make "qualifier … de X" / "called … X" a denial: the claim is rejected as false. Only the first
 * few words after "de" / "as" are looked at ("de pure propagande", "as fake news").
 */
export const DENIAL_WORDS: Record<CueLanguage, readonly string[]> = {
  fr: [
    'fausses nouvelles', 'fausse nouvelle', 'fake news', 'infox', 'intox', 'propagande', 'désinformation',
    'mensonge', 'mensonges', 'mensongère', 'mensongères', 'mensonger', 'mensongers',
    'rumeur', 'rumeurs', 'trompeur', 'trompeuse', 'trompeurs', 'trompeuses', 'sans fondement',
    'infondé', 'infondée', 'infondés', 'infondées', 'calomnie', 'calomnies', 'calomnieux', 'calomnieuses',
    'diffamatoire', 'diffamatoires', 'absurde', 'absurdes', 'fantaisiste', 'fantaisistes', 'faux', 'fausse',
    'fiction', 'pure fiction', 'invention', 'inventions', 'affabulation', 'affabulations', 'élucubrations',
    'complotiste', 'complotistes',
    'fausses', 'grotesque', 'grotesques', 'ridicule', 'ridicules',
  ],
  en: [
    'fake news', 'false', 'lies', 'lie', 'a lie', 'propaganda', 'baseless', 'unfounded', 'untrue', 'nonsense',
    'misinformation', 'disinformation', 'hoax', 'a hoax', 'misleading', 'fabricated', 'a fabrication', 'smear',
    'a smear', 'absurd', 'ridiculous', 'groundless', 'fiction', 'fantasy', 'conspiracy theory', 'conspiracy theories',
  ],
};

/** Subject pronouns: the speaker is someone named earlier ("a-t-elle déclaré", "she said", "Il a ajouté"). */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set([
  'il', 'elle', 'ils', 'elles', 'lui', 'eux', 'he', 'she', 'they', 'him', 'her', 'them',
]);

/**
 * Determiners that open a noun phrase: "le Kremlin", "la ministre", "l'OTAN", "the mayor". A capitalised
 * determiner at the start of a sentence is not part of a name ("La Corée du Nord" → name "Corée du Nord").
 */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'le', 'la', 'l', 'les', 'un', 'une', 'des', 'du', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette',
  'ces', 'notre', 'nos', 'votre', 'vos',
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'these', 'those', 'our', 'your',
]);

/** Indefinite determiners: "une infirmière", "a post shared 20,000 times" — a source the text does not name. */
// Not "des": "des responsables au sein du gouvernement", "des évaluations de l'OTAN" describe the source.
export const INDEFINITE_DETERMINERS: ReadonlySet<string> = new Set(['un', 'une', 'a', 'an', 'some']);

/** Lower-case particles inside names: "Paul de La Tour", "Claire Van der Berg", "Corée du Nord", "bin Salman". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'dos', 'bin', 'ben', 'al', 'el',
  'ibn', 'y',
]);

/**
 * Capitalised words that are not names: days and months (English capitalises them, "on Monday"), and words that
 * open a French sentence before its subject ("Interrogé, le cabinet…", "Citant les services…").
 */
export const CAPITALISED_NON_NAMES: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'interrogé', 'interrogée', 'interrogés', 'interrogées', 'citant', 'selon', 'asked', 'mais', 'et', 'or',
  'but', 'and', 'pourtant', 'cependant', 'ainsi', 'alors', 'enfin', 'puis', 'however', 'meanwhile',
]);

/**
 * English titles written capitalised before a name ("Councillor Greg O'Malley", "President Biden"): dropped
 * from the speaker, since French titles are lower-case and never part of the name anyway.
 */
export const ENGLISH_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'president', 'vice', 'prime', 'minister',
  'secretary', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'councillor', 'councilman',
  'councilwoman', 'councilor', 'chancellor', 'general', 'gen', 'colonel', 'col', 'judge', 'justice', 'chief',
  'inspector', 'detective', 'officer', 'pope', 'king', 'queen', 'prince', 'princess', 'sheikh', 'ambassador',
]);

/** The office in an English title, capitalised too ("Secretary of State Antony Blinken", "Health Minister X"). */
export const ENGLISH_OFFICES: ReadonlySet<string> = new Set([
  'state', 'defense', 'defence', 'health', 'justice', 'homeland', 'security', 'interior', 'foreign', 'affairs',
  'treasury', 'commerce', 'energy', 'education', 'labor', 'labour', 'transportation', 'transport', 'agriculture',
  'finance', 'economy', 'staff', 'house', 'senate', 'commons', 'home', 'office', 'attorney',
]);

/**
 * Role nouns: a speaker given by role ("a déclaré la ministre", "le ministre", "l'élu") is the person named
 * with that role earlier in the article, when there is one.
 */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'ministre', 'président', 'présidente', 'maire', 'élu', 'élue', 'député', 'députée', 'sénateur', 'sénatrice',
  'porte-parole', 'secrétaire', 'dirigeant', 'dirigeante', 'leader', 'chef', 'conseiller', 'conseillère',
  'directeur', 'directrice', 'adjoint', 'adjointe', 'ambassadeur', 'ambassadrice', 'chancelier', 'chancelière',
  'docteur', 'professeur', 'premier', 'première', 'homologue', 'diplomate', 'général', 'commissaire', 'juge',
  'procureur', 'procureure', 'préfet', 'préfète', 'patron', 'patronne', 'avocat', 'avocate',
  'minister', 'president', 'mayor', 'councillor', 'spokesperson', 'spokesman', 'spokeswoman', 'secretary',
  'leader', 'chief', 'director', 'governor', 'senator', 'ambassador', 'chancellor', 'counterpart', 'official',
]);

/**
 * Words that open an adverbial or a relative clause: a comma-separated chunk starting with one of them is never
 * the subject ("on Monday", "who has campaigned…", "lors d'une rencontre", "grand rival de Pyongyang" is caught
 * separately as a lower-case start without determiner).
 */
export const NON_SUBJECT_OPENERS: ReadonlySet<string> = new Set([
  'qui', 'que', 'qu', 'dont', 'où', 'lequel', 'laquelle', 'lesquels', 'lesquelles',
  'who', 'which', 'whom', 'whose', 'where', 'when', 'that',
  'à', 'au', 'aux', 'en', 'dans', 'lors', 'pendant', 'après', 'avant', 'depuis', 'devant', 'avec', 'sans', 'pour',
  'par', 'sur', 'sous', 'chez', 'vers', 'selon', 'malgré', 'comme',
  'on', 'in', 'at', 'during', 'after', 'before', 'since', 'with', 'without', 'for', 'by', 'from', 'to', 'as',
  'asked', 'speaking',
]);

/** Clause openers that end a reported clause inside its sentence ("…, tandis que le secrétaire…"). */
export const CLAUSE_BREAKS: Record<CueLanguage, readonly string[]> = {
  // Not "mais" / "but": "des drones, mais aussi des missiles" goes on with the same statement.
  fr: ['tandis que', 'alors que', 'pendant que', 'bien que', 'même si'],
  en: ['while', 'whereas', 'although', 'even as'],
};
