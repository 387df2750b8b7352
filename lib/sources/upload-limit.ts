// The largest article file the source form takes. Its own module: the form
// checks a chosen file in the browser (a file past the server-action body
// limit would otherwise be refused before any field message could be shown),
// and the schema checks it again on the server.

import { message } from '../i18n/message';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** The catalogue key of the refusal: the form says it in the browser before sending, the schema on the server. */
export const UPLOAD_TOO_LARGE_KEY = 'sourcesDashboard.validation.fileTooLarge';

export const UPLOAD_TOO_LARGE_MESSAGE = message(UPLOAD_TOO_LARGE_KEY);
