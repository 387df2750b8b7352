'use client';

import { useTranslations } from 'next-intl';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { updateSourceMetadataAction } from '@/lib/sources/actions';
import { type SourceMetadataField, SourceMetadataFields } from '../source-metadata-fields';

export type SavedSourceMetadata = Record<SourceMetadataField, string> & { id: string; version: number };

/**
 * The metadata of a saved source, for editors. Carries the version it was
 * opened with: if someone saved in between, the form says who and when, and
 * keeps what was typed. The archived text is not here: it never changes.
 */
export function SourceMetadataForm({ source }: { source: SavedSourceMetadata }) {
  const t = useTranslations('sourcesDashboard.metadata');
  const form = useActionForm(updateSourceMetadataAction);
  const saved = form.state?.ok ? form.state : null;
  return (
    <form key={`${source.version}-${form.formKey}`} ref={form.formRef} action={form.formAction} className="form" noValidate aria-labelledby="metadata-heading">
      <FormMessage state={saved ?? form.failure} />
      <input type="hidden" name="id" value={source.id} />
      {/* After a save the page re-renders with the new version; a refused form keeps the one it was opened with. */}
      <input type="hidden" name="version" value={form.valueOf('version', String(source.version))} />
      <SourceMetadataFields errorsOf={form.errorsOf} valueOf={(name) => form.valueOf(name, source[name])} languageRequired />
      <button type="submit" disabled={form.pending}>
        {form.pending ? t('saving') : t('save')}
      </button>
    </form>
  );
}
