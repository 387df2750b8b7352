import type { AppearanceStance, ClaimStatus, ClaimRelationType, EvidenceStance } from '../../lib/generated/prisma/enums';
import type { SeedClaimantSlug } from './claimants';
import type { SeedRatingKey } from './ratings';

/** The five seed articles, by the first three characters of their file name. */
export type SeedArticleKey = '000' | '001' | '002' | '003' | '004';

/**
 * A passage of a seed article. `quote` is typed as an editor would type it;
 * the seed locates it in the archived text and stores the source's own
 * characters with offsets. `occurrence` (0-based) picks one when the passage
 * occurs more than once.
 */
export type SeedQuote = { article: SeedArticleKey; quote: string; occurrence?: number };

export type SeedAppearance = SeedQuote & { speaker: SeedClaimantSlug; stance: AppearanceStance };

export type SeedEvidence = {
  article: SeedArticleKey;
  quote?: string;
  occurrence?: number;
  stance: EvidenceStance;
  note: string;
};

export type SeedVerdict = {
  state: 'DRAFT' | 'SUBMITTED' | 'PUBLISHED';
  rating: SeedRatingKey;
  headline: string;
  explanation: string;
  asOf: string;
  submittedAt?: string;
  publishedAt?: string;
  /** Required on a verdict that supersedes a published one. */
  correctionNote?: string;
  evidence: SeedEvidence[];
};

export type SeedClaim = {
  slug: string;
  claimant: SeedClaimantSlug;
  text: string;
  summary: string;
  claimedAt: string | null;
  tags: string[];
  status: ClaimStatus;
  appearances: SeedAppearance[];
  /** Oldest first: each PUBLISHED verdict supersedes the previous one. */
  verdicts: SeedVerdict[];
};

export type SeedRelation = { from: string; to: string; type: ClaimRelationType; note: string };

const SOURCES_AS_OF =
  'Ce verdict s’appuie sur les cinq articles archivés par Attest, publiés entre le 1er novembre et le 4 décembre 2024.';

export const seedClaims: SeedClaim[] = [
  {
    slug: 'kremlin-soldats-nord-coreens-fausses-nouvelles',
    claimant: 'kremlin',
    text: 'Les informations sur la présence de soldats nord-coréens en Russie sont de fausses nouvelles.',
    summary: 'Le Kremlin qualifie de « fausses nouvelles » la présence nord-coréenne',
    claimedAt: null,
    tags: ['troupes nord-coréennes', 'Russie', 'démenti'],
    status: 'PUBLISHED',
    appearances: [
      { article: '001', quote: 'Le Kremlin a également qualifié ces informations de fausses nouvelles.', speaker: 'kremlin', stance: 'REPORTS' },
      { article: '003', quote: "Ni Pyongyang ni Moscou n'ont confirmé la présence de ces soldats.", speaker: 'kremlin', stance: 'REPORTS' },
      {
        article: '004',
        quote: 'Ni la Corée du Nord ni la Russie n’ont formellement confirmé les mouvements de troupes nord-coréennes',
        speaker: 'kremlin',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'mostly-false',
        headline:
          'L’OTAN, les États-Unis, la Corée du Sud et l’Ukraine affirment tous la présence de soldats nord-coréens en Russie ; Moscou n’a apporté aucun élément contraire.',
        explanation: `Le Kremlin a qualifié de « fausses nouvelles » les informations sur l’envoi de soldats nord-coréens en Russie.

**Ce que montrent les sources.** Entre le 1er novembre et le 4 décembre 2024, quatre gouvernements ou organisations avancent la même chose, chacun de son côté :

- le secrétaire d’État américain Antony Blinken parle de 10 000 soldats entrés en Russie, dont 8 000 dans la région de Koursk ;
- le secrétaire général de l’OTAN, Mark Rutte, affirme que des unités nord-coréennes y ont été déployées ;
- le renseignement sud-coréen évoque jusqu’à 12 000 soldats ;
- Kiev fait état de « plusieurs milliers » de soldats nord-coréens parmi les forces russes à Koursk.

**Ce qu’elles ne montrent pas.** Aucun de ces articles ne rapporte de vérification indépendante sur le terrain : ce sont des évaluations de renseignement, reprises par la presse. Ni Moscou ni Pyongyang n’ont *confirmé* la présence de ces soldats, et Pyongyang a jugé fin octobre qu’un tel déploiement serait « conforme » au droit international — ce qui n’est pas un démenti.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T15:00:00Z',
        publishedAt: '2024-12-06T09:00:00Z',
        evidence: [
          {
            article: '001',
            quote: 'Mark Rutte, a affirmé que des unités militaires nord-coréennes avaient déjà été déployées dans la région de Koursk',
            stance: 'REFUTES',
            note: 'Le secrétaire général de l’OTAN affirme que des unités nord-coréennes sont déployées à Koursk.',
          },
          {
            article: '000',
            quote: 'Antony Blinken a déclaré que 10 000 soldats nord-coréens seraient entrés en Russie',
            stance: 'REFUTES',
            note: 'Le renseignement américain, cité par Antony Blinken, chiffre la présence à 10 000 soldats.',
          },
          {
            article: '004',
            quote: 'Selon des évaluations de l’OTAN, des États-Unis, de l’Ukraine et de la Corée du Sud, la Corée du Nord a envoyé plus de 10 000 soldats en Russie',
            stance: 'REFUTES',
            note: 'Quatre évaluations concordantes.',
          },
          {
            article: '003',
            quote: 'La Corée du Nord a cependant affirmé fin octobre que tout déploiement serait "conforme" au droit international.',
            stance: 'CONTEXT',
            note: 'Pyongyang ne dément pas : il juge un éventuel déploiement légal.',
          },
        ],
      },
    ],
  },
  {
    slug: 'pyongyang-rumeurs-sans-fondement',
    claimant: 'gouvernement-nord-coreen',
    text: 'Les affirmations sud-coréennes sur l’envoi de soldats nord-coréens en Russie sont des rumeurs sans fondement.',
    summary: 'Pyongyang qualifie de « rumeurs sans fondement » l’envoi de ses soldats',
    claimedAt: null,
    tags: ['troupes nord-coréennes', 'Corée du Nord', 'démenti'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '001',
        quote:
          'Les affirmations sud-coréennes à l’origine de ces rumeurs ont été rapidement démenties par la Corée du Nord, qui les a qualifiées de rumeurs sans fondement.',
        speaker: 'gouvernement-nord-coreen',
        stance: 'REPORTS',
      },
      { article: '003', quote: "Ni Pyongyang ni Moscou n'ont confirmé la présence de ces soldats.", speaker: 'gouvernement-nord-coreen', stance: 'REPORTS' },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'mostly-false',
        headline:
          'Les affirmations sud-coréennes sont reprises par Washington, l’OTAN et Kiev ; Pyongyang lui-même présente un déploiement comme « conforme » au droit.',
        explanation: `Selon l’article d’Afrique Première Tv, la Corée du Nord a qualifié de « rumeurs sans fondement » les affirmations sud-coréennes sur l’envoi de ses soldats en Russie.

**Ce que montrent les sources.** Les affirmations ne viennent pas seulement de Séoul : les États-Unis (10 000 soldats, dont 8 000 à Koursk), l’OTAN et l’Ukraine avancent la même chose. Et fin octobre, Pyongyang a déclaré que « tout déploiement » serait « conforme » au droit international, une position difficile à concilier avec un démenti pur et simple.

**Ce qu’elles ne montrent pas.** Les chiffres restent ceux des services de renseignement ; aucun article du corpus ne cite de preuve publique (images, prisonniers, documents).

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T15:10:00Z',
        publishedAt: '2024-12-06T09:05:00Z',
        evidence: [
          {
            article: '003',
            quote: 'La Corée du Nord a cependant affirmé fin octobre que tout déploiement serait "conforme" au droit international.',
            stance: 'REFUTES',
            note: 'Pyongyang défend la légalité d’un déploiement au lieu de le démentir.',
          },
          {
            article: '002',
            quote: 'sur les 10 000 soldats nord-coréens qui, selon Washington, sont entrés en Russie',
            stance: 'REFUTES',
            note: 'Washington avance ses propres chiffres, indépendamment de Séoul.',
          },
          {
            article: '004',
            quote: 'Pyongyang ayant envoyé des milliers de soldats pour participer à l’effort de guerre de Moscou',
            stance: 'REFUTES',
            note: 'L’article présente l’envoi comme un fait établi fin novembre 2024.',
          },
        ],
      },
    ],
  },
  {
    slug: 'lavrov-accusations-trompeuses',
    claimant: 'sergei-lavrov',
    text: 'Les accusations de déploiement de soldats nord-coréens en Russie sont trompeuses.',
    summary: 'Lavrov juge « trompeuses » les accusations de déploiement nord-coréen',
    claimedAt: null,
    tags: ['troupes nord-coréennes', 'Russie', 'démenti'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '001',
        quote: 'Le ministre russe des Affaires étrangères Sergueï Lavrov a nié ces accusations, les qualifiant de trompeuses.',
        speaker: 'sergei-lavrov',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'mostly-false',
        headline: 'Les évaluations concordantes de l’OTAN, des États-Unis, de la Corée du Sud et de l’Ukraine contredisent ce démenti.',
        explanation: `Sergueï Lavrov a nié les accusations de déploiement de soldats nord-coréens, les jugeant « trompeuses ».

**Ce que montrent les sources.** Le même jour, selon le même article, Lavrov saluait « un niveau de camaraderie militaire sans précédent » entre Moscou et Pyongyang. Les évaluations de l’OTAN, des États-Unis, de la Corée du Sud et de l’Ukraine convergent sur la présence de plusieurs milliers de soldats nord-coréens en Russie.

**Ce qu’elles ne montrent pas.** Ces évaluations ne sont pas vérifiées de façon indépendante dans les articles du corpus.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T15:20:00Z',
        publishedAt: '2024-12-06T09:10:00Z',
        evidence: [
          {
            article: '004',
            quote: 'Selon des évaluations de l’OTAN, des États-Unis, de l’Ukraine et de la Corée du Sud, la Corée du Nord a envoyé plus de 10 000 soldats en Russie',
            stance: 'REFUTES',
            note: 'Quatre évaluations concordantes.',
          },
          {
            article: '001',
            quote: 'un niveau de camaraderie militaire sans précédent',
            stance: 'CONTEXT',
            note: 'Lavrov lui-même vante la coopération militaire avec Pyongyang.',
          },
        ],
      },
    ],
  },
  {
    slug: 'rutte-unites-nord-coreennes-koursk',
    claimant: 'mark-rutte',
    text: 'Des unités militaires nord-coréennes ont déjà été déployées dans la région de Koursk.',
    summary: 'Rutte : des unités nord-coréennes sont déjà déployées à Koursk',
    claimedAt: null,
    tags: ['troupes nord-coréennes', 'Koursk', 'OTAN'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '001',
        quote:
          'Le secrétaire général de l’OTAN, Mark Rutte, a affirmé que des unités militaires nord-coréennes avaient déjà été déployées dans la région de Koursk.',
        speaker: 'mark-rutte',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'mostly-true',
        headline: 'Washington, Séoul et Kiev rapportent eux aussi des soldats nord-coréens dans la région de Koursk ; la preuve publique reste mince.',
        explanation: `**Ce que montrent les sources.** L’affirmation de Mark Rutte concorde avec celles des États-Unis (jusqu’à 8 000 soldats « déployés dans la région de Koursk »), et de Kiev, qui décrit « plusieurs milliers de soldats nord-coréens » parmi les forces russes rassemblées pour reprendre les zones de Koursk occupées par l’armée ukrainienne.

**Ce qu’elles ne montrent pas.** Il s’agit d’évaluations de renseignement ; le corpus ne contient ni image ni témoignage direct. Moscou et Pyongyang n’ont pas confirmé.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T15:30:00Z',
        publishedAt: '2024-12-06T09:15:00Z',
        evidence: [
          {
            article: '002',
            quote: 'jusqu’à 8 000 “ont été déployés dans la région de Koursk”',
            stance: 'SUPPORTS',
            note: 'Le renseignement américain situe jusqu’à 8 000 soldats à Koursk.',
          },
          {
            article: '003',
            quote: 'dont plusieurs milliers de soldats nord-coréens, pour reprendre le contrôle des zones de la région de Koursk',
            stance: 'SUPPORTS',
            note: 'Kiev rapporte des soldats nord-coréens engagés à Koursk.',
          },
          {
            article: '003',
            quote: "Ni Pyongyang ni Moscou n'ont confirmé la présence de ces soldats.",
            stance: 'CONTEXT',
            note: 'Aucune confirmation des deux pays concernés.',
          },
        ],
      },
    ],
  },
  {
    slug: 'blinken-10-000-soldats-nord-coreens-en-russie',
    claimant: 'antony-blinken',
    text: '10 000 soldats nord-coréens sont entrés en Russie.',
    summary: 'Blinken : 10 000 soldats nord-coréens sont entrés en Russie',
    claimedAt: '2024-10-31',
    tags: ['troupes nord-coréennes', 'États-Unis'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '000',
        quote: 'le secrétaire d’Etat américain Antony Blinken a déclaré que 10 000 soldats nord-coréens seraient entrés en Russie',
        speaker: 'antony-blinken',
        stance: 'REPORTS',
      },
      {
        article: '002',
        quote:
          'Citant les services de renseignement américains, le chef de la diplomatie Antony Blinken a indiqué jeudi que sur les 10 000 soldats nord-coréens qui, selon Washington, sont entrés en Russie',
        speaker: 'antony-blinken',
        stance: 'REPORTS',
      },
      {
        article: '004',
        quote:
          'Selon des évaluations de l’OTAN, des États-Unis, de l’Ukraine et de la Corée du Sud, la Corée du Nord a envoyé plus de 10 000 soldats en Russie',
        speaker: 'otan',
        stance: 'ASSERTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'unproven',
        headline: 'Au 1er novembre 2024, le chiffre ne repose que sur le renseignement américain.',
        explanation: `Antony Blinken a avancé le 31 octobre 2024 que 10 000 soldats nord-coréens étaient entrés en Russie.

**Ce que montrent les sources.** À cette date, le chiffre est attribué aux seuls services de renseignement américains. Séoul évoque un envoi « envisagé » pouvant aller jusqu’à 12 000 soldats.

**Ce qu’elles ne montrent pas.** Aucune source indépendante ne confirme le chiffre de 10 000.`,
        asOf: '2024-11-01',
        submittedAt: '2024-11-01T16:00:00Z',
        publishedAt: '2024-11-02T08:00:00Z',
        evidence: [
          {
            article: '002',
            quote: 'Citant les services de renseignement américains',
            stance: 'CONTEXT',
            note: 'Source unique : le renseignement américain.',
          },
          {
            article: '001',
            quote: 'la Corée du Nord envisage d’envoyer jusqu’à 12 000 soldats en Russie',
            stance: 'CONTEXT',
            note: 'Séoul parle d’un envoi envisagé, pas effectué.',
          },
        ],
      },
      {
        state: 'PUBLISHED',
        rating: 'mostly-true',
        headline: 'Début décembre 2024, l’OTAN, la Corée du Sud et l’Ukraine avancent des chiffres concordants, entre 10 000 et 12 000 soldats.',
        explanation: `Antony Blinken a avancé le 31 octobre 2024 que 10 000 soldats nord-coréens étaient entrés en Russie.

**Ce que montrent les sources.** Début décembre 2024, les évaluations de l’OTAN, des États-Unis, de l’Ukraine et de la Corée du Sud concordent : « plus de 10 000 soldats », ou « entre 10.000 et 12.000 hommes » selon les Occidentaux.

**Ce qu’elles ne montrent pas.** Ces chiffres restent des évaluations de renseignement ; ni Moscou ni Pyongyang ne les ont confirmés.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T16:00:00Z',
        publishedAt: '2024-12-06T09:20:00Z',
        correctionNote:
          'Le verdict du 2 novembre reposait sur la seule source américaine. Les articles du 4 décembre rapportent des évaluations concordantes de l’OTAN, de la Corée du Sud et de l’Ukraine : la note passe de « Invérifiable » à « Plutôt vrai ».',
        evidence: [
          {
            article: '004',
            quote: 'la Corée du Nord a envoyé plus de 10 000 soldats en Russie, dont certains ont déjà commencé à participer aux combats sur le front.',
            stance: 'SUPPORTS',
            note: 'Évaluations concordantes de l’OTAN, des États-Unis, de l’Ukraine et de la Corée du Sud.',
          },
          {
            article: '003',
            quote: 'La Corée du Nord a envoyé en Russie entre 10.000 et 12.000 hommes pour aider Moscou dans sa guerre contre l\'Ukraine',
            occurrence: 1,
            stance: 'SUPPORTS',
            note: 'Fourchette avancée par les Occidentaux début décembre.',
          },
          {
            article: '004',
            quote: 'Ni la Corée du Nord ni la Russie n’ont formellement confirmé les mouvements de troupes nord-coréennes',
            stance: 'CONTEXT',
            note: 'Pas de confirmation des pays concernés.',
          },
        ],
      },
    ],
  },
  {
    slug: 'blinken-8-000-soldats-deployes-koursk',
    claimant: 'antony-blinken',
    text: 'Jusqu’à 8 000 soldats nord-coréens ont été déployés dans la région de Koursk.',
    summary: 'Blinken : jusqu’à 8 000 soldats nord-coréens déployés à Koursk',
    claimedAt: '2024-10-31',
    tags: ['troupes nord-coréennes', 'Koursk', 'États-Unis'],
    status: 'PUBLISHED',
    appearances: [
      { article: '000', quote: 'dont 8 000 « ont été déployés dans la région de Koursk »', speaker: 'antony-blinken', stance: 'REPORTS' },
      { article: '002', quote: 'jusqu’à 8 000 “ont été déployés dans la région de Koursk”', speaker: 'antony-blinken', stance: 'REPORTS' },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'unproven',
        headline: 'Le chiffre de 8 000 soldats à Koursk n’est avancé que par le renseignement américain.',
        explanation: `**Ce que montrent les sources.** La présence de soldats nord-coréens dans la région de Koursk est aussi affirmée par l’OTAN et par Kiev, mais sans chiffre.

**Ce qu’elles ne montrent pas.** Aucune autre source du corpus ne donne d’effectif pour Koursk : le chiffre de 8 000 reste celui de Washington.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T16:10:00Z',
        publishedAt: '2024-12-06T09:25:00Z',
        evidence: [
          {
            article: '001',
            quote: 'des unités militaires nord-coréennes avaient déjà été déployées dans la région de Koursk',
            stance: 'SUPPORTS',
            note: 'L’OTAN confirme la présence, sans chiffre.',
          },
          {
            article: '003',
            quote: 'dont plusieurs milliers de soldats nord-coréens',
            stance: 'CONTEXT',
            note: 'Kiev parle de « plusieurs milliers », sans chiffre précis.',
          },
        ],
      },
    ],
  },
  {
    slug: 'blinken-troupes-pas-encore-au-combat',
    claimant: 'antony-blinken',
    text: 'Nous n’avons pas encore vu ces troupes se déployer pour combattre les forces ukrainiennes, mais nous nous attendons à ce que cela se produise dans les prochains jours.',
    summary: 'Blinken : les troupes nord-coréennes ne combattent pas encore l’Ukraine',
    claimedAt: '2024-10-31',
    tags: ['troupes nord-coréennes', 'États-Unis'],
    status: 'IN_REVIEW',
    appearances: [
      {
        article: '002',
        quote: 'Nous n’avons pas encore vu ces troupes (nord-coréennes) se déployer pour combattre les forces ukrainiennes',
        speaker: 'antony-blinken',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'SUBMITTED',
        rating: 'mostly-true',
        headline: 'Exact au 31 octobre ; fin novembre, les évaluations occidentales décrivent des soldats déjà engagés au combat.',
        explanation: `**Ce que montrent les sources.** Le 31 octobre, Washington ne décrit pas encore d’engagement au combat. L’article du 4 décembre rapporte que certains soldats « ont déjà commencé à participer aux combats sur le front ».

**Ce qu’elles ne montrent pas.** La date exacte des premiers combats n’est pas documentée dans le corpus.`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-06T10:00:00Z',
        evidence: [
          {
            article: '004',
            quote: 'dont certains ont déjà commencé à participer aux combats sur le front',
            stance: 'CONTEXT',
            note: 'La prévision de Blinken s’est réalisée selon les évaluations ultérieures.',
          },
        ],
      },
    ],
  },
  {
    slug: 'renseignement-sud-coreen-12-000-soldats',
    claimant: 'renseignement-sud-coreen',
    text: 'La Corée du Nord envisage d’envoyer jusqu’à 12 000 soldats en Russie.',
    summary: 'Séoul : Pyongyang envisage d’envoyer jusqu’à 12 000 soldats en Russie',
    claimedAt: null,
    tags: ['troupes nord-coréennes', 'Corée du Sud'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '001',
        quote:
          'Les rapports des services de renseignement sud-coréens suggèrent que la Corée du Nord envisage d’envoyer jusqu’à 12 000 soldats en Russie.',
        speaker: 'renseignement-sud-coreen',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'mostly-true',
        headline: 'Début décembre, les Occidentaux estiment à 10 000 – 12 000 le nombre de soldats envoyés, dans la fourchette annoncée par Séoul.',
        explanation: `**Ce que montrent les sources.** L’estimation sud-coréenne d’un envoi pouvant atteindre 12 000 soldats est cohérente avec la fourchette de « 10.000 à 12.000 hommes » avancée début décembre par les Occidentaux.

**Ce qu’elles ne montrent pas.** Le corpus ne précise pas sur quoi reposent ces estimations.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T16:20:00Z',
        publishedAt: '2024-12-06T09:30:00Z',
        evidence: [
          {
            article: '003',
            quote: 'La Corée du Nord a envoyé en Russie entre 10.000 et 12.000 hommes',
            occurrence: 1,
            stance: 'SUPPORTS',
            note: 'Fourchette occidentale cohérente avec l’estimation sud-coréenne.',
          },
        ],
      },
    ],
  },
  {
    slug: 'coree-du-sud-millions-de-munitions',
    claimant: 'gouvernement-sud-coreen',
    text: 'La Corée du Nord a livré des millions de munitions à la Russie.',
    summary: 'Séoul accuse Pyongyang d’avoir livré des millions de munitions à la Russie',
    claimedAt: '2024-10-31',
    tags: ['armement', 'Corée du Sud'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '000',
        quote: 'la Corée du Sud, grand rival de Pyongyang, a accusé son voisin d’avoir livré des millions de munitions à la Russie',
        speaker: 'gouvernement-sud-coreen',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'mostly-true',
        headline: 'Les livraisons d’obus et de missiles sont rapportées par plusieurs pays ; le volume de « millions » n’est avancé que par Séoul.',
        explanation: `**Ce que montrent les sources.** L’Occident accuse Pyongyang de fournir « des quantités d’obus et de missiles » à l’armée russe, et les évaluations de l’OTAN, des États-Unis, de l’Ukraine et de la Corée du Sud décrivent des systèmes d’artillerie, des missiles et d’autres armes conventionnelles expédiés en Russie.

**Ce qu’elles ne montrent pas.** Le volume (« des millions ») n’est repris par aucune autre source du corpus. Moscou et Pyongyang ont « fermement nié » ces expéditions.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T16:30:00Z',
        publishedAt: '2024-12-06T09:35:00Z',
        evidence: [
          {
            article: '002',
            quote: 'Pyongyang est accusé par l’Occident de fournir des quantités d’obus et de missiles à l’armée russe',
            stance: 'SUPPORTS',
            note: 'Accusation partagée par les Occidentaux.',
          },
          {
            article: '004',
            quote: 'la Corée du Nord a expédié des systèmes d’artillerie, des missiles et d’autres armes conventionnelles',
            stance: 'SUPPORTS',
            note: 'Évaluations de quatre pays ou organisations.',
          },
          {
            article: '004',
            quote: 'ont fermement nié les rapports d’expéditions d’armes',
            stance: 'CONTEXT',
            note: 'Démenti de Moscou et Pyongyang.',
          },
        ],
      },
    ],
  },
  {
    slug: 'kiev-50-000-soldats-koursk',
    claimant: 'gouvernement-ukrainien',
    text: 'La Russie a rassemblé quelque 50 000 soldats, dont plusieurs milliers de soldats nord-coréens, pour reprendre le contrôle des zones de la région de Koursk occupées par l’armée ukrainienne.',
    summary: 'Kiev : 50 000 soldats, dont des Nord-Coréens, massés pour reprendre Koursk',
    claimedAt: null,
    tags: ['troupes nord-coréennes', 'Koursk', 'Ukraine'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '003',
        quote: 'Kiev a également averti que la Russie avait rassemblé quelque 50.000 soldats, dont plusieurs milliers de soldats nord-coréens',
        speaker: 'gouvernement-ukrainien',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'unproven',
        headline: 'Le chiffre de 50 000 soldats n’est avancé que par Kiev ; la présence nord-coréenne à Koursk est en revanche corroborée.',
        explanation: `**Ce que montrent les sources.** La présence de soldats nord-coréens dans la région de Koursk est aussi affirmée par l’OTAN et les États-Unis.

**Ce qu’elles ne montrent pas.** Aucune autre source ne chiffre l’ensemble des forces russes rassemblées autour de Koursk.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T16:40:00Z',
        publishedAt: '2024-12-06T09:40:00Z',
        evidence: [
          {
            article: '001',
            quote: 'des unités militaires nord-coréennes avaient déjà été déployées dans la région de Koursk',
            stance: 'SUPPORTS',
            note: 'Corrobore la présence nord-coréenne, pas le total de 50 000.',
          },
        ],
      },
    ],
  },
  {
    slug: 'rutte-russie-soutient-programme-nucleaire-nord-coreen',
    claimant: 'mark-rutte',
    text: 'En échange de l’envoi de soldats sur le front ukrainien, la Russie apporte son soutien au programme nucléaire et de missiles de la Corée du Nord.',
    summary: 'Rutte : Moscou soutient le programme nucléaire et balistique de Pyongyang',
    claimedAt: '2024-12-04',
    tags: ['nucléaire', 'OTAN', 'coopération militaire'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '003',
        quote: 'la Russie apportait son "soutien" au programme nucléaire et de missiles de la Corée du Nord',
        speaker: 'mark-rutte',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'mixed',
        headline: 'Une aide militaire et technologique russe est rapportée par Séoul ; un soutien au programme nucléaire n’est pas documenté.',
        explanation: `**Ce que montrent les sources.** Des responsables sud-coréens affirment que Moscou fournit du carburant, des missiles antiaériens et une aide économique à Pyongyang ; le conseiller sud-coréen à la sécurité nationale évoque aussi des technologies militaires, dont un système de surveillance spatiale.

**Ce qu’elles ne montrent pas.** Aucune source du corpus ne documente une aide au programme *nucléaire* : les craintes à ce sujet sont formulées au conditionnel (« pourrait fournir »).

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T16:50:00Z',
        publishedAt: '2024-12-06T09:45:00Z',
        evidence: [
          {
            article: '003',
            quote: 'Moscou fournissait du carburant, des missiles antiaériens et une aide économique à Pyongyang en échange de troupes',
            stance: 'SUPPORTS',
            note: 'Contrepartie rapportée par des responsables sud-coréens.',
          },
          {
            article: '004',
            quote: 'la Russie pourrait fournir à la Corée du Nord une technologie d’armement avancée en retour',
            stance: 'CONTEXT',
            note: 'Sur le nucléaire, les sources parlent d’une crainte, pas d’un fait.',
          },
        ],
      },
    ],
  },
  {
    slug: 'shin-won-sik-russie-defense-aerienne',
    claimant: 'shin-won-sik',
    text: 'La Russie a fourni des systèmes de missiles de défense aérienne à la Corée du Nord.',
    summary: 'Shin Won-sik : Moscou a livré des systèmes de défense aérienne à Pyongyang',
    claimedAt: null,
    tags: ['coopération militaire', 'Corée du Sud'],
    status: 'IN_REVIEW',
    appearances: [
      {
        article: '004',
        quote: 'la Russie avait fourni des systèmes de missiles de défense aérienne à la Corée du Nord',
        speaker: 'shin-won-sik',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'SUBMITTED',
        rating: 'unproven',
        headline: 'Seules des sources sud-coréennes l’affirment dans le corpus.',
        explanation: `**Ce que montrent les sources.** Des responsables sud-coréens parlent aussi de « missiles antiaériens » fournis par Moscou.

**Ce qu’elles ne montrent pas.** Aucune source indépendante de Séoul ne le confirme dans le corpus.`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-06T11:00:00Z',
        evidence: [
          {
            article: '003',
            quote: 'des missiles antiaériens',
            stance: 'SUPPORTS',
            note: 'Même origine (gouvernement sud-coréen).',
          },
        ],
      },
    ],
  },
  {
    slug: 'kim-jong-un-atacms-intervention-directe',
    claimant: 'kim-jong-un',
    text: 'L’utilisation par l’Ukraine d’armes à longue portée est le résultat d’une intervention militaire directe des États-Unis.',
    summary: 'Kim Jong Un : les frappes ukrainiennes, une intervention directe des USA',
    claimedAt: null,
    tags: ['ATACMS', 'États-Unis', 'Corée du Nord'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '004',
        quote:
          'Kim Jong Un a déclaré que l’utilisation par l’Ukraine d’armes à longue portée est le résultat d’une intervention militaire directe des États-Unis',
        speaker: 'kim-jong-un',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'misleading',
        headline: 'Washington a autorisé l’Ukraine à tirer ses missiles ATACMS en Russie ; les sources ne décrivent pas d’intervention militaire américaine directe.',
        explanation: `**Ce que montrent les sources.** Le fait sur lequel s’appuie Kim Jong Un est exact : en novembre 2024, Joe Biden a autorisé l’Ukraine à utiliser en territoire russe des missiles ATACMS fournis par les États-Unis.

**Ce qu’elles ne montrent pas.** Aucune source ne décrit d’engagement de forces américaines : autoriser l’usage d’armes livrées n’est pas, en soi, une « intervention militaire directe ». La formule présente une décision politique comme une entrée en guerre.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T17:00:00Z',
        publishedAt: '2024-12-06T09:50:00Z',
        evidence: [
          {
            article: '004',
            quote:
              'le président américain sortant Joe Biden a autorisé l’Ukraine à utiliser des systèmes de missiles tactiques de l’armée fournis par les États-Unis (ATACMS) à l’intérieur du territoire russe',
            stance: 'CONTEXT',
            note: 'Le fait réel : une autorisation d’emploi, pas un engagement de troupes.',
          },
        ],
      },
    ],
  },
  {
    slug: 'lavrov-contacts-tres-etroits-entre-militaires',
    claimant: 'sergei-lavrov',
    text: 'Des contacts très étroits ont été établis entre les services militaires et de sécurité de la Russie et de la Corée du Nord.',
    summary: 'Lavrov : contacts « très étroits » entre militaires russes et nord-coréens',
    claimedAt: '2024-11-01',
    tags: ['coopération militaire', 'Russie'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '002',
        quote: 'Des contacts très étroits ont été établis entre les services militaires et de sécurité des deux pays.',
        speaker: 'sergei-lavrov',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'true',
        headline: 'Un traité d’assistance militaire mutuelle et la visite du ministre russe de la Défense à Pyongyang attestent ces liens.',
        explanation: `**Ce que montrent les sources.** La Russie et la Corée du Nord ont signé en juin 2024 un traité prévoyant une « aide militaire immédiate » en cas d’agression ; fin novembre, le ministre russe de la Défense, Andreï Belooussov, a été reçu à Pyongyang et les deux pays ont convenu de renforcer leur partenariat stratégique.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T17:10:00Z',
        publishedAt: '2024-12-06T09:55:00Z',
        evidence: [
          {
            article: '002',
            quote: 'Les deux pays ont conclu un « traité de partenariat stratégique global » qui prévoit notamment une « aide militaire immédiate »',
            stance: 'SUPPORTS',
            note: 'Le traité de juin 2024.',
          },
          {
            article: '004',
            quote: 'Kim et Belousov ont convenu de renforcer davantage le partenariat stratégique entre leurs pays.',
            stance: 'SUPPORTS',
            note: 'Visite du ministre russe de la Défense à Pyongyang.',
          },
        ],
      },
    ],
  },
  {
    slug: 'choe-son-hui-alliance-nucleaire-etats-unis-coree-du-sud',
    claimant: 'choe-son-hui',
    text: 'Les États-Unis et la Corée du Sud développent une alliance avec un composant nucléaire.',
    summary: 'Choe Son-hui : Washington et Séoul bâtissent une alliance nucléaire',
    claimedAt: '2024-10-31',
    tags: ['nucléaire', 'Corée du Nord'],
    status: 'PUBLISHED',
    appearances: [
      {
        article: '000',
        quote: 'Choe Son-hui a en outre accusé les Etats-Unis et la Corée du Sud de développer une « alliance avec un composant nucléaire »',
        speaker: 'choe-son-hui',
        stance: 'REPORTS',
      },
    ],
    verdicts: [
      {
        state: 'PUBLISHED',
        rating: 'unproven',
        headline: 'Aucune des sources archivées ne documente l’alliance américano-sud-coréenne sur ce point.',
        explanation: `**Ce que montrent les sources.** L’article rapporte l’accusation sans la vérifier.

**Ce qu’elles ne montrent pas.** Les cinq articles du corpus ne décrivent pas la coopération nucléaire entre Washington et Séoul : ils ne permettent ni de confirmer ni d’infirmer l’affirmation. Une vérification demanderait d’autres sources.

${SOURCES_AS_OF}`,
        asOf: '2024-12-05',
        submittedAt: '2024-12-05T17:20:00Z',
        publishedAt: '2024-12-06T10:00:00Z',
        evidence: [
          {
            article: '000',
            quote: 'la « situation pouvait devenir explosive à tout moment sur la péninsule coréenne »',
            stance: 'CONTEXT',
            note: 'L’accusation s’inscrit dans une mise en garde, sans élément factuel.',
          },
        ],
      },
    ],
  },
  {
    slug: 'choe-son-hui-renforcer-arsenal-nucleaire',
    claimant: 'choe-son-hui',
    text: 'La Corée du Nord va renforcer son arsenal nucléaire.',
    summary: 'Choe Son-hui : la Corée du Nord va renforcer son arsenal nucléaire',
    claimedAt: '2024-11-01',
    tags: ['nucléaire', 'Corée du Nord'],
    status: 'DRAFT',
    appearances: [
      { article: '000', quote: 'son pays allait renforcer son arsenal nucléaire', speaker: 'choe-son-hui', stance: 'REPORTS' },
      { article: '002', quote: 'Choe Son Hui a également déclaré que son pays allait « renforcer son arsenal nucléaire ».', speaker: 'choe-son-hui', stance: 'REPORTS' },
    ],
    verdicts: [],
  },
  {
    slug: 'zelensky-troupes-nord-coreennes-vont-croitre',
    claimant: 'volodymyr-zelensky',
    text: 'Si la réaction occidentale reste inexistante, le nombre de troupes nord-coréennes à nos frontières va croître.',
    summary: 'Zelensky : sans réaction de l’Occident, plus de troupes nord-coréennes',
    claimedAt: '2024-10-31',
    tags: ['troupes nord-coréennes', 'Ukraine'],
    status: 'DRAFT',
    appearances: [
      { article: '000', quote: 'alors le nombre de troupes nord-coréennes à nos frontières va croître', speaker: 'volodymyr-zelensky', stance: 'REPORTS' },
    ],
    verdicts: [
      {
        state: 'DRAFT',
        rating: 'unproven',
        headline: 'Une prévision : à vérifier quand des chiffres postérieurs seront disponibles.',
        explanation: 'Brouillon — prévision, à réévaluer avec des sources postérieures à décembre 2024.',
        asOf: '2024-12-05',
        evidence: [],
      },
    ],
  },
  {
    slug: 'pyongyang-deploiement-conforme-droit-international',
    claimant: 'gouvernement-nord-coreen',
    text: 'Tout déploiement de troupes nord-coréennes en Russie serait conforme au droit international.',
    summary: 'Pyongyang : un déploiement serait « conforme » au droit international',
    claimedAt: null,
    tags: ['troupes nord-coréennes', 'droit international'],
    status: 'DRAFT',
    appearances: [
      {
        article: '003',
        quote: 'La Corée du Nord a cependant affirmé fin octobre que tout déploiement serait "conforme" au droit international.',
        speaker: 'gouvernement-nord-coreen',
        stance: 'REPORTS',
      },
    ],
    verdicts: [],
  },
];

export const seedRelations: SeedRelation[] = [
  {
    from: 'kremlin-soldats-nord-coreens-fausses-nouvelles',
    to: 'rutte-unites-nord-coreennes-koursk',
    type: 'CONTRADICTS',
    note: 'Moscou dément ce que le secrétaire général de l’OTAN affirme.',
  },
  {
    from: 'kremlin-soldats-nord-coreens-fausses-nouvelles',
    to: 'blinken-10-000-soldats-nord-coreens-en-russie',
    type: 'CONTRADICTS',
    note: 'Moscou dément ce que Washington affirme.',
  },
  {
    from: 'pyongyang-rumeurs-sans-fondement',
    to: 'rutte-unites-nord-coreennes-koursk',
    type: 'CONTRADICTS',
    note: 'Pyongyang dément ce que l’OTAN affirme.',
  },
  {
    from: 'pyongyang-rumeurs-sans-fondement',
    to: 'blinken-10-000-soldats-nord-coreens-en-russie',
    type: 'CONTRADICTS',
    note: 'Pyongyang dément ce que Washington affirme.',
  },
  {
    from: 'pyongyang-rumeurs-sans-fondement',
    to: 'renseignement-sud-coreen-12-000-soldats',
    type: 'CONTRADICTS',
    note: 'Le démenti vise explicitement les affirmations sud-coréennes.',
  },
  {
    from: 'lavrov-accusations-trompeuses',
    to: 'rutte-unites-nord-coreennes-koursk',
    type: 'CONTRADICTS',
    note: 'Lavrov répond aux accusations de l’OTAN.',
  },
  {
    from: 'lavrov-accusations-trompeuses',
    to: 'kremlin-soldats-nord-coreens-fausses-nouvelles',
    type: 'SUPPORTS',
    note: 'Même position russe, exprimée par le ministre des Affaires étrangères.',
  },
  {
    from: 'blinken-8-000-soldats-deployes-koursk',
    to: 'rutte-unites-nord-coreennes-koursk',
    type: 'SUPPORTS',
    note: 'Le renseignement américain situe lui aussi ces soldats à Koursk.',
  },
  {
    from: 'renseignement-sud-coreen-12-000-soldats',
    to: 'blinken-10-000-soldats-nord-coreens-en-russie',
    type: 'SUPPORTS',
    note: 'Estimations sud-coréenne et américaine du même ordre.',
  },
  {
    from: 'shin-won-sik-russie-defense-aerienne',
    to: 'rutte-russie-soutient-programme-nucleaire-nord-coreen',
    type: 'RELATED',
    note: 'Deux affirmations sur les contreparties russes.',
  },
  {
    from: 'pyongyang-deploiement-conforme-droit-international',
    to: 'pyongyang-rumeurs-sans-fondement',
    type: 'RELATED',
    note: 'Deux positions nord-coréennes difficiles à concilier.',
  },
];
