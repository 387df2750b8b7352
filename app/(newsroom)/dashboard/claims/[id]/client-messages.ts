/**
 * The catalogue parts that the claim editor's and the new-claim page's client
 * components read (pickMessages): no more reaches the browser.
 */
export const claimEditorClientMessages = [
  'claimEditor.claimForm',
  'claimEditor.newClaimant',
  'claimEditor.appearanceForm',
  'claimEditor.sourceText',
  'claimEditor.relationForm',
  'claimEditor.removeAppearance',
  'claimEditor.removeRelation',
  'claimEditor.withdrawRevision',
  'claimEditor.archive',
  'claimEditor.suggestions',
  'sourcesDashboard.suggestions',
  'claimEditor.matches',
  'labels.claimantKind',
  'labels.appearanceStanceOption',
  'labels.relationType',
  'labels.claimStatus',
];
