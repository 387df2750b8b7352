/**
 * The catalogue parts that the claim editor's and the new-claim page's client
 * components read (pickMessages): no more reaches the browser.
 */
export const claimEditorClientMessages = ['claimEditor', 'labels.claimantKind', 'labels.appearanceStanceOption', 'labels.relationType'];
