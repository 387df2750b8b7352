import type { DisputeKind, DisputeStatus } from '../../lib/generated/prisma/enums';

// Readers' disputes on the seeded verdicts, written as readers and
// moderators of a French newsroom would write them. Everything they say is
// in the seed articles or in the verdicts themselves. One led to the
// correction the seed already holds (the 10,000 soldiers verdict), one was
// rejected with its reason, two wait in the moderators' queue.

/** Who decided a step: the seed's moderator, or the publication of the correction (by the seed reviewer who approved it). */
export type SeedDecisionBy = 'moderator' | 'correction';

export type SeedDisputeStep = { to: DisputeStatus; at: string; by: SeedDecisionBy; note: string | null };

export type SeedDispute = {
  claim: string;
  /** The number of the verdict contested (the one published when the reader wrote). */
  verdictNumber: number;
  kind: DisputeKind;
  message: string;
  publishConsent: boolean;
  createdAt: string;
  /** After the reader's submission (OPEN), oldest first. */
  steps: SeedDisputeStep[];
};

/** The account the seed's moderation decisions are signed with: it cannot sign in (no password, inactive). */
export const seedModerator = { email: 'seed-moderator@attest.local', name: 'Attest newsroom (seed moderator)', role: 'MODERATOR' as const };

export const seedDisputes: SeedDispute[] = [
  {
    claim: 'blinken-10-000-soldats-nord-coreens-en-russie',
    verdictNumber: 1,
    kind: 'WRONG_RATING',
    message:
      'Le verdict du 2 novembre juge le chiffre invérifiable parce qu’il ne reposerait que sur le renseignement américain. Or, selon les articles du 4 décembre, l’OTAN, la Corée du Sud et l’Ukraine évaluent elles aussi à plus de 10 000 le nombre de soldats nord-coréens envoyés en Russie. La note « Invérifiable » ne me semble plus tenir.',
    publishConsent: true,
    createdAt: '2024-12-04T17:30:00Z',
    steps: [
      { to: 'TRIAGED', at: '2024-12-05T08:30:00Z', by: 'moderator', note: null },
      {
        to: 'ESCALATED',
        at: '2024-12-05T09:10:00Z',
        by: 'moderator',
        note: 'Les évaluations concordantes publiées le 4 décembre changent la base du verdict : la rédaction doit le réexaminer.',
      },
      { to: 'UPHELD', at: '2024-12-06T09:20:00Z', by: 'correction', note: null },
    ],
  },
  {
    claim: 'kremlin-soldats-nord-coreens-fausses-nouvelles',
    verdictNumber: 1,
    kind: 'WRONG_RATING',
    message:
      'Aucun des articles ne rapporte de vérification indépendante sur le terrain : ce ne sont que des évaluations de renseignement. La note « Plutôt faux » me paraît trop sévère pour le Kremlin ; « Invérifiable » serait plus juste.',
    publishConsent: true,
    createdAt: '2024-12-07T10:15:00Z',
    steps: [
      {
        to: 'REJECTED',
        at: '2024-12-09T14:00:00Z',
        by: 'moderator',
        note: 'Le verdict le dit lui-même : ce sont des évaluations de renseignement. Mais quatre évaluations menées séparément concordent, et Moscou n’a apporté aucun élément contraire : « Plutôt faux » reste justifié.',
      },
    ],
  },
  {
    claim: 'kiev-50-000-soldats-koursk',
    verdictNumber: 1,
    kind: 'MISSING_CONTEXT',
    message:
      'Le verdict ne précise pas que le chiffre de 50 000 désigne l’ensemble des forces rassemblées par la Russie autour de Koursk, et non les seuls soldats nord-coréens, que Kiev évalue à « plusieurs milliers ». Un lecteur pressé peut confondre les deux.',
    publishConsent: false,
    createdAt: '2024-12-10T08:05:00Z',
    steps: [],
  },
  {
    claim: 'coree-du-sud-millions-de-munitions',
    verdictNumber: 1,
    kind: 'OTHER',
    message:
      'Le verdict signale que Moscou et Pyongyang ont « fermement nié » ces expéditions, mais ce démenti n’apparaît que dans le corps du texte. Il mériterait de figurer dans le titre du verdict.',
    publishConsent: true,
    createdAt: '2024-12-11T16:40:00Z',
    steps: [],
  },
];
