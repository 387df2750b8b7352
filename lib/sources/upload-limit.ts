// The largest article file the source form takes. Its own module: the form
// checks a chosen file in the browser (a file past the server-action body
// limit would otherwise be refused before any field message could be shown),
// and the schema checks it again on the server.

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

export const UPLOAD_TOO_LARGE_MESSAGE = 'The file is larger than 2 MB: upload a smaller file or paste the article.';
