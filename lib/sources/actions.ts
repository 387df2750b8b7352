'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { expirePublicTags } from '../actions/revalidate';
import { type ActionFailure, type ActionResult, formValues } from '../actions/result';
import { runAction } from '../actions/run-action';
import { translateFailure } from '../actions/translate-failure';
import { assertCan, type Actor } from '../permissions';
import { metadataFormValues } from './form-values';
import { sha256OfText } from './hash';
import { DuplicateSourceError, createSource, updateSourceMetadata, type UpdatedSource } from './mutations';
import { findSourceDuplicate, type SourceDuplicate } from './queries';
import {
  prepareSourceImport,
  sourceFormSchema,
  sourceMetadataSchema,
  type ImportedField,
  type PreparedSource,
  type SourceForm,
  type SourceInput,
} from './schema';

export type SourcePreviewData = {
  preview: Omit<PreparedSource, 'metadata'> & { sha256: string; language: string; duplicate: SourceDuplicate | null };
  /** The form's fields after the preview: what the editor typed, empty ones filled in from the article. */
  values: Record<string, string>;
  filledFields: ImportedField[];
};

/** A refusal because the archive already holds the article carries the existing source's id. */
export type SourceActionResult = ActionResult<SourcePreviewData> | (ActionFailure & { duplicateSourceId?: string });

function formFieldsOf(input: SourceInput, metadata: PreparedSource['metadata']): Record<string, string> {
  return { ...metadataFormValues(metadata), text: input.rawText };
}

/** What the importer makes of the article, and whether the archive already holds it. */
async function previewSource(actor: Actor, input: SourceInput): Promise<SourcePreviewData> {
  // Previewing is the first half of archiving: same permission.
  assertCan(actor, 'source.create');
  const { metadata, ...prepared } = prepareSourceImport(input, new Date());
  const sha256 = sha256OfText(prepared.text);
  const duplicate = await findSourceDuplicate(actor, { sha256, url: metadata.url });
  return {
    preview: { ...prepared, sha256, language: metadata.language, duplicate },
    values: formFieldsOf(input, metadata),
    filledFields: prepared.filledFields,
  };
}

/**
 * The "new source" form. intent=preview shows what the importer makes of the
 * article; intent=save archives it (the importer runs again on the server:
 * nothing cleaned in the browser is trusted) and opens the new source.
 */
export async function createSourceAction(_previous: unknown, formData: FormData): Promise<SourceActionResult> {
  const result = await runAction(
    sourceFormSchema,
    formData,
    async (actor, form: SourceForm) =>
      form.intent === 'preview'
        ? { intent: 'preview' as const, preview: await previewSource(actor, form.input) }
        : { intent: 'save' as const, saved: await createSource(actor, form.input) },
    {
      refusal: (failure, error, form) => ({
        ...failure,
        // An uploaded file's text goes back into the Text field, so the next submission needs no re-upload.
        values: { ...formValues(formData), ...(form.fromUpload ? { text: form.input.rawText } : {}) },
        ...(error instanceof DuplicateSourceError ? { duplicateSourceId: error.existingSourceId } : {}),
      }),
    },
  );
  // Translated like every failure (lib/actions/translate-failure.ts); the duplicate's id is kept.
  if (!result.ok) return { ...result, ...(await translateFailure(result)) };
  if (result.value.intent === 'preview') {
    const data = result.value.preview;
    const t = await getTranslations('sourcesDashboard.new');
    return { ok: true, data, message: data.preview.duplicate ? undefined : t('previewReady') };
  }
  // A new source is quoted by nothing yet, so no public page changes.
  revalidatePath('/dashboard/sources');
  redirect(`/dashboard/sources/${encodeURIComponent(result.value.saved.id)}?saved=1`);
}

/**
 * The metadata form on a saved source's page. Readers see the metadata on
 * the source's public page and on the claims quoting it: their cache entries
 * expire when the source is public.
 */
export async function updateSourceMetadataAction(_previous: unknown, formData: FormData): Promise<ActionResult<UpdatedSource>> {
  const result = await runAction(sourceMetadataSchema, formData, updateSourceMetadata);
  if (!result.ok) return translateFailure(result);
  const updated = result.value;
  await expirePublicTags(updated.publicTags);
  revalidatePath('/dashboard/sources');
  revalidatePath(`/dashboard/sources/${encodeURIComponent(updated.id)}`);
  const t = await getTranslations('sourcesDashboard.metadata');
  return { ok: true, data: updated, message: t(updated.changed ? 'saved' : 'unchanged') };
}
