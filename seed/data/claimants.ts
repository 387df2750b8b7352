import type { ClaimantKind } from '../../lib/generated/prisma/enums';

export type SeedClaimant = {
  slug: string;
  name: string;
  kind: ClaimantKind;
  aliases: string[];
  country: string | null;
  description: string;
  /** Where else the claimant is identified (ClaimReview's author.sameAs); only identifiers checked by hand. */
  sameAs?: string[];
};

/**
 * A claimant's Wikidata item, English Wikipedia page and official sites. A
 * function, not a literal, so that the list stays a plain string[] under
 * `as const` below (Prisma takes no readonly tuple).
 */
function identifiedAt(wikidataId: string, wikipediaTitle: string, ...officialSites: string[]): string[] {
  return [`https://www.wikidata.org/wiki/${wikidataId}`, `https://en.wikipedia.org/wiki/${wikipediaTitle}`, ...officialSites];
}

// Who makes the claims in the seed corpus. Spellings follow the articles;
// the other spellings they use are kept as aliases so that search finds them.
export const seedClaimants = [
  {
    slug: 'choe-son-hui',
    name: 'Choe Son-hui',
    kind: 'PERSON',
    aliases: ['Choe Son Hui', 'Choe Sun-hui'],
    country: 'KP',
    description: 'Ministre des Affaires étrangères de la Corée du Nord.',
  },
  {
    slug: 'sergei-lavrov',
    name: 'Sergueï Lavrov',
    kind: 'PERSON',
    aliases: ['Sergei Lavrov', 'Lavrov'],
    country: 'RU',
    description: 'Ministre russe des Affaires étrangères.',
  },
  {
    slug: 'kremlin',
    name: 'Kremlin',
    kind: 'GOVERNMENT',
    aliases: ['Présidence russe', 'Moscou'],
    country: 'RU',
    description: 'La présidence de la Fédération de Russie et ses porte-parole.',
  },
  {
    slug: 'antony-blinken',
    name: 'Antony Blinken',
    kind: 'PERSON',
    aliases: ['Blinken'],
    country: 'US',
    description: 'Secrétaire d’État des États-Unis (2021–2025).',
  },
  {
    slug: 'mark-rutte',
    name: 'Mark Rutte',
    kind: 'PERSON',
    aliases: ['Rutte'],
    country: 'NL',
    description: 'Secrétaire général de l’OTAN depuis octobre 2024.',
    sameAs: identifiedAt('Q57792', 'Mark_Rutte'),
  },
  {
    slug: 'otan',
    name: 'OTAN',
    kind: 'ORGANISATION',
    aliases: ['NATO', 'Organisation du traité de l’Atlantique nord'],
    country: null,
    description: 'Alliance militaire de 32 pays d’Europe et d’Amérique du Nord.',
    sameAs: identifiedAt('Q7184', 'NATO', 'https://www.nato.int/'),
  },
  {
    slug: 'renseignement-sud-coreen',
    name: 'Renseignement sud-coréen',
    kind: 'GOVERNMENT',
    aliases: ['NIS', 'Service national de renseignement'],
    country: 'KR',
    description: 'Services de renseignement de la Corée du Sud.',
  },
  {
    slug: 'gouvernement-sud-coreen',
    name: 'Gouvernement sud-coréen',
    kind: 'GOVERNMENT',
    aliases: ['Séoul', 'Corée du Sud'],
    country: 'KR',
    description: 'Le gouvernement de la République de Corée.',
  },
  {
    slug: 'shin-won-sik',
    name: 'Shin Won-sik',
    kind: 'PERSON',
    aliases: ['Shin Won Sik'],
    country: 'KR',
    description: 'Conseiller à la sécurité nationale de la Corée du Sud.',
  },
  {
    slug: 'volodymyr-zelensky',
    name: 'Volodymyr Zelensky',
    kind: 'PERSON',
    aliases: ['Zelensky', 'Zelenski'],
    country: 'UA',
    description: 'Président de l’Ukraine.',
    sameAs: identifiedAt('Q3874799', 'Volodymyr_Zelenskyy'),
  },
  {
    slug: 'gouvernement-ukrainien',
    name: 'Gouvernement ukrainien',
    kind: 'GOVERNMENT',
    aliases: ['Kiev', 'Kyiv'],
    country: 'UA',
    description: 'Les autorités de l’Ukraine.',
  },
  {
    slug: 'kim-jong-un',
    name: 'Kim Jong Un',
    kind: 'PERSON',
    aliases: ['Kim Jong-un', 'Kim Jon-un', 'Kim'],
    country: 'KP',
    description: 'Dirigeant de la Corée du Nord.',
    sameAs: identifiedAt('Q56226', 'Kim_Jong_Un'),
  },
  {
    slug: 'gouvernement-nord-coreen',
    name: 'Gouvernement nord-coréen',
    kind: 'GOVERNMENT',
    aliases: ['Pyongyang', 'Corée du Nord'],
    country: 'KP',
    description: 'Les autorités de la République populaire démocratique de Corée.',
  },
  {
    slug: 'kcna',
    name: 'KCNA',
    kind: 'MEDIA',
    aliases: ['Agence centrale de presse coréenne', 'Korean Central News Agency'],
    country: 'KP',
    description: 'Agence de presse officielle de la Corée du Nord.',
  },
] as const satisfies readonly SeedClaimant[];

export type SeedClaimantSlug = (typeof seedClaimants)[number]['slug'];
