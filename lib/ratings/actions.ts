'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionResult } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { runAction } from '../actions/run-action';
import { translateFailure } from '../actions/translate-failure';
import { cacheTags } from '../cache-tags';
import { createRating, deleteRating, moveRating, type SavedRating, updateRating } from './mutations';
import { createRatingSchema, deleteRatingSchema, moveRatingSchema, updateRatingSchema } from './schema';

const SCALE_PATH = '/dashboard/ratings';

export async function createRatingAction(_previous: unknown, formData: FormData): Promise<ActionResult<SavedRating>> {
  const result = await runAction(createRatingSchema, formData, createRating);
  if (!result.ok) return translateFailure(result);
  revalidatePath(SCALE_PATH);
  await expirePublicTags([cacheTags.ratingScale]);
  const t = await getTranslations('ratingsAdmin.done');
  return { ok: true, data: result.value, message: t('created', { key: result.value.key }) };
}

export async function updateRatingAction(_previous: unknown, formData: FormData): Promise<ActionResult<SavedRating>> {
  const result = await runAction(updateRatingSchema, formData, updateRating);
  if (!result.ok) return translateFailure(result);
  const { publicTags, ...saved } = result.value;
  await expirePublicTags(publicTags);
  revalidatePath(SCALE_PATH);
  await expirePublicTags([cacheTags.ratingScale]);
  const t = await getTranslations('ratingsAdmin.done');
  return { ok: true, data: saved, message: t('saved') };
}

export async function moveRatingAction(_previous: unknown, formData: FormData): Promise<ActionResult<SavedRating>> {
  const result = await runAction(moveRatingSchema, formData, moveRating);
  if (!result.ok) return translateFailure(result);
  revalidatePath(SCALE_PATH);
  await expirePublicTags([cacheTags.ratingScale]);
  const t = await getTranslations('ratingsAdmin.done');
  return { ok: true, data: result.value, message: t('moved') };
}

export async function deleteRatingAction(_previous: unknown, formData: FormData): Promise<ActionResult<SavedRating>> {
  const result = await runAction(deleteRatingSchema, formData, deleteRating);
  if (!result.ok) return translateFailure(result);
  revalidatePath(SCALE_PATH);
  await expirePublicTags([cacheTags.ratingScale]);
  // The rating's row, and the form with it, are gone: the scale's page says it was deleted.
  redirect(`${SCALE_PATH}?deleted=1`);
}
