// The default rating scale. `value` is ClaimReview's ratingValue on a 1–6
// scale (1 = false, 6 = true); "unproven" sits outside the truth scale, so it
// has no value and ClaimReview omits ratingValue for it.
export const seedRatings = [
  {
    key: 'true',
    labelFr: 'Vrai',
    labelEn: 'True',
    descriptionFr: 'L’affirmation est exacte et rien d’important ne manque.',
    descriptionEn: 'The statement is accurate and nothing significant is missing.',
    value: 6,
    colour: '#1a7f37',
  },
  {
    key: 'mostly-true',
    labelFr: 'Plutôt vrai',
    labelEn: 'Mostly true',
    descriptionFr: 'L’affirmation est exacte mais demande une précision ou un complément.',
    descriptionEn: 'The statement is accurate but needs clarification or additional information.',
    value: 5,
    colour: '#3d7a21',
  },
  {
    key: 'mixed',
    labelFr: 'Mitigé',
    labelEn: 'Mixed',
    descriptionFr: 'L’affirmation mêle des éléments exacts et inexacts.',
    descriptionEn: 'The statement mixes accurate and inaccurate elements.',
    value: 4,
    colour: '#8a6a00',
  },
  {
    key: 'misleading',
    labelFr: 'Trompeur',
    labelEn: 'Misleading',
    descriptionFr: 'Des faits exacts présentés de façon à donner une impression fausse.',
    descriptionEn: 'Accurate facts presented so as to give a false impression.',
    value: 3,
    colour: '#c4510e',
  },
  {
    key: 'mostly-false',
    labelFr: 'Plutôt faux',
    labelEn: 'Mostly false',
    descriptionFr: 'L’affirmation contient un élément exact mais ignore des faits qui changent tout.',
    descriptionEn: 'The statement contains an element of truth but ignores facts that change the picture.',
    value: 2,
    colour: '#cf222e',
  },
  {
    key: 'false',
    labelFr: 'Faux',
    labelEn: 'False',
    descriptionFr: 'L’affirmation est inexacte.',
    descriptionEn: 'The statement is not accurate.',
    value: 1,
    colour: '#a40e26',
  },
  {
    key: 'unproven',
    labelFr: 'Invérifiable',
    labelEn: 'Unproven',
    descriptionFr: 'Les éléments disponibles ne permettent ni de confirmer ni d’infirmer l’affirmation.',
    descriptionEn: 'The available evidence can neither confirm nor refute the statement.',
    value: null,
    colour: '#6e7781',
  },
] as const;

export type SeedRatingKey = (typeof seedRatings)[number]['key'];
