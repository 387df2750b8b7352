// The largest article file the source form takes. Its own module: the form
// checks a chosen file in the browser (a file past the server-action body
// limit would otherwise be refused before any field message could be shown),
// and the schema checks it again on the server.

import { message } from '../i18n/message';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** The browser says it too, before sending: sourcesDashboard.fields.file.tooLarge. */
export const UPLOAD_TOO_LARGE_MESSAGE = message('sourcesDashboard.fields.file.tooLarge');
