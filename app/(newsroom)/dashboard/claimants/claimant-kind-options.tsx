'use client';

import { useTranslations } from 'next-intl';
import { claimantKindLabelKey } from '@/lib/claimants/labels';
import { claimantKinds } from '@/lib/claimants/schema';

/** The <option>s of a claimant's kind, in the interface's language (the claimant form and the claim editor's "New claimant"). */
export function ClaimantKindOptions() {
  const labels = useTranslations();
  return claimantKinds.map((kind) => (
    <option key={kind} value={kind}>
      {labels(claimantKindLabelKey(kind))}
    </option>
  ));
}
