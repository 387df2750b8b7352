'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { relationTypeLabelKey } from '@/lib/relations/labels';
import { addRelationAction } from '@/lib/relations/actions';
import { relationTypes } from '@/lib/relations/schema';

/** Links this claim to another one, given by slug (suggestions), id or page address. */
export function RelationForm({ claimId, candidates }: { claimId: string; candidates: { slug: string; summary: string }[] }) {
  const t = useTranslations('claimEditor.relationForm');
  const labels = useTranslations();
  const { state, formAction, formRef, formKey, pending, errorsOf, valueOf } = useActionForm(addRelationAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="claimId" value={claimId} />
      <Field id="relation-target" name="target" label={t('target.label')} hint={t('target.hint')} errors={errorsOf('target')}>
        {(control) => <input {...control} type="text" autoComplete="off" list="relation-candidates" defaultValue={valueOf('target', '')} />}
      </Field>
      <datalist id="relation-candidates">
        {candidates.map((candidate) => (
          <option key={candidate.slug} value={candidate.slug}>
            {candidate.summary}
          </option>
        ))}
      </datalist>
      <Field id="relation-type" name="type" label={t('type.label')} errors={errorsOf('type')}>
        {(control) => (
          <select {...control} defaultValue={valueOf('type', 'RELATED')}>
            {relationTypes.map((type) => (
              <option key={type} value={type}>
                {labels(relationTypeLabelKey(type))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="relation-note" name="note" label={t('note.label')} errors={errorsOf('note')}>
        {(control) => <input {...control} type="text" lang="fr" defaultValue={valueOf('note', '')} />}
      </Field>
      <button type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
