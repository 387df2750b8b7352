import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeUploadedText, htmlToArticleText } from './html-to-text';
import {
  MAX_SOURCE_TEXT_LENGTH,
  MAX_UPLOAD_BYTES,
  emptyCleanedTextMessage,
  latestPublicationDate,
  prepareSourceImport,
  sourceFormSchema,
  uploadControlCharactersMessage,
} from './schema';
import { renderMessage } from '../i18n/render-message';

// The "new source" form's rules, without a database: what an editor may type
// or upload, and how the importer's findings fill the fields left empty.

const article = 'Le gouvernement a annoncé mardi de nouvelles mesures pour les agriculteurs de la région.';

async function parse(fields: Record<string, unknown>) {
  return sourceFormSchema.safeParseAsync({ intent: 'save', text: article, ...fields });
}

async function fieldError(fields: Record<string, unknown>, field: string): Promise<string | undefined> {
  const result = await parse(fields);
  assert.equal(result.success, false, `expected ${JSON.stringify(fields).slice(0, 80)} to be refused`);
  const message = result.error?.issues.find((issue) => issue.path[0] === field)?.message;
  // As the editor reads it (in English): the schema writes catalogue keys.
  return message === undefined ? undefined : renderMessage(message);
}

describe('the new source form', () => {
  test('accepts a pasted article with empty optional fields as nulls', async () => {
    const result = await parse({ title: '  ', url: '', publisher: '', author: '', language: '', publishedOn: '' });
    assert.ok(result.success);
    assert.deepEqual(result.data, {
      intent: 'save',
      fromUpload: false,
      input: { rawText: article, title: null, url: null, publisher: null, author: null, language: null, publishedOn: null },
    });
  });

  test('only takes http and https addresses', async () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'ftp://example.org/a', 'data:text/html,hi', 'example.org/article']) {
      assert.equal(await fieldError({ url }, 'url'), 'URL must start with http:// or https://.', url);
    }
    assert.equal(await fieldError({ url: 'https://exa mple.org/' }, 'url'), 'This URL is not a valid web address.');
    const result = await parse({ url: ' HTTPS://WWW.Example.org/monde/article.html#commentaires ' });
    assert.equal(result.data?.input.url, 'https://www.example.org/monde/article.html', 'the address is normalised, without its #fragment');
  });

  test('takes BCP 47 language tags and writes them the canonical way', async () => {
    assert.equal((await parse({ language: 'fr-ca' })).data?.input.language, 'fr-CA');
    assert.equal((await parse({ language: 'EN' })).data?.input.language, 'en');
    for (const language of ['français', 'f', 'fr_FR', 'fr-']) {
      assert.equal(await fieldError({ language }, 'language'), 'Language must be a BCP 47 language tag, such as fr, en or fr-CA.', language);
    }
  });

  test('refuses impossible and future publication dates', async () => {
    assert.equal(await fieldError({ publishedOn: '2024-02-30' }, 'publishedOn'), 'Published on must be a date such as 2024-11-04.');
    assert.equal(await fieldError({ publishedOn: '4/11/2024' }, 'publishedOn'), 'Published on must be a date such as 2024-11-04.');
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    assert.equal(await fieldError({ publishedOn: nextYear }, 'publishedOn'), 'Published on cannot be in the future.');
    assert.equal((await parse({ publishedOn: '2024-11-04' })).data?.input.publishedOn, '2024-11-04');
    assert.equal(latestPublicationDate(new Date('2024-11-04T12:00:00Z')), '2024-11-05', 'already tomorrow at UTC+14');
  });

  test('requires a text, at most 500,000 characters, that is not only page furniture', async () => {
    assert.equal(await fieldError({ text: '  \n ' }, 'text'), "Paste the article's text or upload a file.");
    assert.equal(renderMessage((await fieldError({ text: 'é'.repeat(MAX_SOURCE_TEXT_LENGTH + 1) }, 'text')) ?? ''), 'Must be 500,000 characters or fewer.');
    assert.equal(await fieldError({ text: 'Lire aussi :\n\nPartager\n' }, 'text'), renderMessage(emptyCleanedTextMessage));
  });

  test('an empty file input is no upload', async () => {
    const result = await parse({ file: new File([], '', { type: 'application/octet-stream' }) });
    assert.equal(result.data?.fromUpload, false);
    assert.equal(result.data?.input.rawText, article);
  });

  test('refuses files that are not .txt or .html, and files over 2 MB', async () => {
    const pdf = new File(['%PDF-1.7'], 'article.pdf', { type: 'application/pdf' });
    assert.match((await fieldError({ file: pdf }, 'file')) ?? '', /^Upload a \.txt or \.html file/);
    const huge = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(97)], 'article.txt', { type: 'text/plain' });
    assert.match((await fieldError({ file: huge }, 'file')) ?? '', /larger than 2 MB/);
  });

  test('an uploaded .txt file replaces the pasted text', async () => {
    const file = new File([`Titre de l’article\n\n${article}`], 'article.TXT', { type: 'text/plain' });
    const result = await parse({ text: 'ignored', file });
    assert.equal(result.data?.fromUpload, true);
    assert.equal(result.data?.input.rawText, `Titre de l’article\n\n${article}`);
  });

  test('an uploaded .html page becomes its text: no scripts, menus or link targets', async () => {
    const html = `<!doctype html><html><head><title>Page</title><style>p{color:red}</style></head><body>
      <nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
      <h1>Pyongyang annonce des essais</h1>
      <p>La Corée du Nord a annoncé <a href="https://example.org/kcna">mardi</a> une série d&rsquo;essais.</p>
      <p>« Nous poursuivrons », a déclaré un porte-parole.</p>
      <script>track()</script></body></html>`;
    const result = await parse({ text: '', file: new File([html], 'page.html', { type: 'text/html' }) });
    assert.ok(result.success, JSON.stringify(result.error?.issues));
    assert.equal(
      result.data.input.rawText,
      'Pyongyang annonce des essais\n\nLa Corée du Nord a annoncé mardi une série d’essais.\n\n« Nous poursuivrons », a déclaré un porte-parole.',
    );
  });

  test('decodes Windows-1252 files and pages that declare another charset', () => {
    const latin1 = Uint8Array.from([0x45, 0x6c, 0x79, 0x73, 0xe9, 0x65]); // "Elysée"
    assert.equal(decodeUploadedText(latin1, false), 'Elysée');
    assert.equal(decodeUploadedText(new TextEncoder().encode('Élysée'), false), 'Élysée');
    assert.equal(htmlToArticleText('<p>A</p><ul><li>un</li><li>deux</li></ul>'), 'A\n\n- un\n- deux');
  });

  test('a UTF-16 file saved by Notepad imports as its text, by its byte-order mark', async () => {
    const text = `Titre : l’Élysée répond\r\n\r\n${article}`;
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    for (const [label, bytes] of [['UTF-16LE', utf16le], ['UTF-16BE', utf16be], ['UTF-8 with BOM', utf8]] as const) {
      assert.equal(decodeUploadedText(bytes, false), text, label);
      const result = await parse({ text: '', file: new File([bytes], 'article.txt', { type: 'text/plain' }) });
      assert.ok(result.success, `${label}: ${JSON.stringify(result.error?.issues)}`);
      assert.equal(result.data.input.rawText, text, label);
    }
    const html = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<html><body><p>${article}</p></body></html>`, 'utf16le')]);
    const page = await parse({ text: '', file: new File([html], 'page.html', { type: 'text/html' }) });
    assert.equal(page.data?.input.rawText, article);
  });

  test('a file that is not text (NUL bytes and other control characters) is refused with a message', async () => {
    const binary = new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42])], 'article.txt', { type: 'text/plain' });
    assert.equal(await fieldError({ text: '', file: binary }, 'file'), renderMessage(uploadControlCharactersMessage));
  });
});

describe('prefilling the metadata from the article', () => {
  const pasted = ['Pyongyang annonce de nouveaux essais de missiles', '', 'Par Jeanne Martin', '', article].join('\n');
  const empty = { rawText: pasted, title: null, url: null, publisher: null, author: null, language: null, publishedOn: null };

  test('fills the empty fields and says which', () => {
    const prepared = prepareSourceImport(empty, new Date('2024-12-01T00:00:00Z'));
    assert.equal(prepared.metadata.title, 'Pyongyang annonce de nouveaux essais de missiles');
    assert.ok(prepared.metadata.author?.includes('Jeanne Martin'));
    assert.ok(prepared.filledFields.includes('title') && prepared.filledFields.includes('author'));
    assert.ok(prepared.removedLines.some((line) => line.includes('Jeanne Martin')), 'the byline line is reported as removed');
  });

  test('never overwrites what the editor typed', () => {
    const typed = { ...empty, title: 'Mon titre', author: 'Autre Auteur', language: 'fr-CA' };
    const prepared = prepareSourceImport(typed, new Date());
    assert.equal(prepared.metadata.title, 'Mon titre');
    assert.equal(prepared.metadata.author, 'Autre Auteur');
    assert.equal(prepared.metadata.language, 'fr-CA');
    assert.ok(!prepared.filledFields.includes('title') && !prepared.filledFields.includes('author') && !prepared.filledFields.includes('language'));
  });

  test('falls back to French when the language cannot be told', () => {
    const prepared = prepareSourceImport({ ...empty, rawText: 'KCNA 2024' }, new Date());
    assert.equal(prepared.metadata.language, 'fr');
  });
});
