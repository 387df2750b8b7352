import { z } from 'zod';
import { articleTextFromUpload, uploadKind, type UploadKind } from './html-to-text';
import { importArticle } from './import-article';
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from './upload-limit';
import { message } from '../i18n/message';
import { codePointLength, hasControlCharacters, idField, intField, multiLineText, optionalText, singleLineText } from '../validation/fields';
import { normaliseHttpUrl } from '../validation/http-url';

// The "new source" form. The same schema validates a pasted article and an
// uploaded file; the importer itself runs on the server (prepareSourceImport),
// never in the browser, because quotes will point into its output. And the
// form that edits a saved source's metadata (never its text). Messages are
// catalogue keys (namespace "sourcesDashboard"): lib/i18n/message.ts.

export const MAX_SOURCE_TEXT_LENGTH = 500_000;
export { MAX_UPLOAD_BYTES } from './upload-limit';
export const DEFAULT_SOURCE_LANGUAGE = 'fr';

export const HTTP_URL_MESSAGE = message('sourcesDashboard.validation.urlNotHttp');

/** The address as the WHATWG URL parser writes it (lower-case host, no #fragment), or null when it is not http(s). */
export const normaliseSourceUrl = normaliseHttpUrl;

const urlField = optionalText(singleLineText({ label: 'URL', max: 2000 })).transform((trimmed, ctx) => {
  if (trimmed === null) return null;
  if (!/^https?:\/\//i.test(trimmed)) {
    ctx.addIssue({ code: 'custom', message: HTTP_URL_MESSAGE });
    return z.NEVER;
  }
  const normalised = normaliseSourceUrl(trimmed);
  if (!normalised) {
    ctx.addIssue({ code: 'custom', message: message('sourcesDashboard.validation.urlInvalid') });
    return z.NEVER;
  }
  return normalised;
});

/** Canonical BCP 47 tag ("FR-ca" → "fr-CA"), or null when the value is not one. */
export function canonicalLanguageTag(value: string): string | null {
  if (value.length > 35 || !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(value)) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

const LANGUAGE_TAG_MESSAGE = message('sourcesDashboard.validation.languageTag');

function toLanguageTag(trimmed: string, ctx: z.RefinementCtx): string {
  const tag = canonicalLanguageTag(trimmed);
  if (!tag) {
    ctx.addIssue({ code: 'custom', message: LANGUAGE_TAG_MESSAGE });
    return z.NEVER;
  }
  return tag;
}

/** Left empty in the new source form: the importer's guess, or French. */
const languageField = optionalText(singleLineText({ label: 'Language', max: 35 })).transform((trimmed, ctx) =>
  trimmed === null ? null : toLanguageTag(trimmed, ctx),
);

/** A saved source always has a language. */
const requiredLanguageField = singleLineText({ label: 'Language', max: 35, required: message('sourcesDashboard.validation.languageRequired') }).transform(
  toLanguageTag,
);

/**
 * The last calendar date that is not in the future somewhere: UTC+14 is the
 * earliest time zone, so an article dated "today" in Nouméa or Montréal passes.
 */
export function latestPublicationDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const DATE_MESSAGE = message('sourcesDashboard.validation.publishedOnDate');

const publishedOnField = optionalText(singleLineText({ label: 'Published on', max: 10, tooLong: DATE_MESSAGE })).transform((trimmed, ctx) => {
  if (trimmed === null) return null;
  if (!isValidIsoDate(trimmed)) {
    ctx.addIssue({ code: 'custom', message: DATE_MESSAGE });
    return z.NEVER;
  }
  if (trimmed > latestPublicationDate()) {
    ctx.addIssue({ code: 'custom', message: message('sourcesDashboard.validation.publishedOnFuture') });
    return z.NEVER;
  }
  return trimmed;
});

export const emptyCleanedTextMessage = message('sourcesDashboard.validation.cleanedTextEmpty');

export const uploadControlCharactersMessage = message('sourcesDashboard.validation.fileControlCharacters');

type Upload = { file: Blob; kind: UploadKind };

const fileField = z.unknown().optional().transform((value, ctx): Upload | null => {
  if (value === undefined || value === null || value === '') return null;
  if (!(value instanceof Blob)) {
    ctx.addIssue({ code: 'custom', message: message('sourcesDashboard.validation.fileNotAFile') });
    return z.NEVER;
  }
  // A file input left empty still submits an empty file (named "", or "undefined"
  // once React has re-encoded the form): an empty file is no upload.
  if (value.size === 0) return null;
  const name = 'name' in value && typeof value.name === 'string' ? value.name : '';
  const kind = uploadKind({ name, type: value.type });
  if (!kind) {
    ctx.addIssue({ code: 'custom', message: message('sourcesDashboard.validation.fileType') });
    return z.NEVER;
  }
  if (value.size > MAX_UPLOAD_BYTES) {
    ctx.addIssue({ code: 'custom', message: UPLOAD_TOO_LARGE_MESSAGE });
    return z.NEVER;
  }
  return { file: value, kind };
});

/** The metadata an editor types about an article, each optional, in the new source form and the metadata form alike. */
const optionalMetadataFields = {
  title: optionalText(singleLineText({ label: 'Title', max: 500 })),
  url: urlField,
  publisher: optionalText(singleLineText({ label: 'Publisher', max: 200 })),
  author: optionalText(singleLineText({ label: 'Author', max: 200 })),
  publishedOn: publishedOnField,
};

/** What the form submits; `text` is the pasted article, `file` an optional upload that replaces it. */
export const sourceFormSchema = z
  .object({
    intent: z.enum(['preview', 'save']).default('preview'),
    ...optionalMetadataFields,
    language: languageField,
    // Kept as pasted: the importer cleans it, and the raw text is archived too.
    text: multiLineText({ label: 'Text', max: MAX_SOURCE_TEXT_LENGTH, keepWhitespace: true }).default(''),
    file: fileField,
  })
  .transform(async (form, ctx) => {
    const { file, text, intent, ...metadata } = form;
    let rawText = text;
    if (file) {
      rawText = await articleTextFromUpload(file.file, file.kind);
      if (hasControlCharacters(rawText)) {
        ctx.addIssue({ code: 'custom', path: ['file'], message: uploadControlCharactersMessage });
        return z.NEVER;
      }
      if (codePointLength(rawText) > MAX_SOURCE_TEXT_LENGTH) {
        ctx.addIssue({ code: 'custom', path: ['file'], message: message('sourcesDashboard.validation.fileTextTooLong', { max: MAX_SOURCE_TEXT_LENGTH }) });
        return z.NEVER;
      }
    }
    if (rawText.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: [file ? 'file' : 'text'],
        message: message(file ? 'sourcesDashboard.validation.fileEmpty' : 'sourcesDashboard.validation.textRequired'),
      });
      return z.NEVER;
    }
    if (importArticle(rawText).text.trim() === '') {
      ctx.addIssue({ code: 'custom', path: [file ? 'file' : 'text'], message: emptyCleanedTextMessage });
      return z.NEVER;
    }
    const input: SourceInput = { rawText, ...metadata };
    return { intent, fromUpload: file !== null, input };
  });

/** A source as submitted: the raw article and the metadata the editor typed (null when left empty). */
export type SourceInput = {
  rawText: string;
  title: string | null;
  url: string | null;
  publisher: string | null;
  author: string | null;
  /** Canonical BCP 47 tag; null means "what the importer detects, else French". */
  language: string | null;
  /** YYYY-MM-DD */
  publishedOn: string | null;
};

export type SourceForm = z.output<typeof sourceFormSchema>;

/** Metadata fields the importer can fill in. */
export type ImportedField = 'title' | 'publisher' | 'author' | 'language' | 'publishedOn';

export type PreparedSource = {
  rawText: string;
  /** The cleaned text quotes will point into. */
  text: string;
  removedLines: string[];
  metadata: Omit<SourceInput, 'rawText' | 'language'> & { language: string };
  /** Fields left empty by the editor that the importer filled in. */
  filledFields: ImportedField[];
};

/**
 * Runs the importer and fills the metadata the editor left empty with what the
 * article states — never overwriting what the editor typed. Pure: the preview
 * and the save run the same code on the server.
 */
export function prepareSourceImport(input: SourceInput, retrievedAt: Date): PreparedSource {
  const imported = importArticle(input.rawText, { retrievedAt });
  const importedDate = imported.publishedAt ? imported.publishedAt.toISOString().slice(0, 10) : null;
  const found: Record<ImportedField, string | null> = {
    title: imported.title,
    publisher: imported.publisher,
    author: imported.author,
    language: imported.language,
    // A date the importer misread as future is no help to anyone.
    publishedOn: importedDate && importedDate <= latestPublicationDate(retrievedAt) ? importedDate : null,
  };
  const filledFields: ImportedField[] = [];
  const pick = (field: ImportedField, typed: string | null): string | null => {
    if (typed !== null) return typed;
    const value = found[field];
    if (value !== null) filledFields.push(field);
    return value;
  };
  const metadata = {
    title: pick('title', input.title),
    url: input.url,
    publisher: pick('publisher', input.publisher),
    author: pick('author', input.author),
    language: pick('language', input.language) ?? DEFAULT_SOURCE_LANGUAGE,
    publishedOn: pick('publishedOn', input.publishedOn),
  };
  return { rawText: input.rawText, text: imported.text, removedLines: imported.removedLines, metadata, filledFields };
}

/**
 * The metadata of a saved source, edited on its dashboard page. The archived
 * text is not part of it: quotes point into it, and the database refuses to
 * change it. Carries the version the editor opened.
 */
export const sourceMetadataSchema = z.object({
  id: idField(message('sourcesDashboard.validation.sourceMissing')),
  version: intField({ min: 1, message: message('sourcesDashboard.validation.outOfDate') }),
  ...optionalMetadataFields,
  language: requiredLanguageField,
});
export type SourceMetadataInput = z.infer<typeof sourceMetadataSchema>;
