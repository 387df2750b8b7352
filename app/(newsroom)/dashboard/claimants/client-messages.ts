/** The catalogue parts the claimant form reads in the browser (pickMessages): no more reaches it. */
export const claimantFormMessages = ['claimants.form', 'labels.claimantKind'];
