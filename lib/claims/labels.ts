// Reader-facing wording for the model's enums, in one place so that pages,
// the dashboard and e2e tests use the same words.

export const appearanceStanceLabel = {
  ASSERTS: 'asserts it',
  REPORTS: 'reports it',
  DENIES: 'denies it',
} as const;

export const evidenceStanceLabel = {
  SUPPORTS: 'Supports the claim',
  REFUTES: 'Refutes the claim',
  CONTEXT: 'Context',
} as const;

export function relationLabel(type: string, direction: 'outgoing' | 'incoming'): string {
  switch (type) {
    case 'CONTRADICTS':
      return direction === 'outgoing' ? 'Contradicts' : 'Contradicted by';
    case 'SUPPORTS':
      return direction === 'outgoing' ? 'Supports' : 'Supported by';
    case 'SAME_AS':
      return 'Same claim as';
    default:
      return 'Related to';
  }
}
