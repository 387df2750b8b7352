import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { PEER_ADDRESS_HEADER, withPeerAddress } from './serve.mjs';

// The peer-address header as the app behind scripts/serve.mjs receives it,
// over a real socket. (e2e/sign-in.spec.ts checks the same through the built
// app: a forged header does not escape the per-address limit.)

let server;
let port;
let seen = [];

before(async () => {
  server = http.createServer(
    withPeerAddress((request, response) => {
      seen.push(request.headers[PEER_ADDRESS_HEADER]);
      response.end('ok');
    }),
  );
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
});

after(() => new Promise((resolve) => server.close(resolve)));

function get(headers) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/', headers }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    request.on('error', reject);
  });
}

test('the app sees the socket address, whatever the client sent under the header’s name', async () => {
  seen = [];
  await get({});
  await get({ [PEER_ADDRESS_HEADER]: '198.51.100.1', 'X-Forwarded-For': '198.51.100.2' });
  await get({ 'X-Attest-Peer-Address': ['198.51.100.3', '198.51.100.4'] });
  assert.deepEqual(seen, ['127.0.0.1', '127.0.0.1', '127.0.0.1']);
});
