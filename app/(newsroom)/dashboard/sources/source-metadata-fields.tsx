'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';

export type SourceMetadataField = 'title' | 'url' | 'publisher' | 'author' | 'language' | 'publishedOn';

const fields: { name: SourceMetadataField; type: 'text' | 'url' | 'date' }[] = [
  { name: 'title', type: 'text' },
  { name: 'url', type: 'url' },
  { name: 'publisher', type: 'text' },
  { name: 'author', type: 'text' },
  { name: 'language', type: 'text' },
  { name: 'publishedOn', type: 'date' },
];

/**
 * The metadata fields of a source, the same in the new source form and in
 * the form that edits a saved source. `filled` marks the fields the importer
 * filled in from the article (the editor should check them).
 */
export function SourceMetadataFields({
  errorsOf,
  valueOf,
  filled = new Set(),
  languageRequired = false,
}: {
  errorsOf: (name: string) => string[] | undefined;
  valueOf: (name: SourceMetadataField) => string;
  filled?: ReadonlySet<string>;
  /** A saved source always has a language; a new one may leave it to the importer. */
  languageRequired?: boolean;
}) {
  const t = useTranslations('sourcesDashboard.fields');
  const hintOf = (name: SourceMetadataField): string | undefined => {
    if (name === 'url') return t('url.hint');
    if (name === 'language') return languageRequired ? t('language.hintSaved') : t('language.hintNew');
    if (name === 'publishedOn') return t('publishedOn.hint');
    return undefined;
  };
  return (
    <>
      {fields.map(({ name, type }) => {
        const filledId = filled.has(name) ? `${name}-filled` : null;
        return (
          <Field key={name} id={name} name={name} label={t(`${name}.label`)} hint={hintOf(name)} errors={errorsOf(name)} describedBy={filledId ? [filledId] : []}>
            {(control) => (
              <>
                <input {...control} type={type} defaultValue={valueOf(name)} required={languageRequired && name === 'language'} />
                {filledId && (
                  <p id={filledId} className="hint">
                    {t('filledFromArticle')}
                  </p>
                )}
              </>
            )}
          </Field>
        );
      })}
    </>
  );
}
