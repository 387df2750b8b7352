'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type ActionFailure, type ActionResult, failureFrom, formValues, unauthenticated, validationFailure } from '../actions/result';
import { getActor } from '../auth/actor';
import { assertCan } from '../permissions';
import { sha256OfText } from './hash';
import { DuplicateSourceError, createSource } from './mutations';
import { findSourceDuplicate, type SourceDuplicate } from './queries';
import { prepareSourceImport, sourceFormSchema, type ImportedField, type PreparedSource, type SourceInput } from './schema';

export type SourcePreviewData = {
  preview: Omit<PreparedSource, 'metadata'> & { sha256: string; language: string; duplicate: SourceDuplicate | null };
  /** The form's fields after the preview: what the editor typed, empty ones filled in from the article. */
  values: Record<string, string>;
  filledFields: ImportedField[];
};

/** A refusal because the archive already holds the article carries the existing source's id. */
export type SourceActionResult = ActionResult<SourcePreviewData> | (ActionFailure & { duplicateSourceId?: string });

function formFieldsOf(input: SourceInput, metadata: PreparedSource['metadata']): Record<string, string> {
  return {
    title: metadata.title ?? '',
    url: metadata.url ?? '',
    publisher: metadata.publisher ?? '',
    author: metadata.author ?? '',
    language: metadata.language,
    publishedOn: metadata.publishedOn ?? '',
    text: input.rawText,
  };
}

/**
 * The "new source" form. intent=preview shows what the importer makes of the
 * article; intent=save archives it (the importer runs again on the server:
 * nothing cleaned in the browser is trusted) and opens the new source.
 */
export async function createSourceAction(_previous: unknown, formData: FormData): Promise<SourceActionResult> {
  const parsed = await sourceFormSchema.safeParseAsync(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  const { intent, input, fromUpload } = parsed.data;
  // An uploaded file's text goes back into the Text field, so the next submission needs no re-upload.
  const values = { ...formValues(formData), ...(fromUpload ? { text: input.rawText } : {}) };

  if (intent === 'preview') {
    let data: SourcePreviewData;
    try {
      // Previewing is the first half of archiving: same permission.
      assertCan(actor, 'source.create');
      const { metadata, ...prepared } = prepareSourceImport(input, new Date());
      const sha256 = sha256OfText(prepared.text);
      const duplicate = await findSourceDuplicate(actor, { sha256, url: metadata.url });
      data = {
        preview: { ...prepared, sha256, language: metadata.language, duplicate },
        values: formFieldsOf(input, metadata),
        filledFields: prepared.filledFields,
      };
    } catch (error) {
      return { ...failureFrom(error), values };
    }
    return { ok: true, data, message: data.preview.duplicate ? undefined : 'Check the cleaned text below, then save the source.' };
  }

  let created: { id: string };
  try {
    created = await createSource(actor, input);
  } catch (error) {
    const failure: ActionFailure = { ...failureFrom(error), values };
    return error instanceof DuplicateSourceError ? { ...failure, duplicateSourceId: error.existingSourceId } : failure;
  }
  // A new source is quoted by nothing yet, so no public page changes.
  revalidatePath('/dashboard/sources');
  redirect(`/dashboard/sources/${encodeURIComponent(created.id)}?saved=1`);
}
