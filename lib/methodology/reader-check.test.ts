import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { anchorAt, codePointLength } from '../quotes/anchor';
import { sha256OfText } from '../sources/hash';
import { nodeQuoteCheck, shellQuoteCheck } from './reader-check';

// The commands /methodology tells readers to run, run here against a server
// answering like GET /api/sources/{id}, on a text with characters outside the
// Basic Multilingual Plane: where code points and UTF-16 units part ways.
// (e2e/methodology.spec.ts runs them as the page shows them, on the seed.)

const run = promisify(execFile);
const text = 'Avant 😀 le 🇰🇵 passage : « plus de 10 000 soldats » 🚀 et la suite.';
const exact = '« plus de 10 000 soldats »';
const utf16Start = text.indexOf(exact);
const start = codePointLength(text.slice(0, utf16Start));
const end = start + codePointLength(exact);

let server: http.Server;
let sourceUrl: string;
let workDir: string;

before(async () => {
  server = http.createServer((_request, response) => {
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify({ id: 'example', text, sha256: sha256OfText(text) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sourceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sources/example`;
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-quote-check-'));
});
after(() => {
  server.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('the quote check readers are shown', () => {
  test('the example text is one where UTF-16 offsets would be wrong', () => {
    assert.equal(anchorAt(text, start, end).exact, exact);
    assert.notEqual(start, utf16Start);
    assert.notEqual(text.slice(start, end), exact);
  });

  test('curl, jq and sha256sum: the same hash twice, then the quote', async () => {
    const { stdout } = await run('bash', ['-c', shellQuoteCheck({ sourceUrl, start, end })], { cwd: workDir });
    const [computed, published, quote] = stdout.split('\n');
    assert.equal(computed, `${sha256OfText(text)}  -`);
    assert.equal(published, sha256OfText(text));
    assert.equal(quote, exact);
  });

  test('Node.js alone: "SHA-256 OK", then the quote', async () => {
    const { stdout } = await run('bash', ['-c', nodeQuoteCheck({ sourceUrl, start, end })], { cwd: workDir });
    assert.deepEqual(stdout.split('\n'), ['SHA-256 OK', exact, '']);
  });

  test('a text that is not the one hashed fails the check', async () => {
    const tampered = http.createServer((_request, response) => response.end(JSON.stringify({ text: `${text} `, sha256: sha256OfText(text) })));
    await new Promise<void>((resolve) => tampered.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(tampered.address() as AddressInfo).port}/api/sources/example`;
      const { stdout } = await run('bash', ['-c', nodeQuoteCheck({ sourceUrl: url, start, end })], { cwd: workDir });
      assert.equal(stdout.split('\n')[0], 'SHA-256 MISMATCH');
    } finally {
      tampered.close();
    }
  });

  test('offsets are written as plain integers, and a URL cannot break out of its quotes', () => {
    assert.throws(() => shellQuoteCheck({ sourceUrl, start: -1, end }), RangeError);
    assert.throws(() => nodeQuoteCheck({ sourceUrl, start: 1.5, end }), RangeError);
    assert.match(shellQuoteCheck({ sourceUrl: "http://x/a'; rm -rf ~; '", start, end }), /^curl -s 'http:\/\/x\/a'\\''; rm -rf ~; '\\''' > source\.json$/m);
  });
});
