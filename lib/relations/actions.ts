'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { ActionResult } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { runAction } from '../actions/run-action';
import { addRelation, type ChangedRelation, removeRelation } from './mutations';
import { addRelationSchema, removeRelationSchema } from './schema';

async function refreshBothClaims(relation: ChangedRelation): Promise<void> {
  await expirePublicTags(relation.publicTags);
  for (const claimId of relation.claimIds) revalidatePath(`/dashboard/claims/${claimId}`);
}

export async function addRelationAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(addRelationSchema, formData, addRelation);
  if (!result.ok) return result;
  await refreshBothClaims(result.value);
  const t = await getTranslations('actionMessages.relations');
  return { ok: true, data: { id: result.value.id }, message: t('added') };
}

export async function removeRelationAction(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const result = await runAction(removeRelationSchema, formData, removeRelation);
  if (!result.ok) return result;
  await refreshBothClaims(result.value);
  const t = await getTranslations('actionMessages.relations');
  return { ok: true, data: undefined, message: t('removed') };
}
