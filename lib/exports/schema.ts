import { z } from 'zod';
import { message } from '../i18n/message';
import { csvSeparators } from './serialize';

/** GET /api/exports/claims.csv?separator=semicolon: French Excel splits columns on ";" when the file is opened with a double click. */
export const csvExportQuerySchema = z.object({
  separator: z
    .enum(Object.keys(csvSeparators) as [keyof typeof csvSeparators, ...(keyof typeof csvSeparators)[]], { error: message('seo.exports.separatorInvalid') })
    .default('comma'),
});
