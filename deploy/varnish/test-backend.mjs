// A stand-in for an Attest instance behind Varnish, for the VCL and purge
// tests: answers whatever `respond` says (status, headers, body), records
// every request but the health probe's, and stops on demand.

import http from 'node:http';

export const PROBE_PATH = '/probe';

/** Default answer: a public page as the app sends one, tagged by its path. */
export function publicPage(request, { tags = [], sMaxAge = 60, extraHeaders = {} } = {}) {
  return {
    status: 200,
    headers: { 'Cache-Control': `public, max-age=0, s-maxage=${sMaxAge}`, 'Content-Type': 'text/html; charset=utf-8', ...(tags.length ? { xkey: tags.join(' ') } : {}), ...extraHeaders },
    body: `page ${request.url} #${Date.now()}-${Math.random()}`,
  };
}

export async function startTestBackend(port, respond = (request) => publicPage(request)) {
  const backend = {
    port,
    respond,
    /** What the health probe gets: 200 (healthy) unless a test says otherwise. */
    probeStatus: 200,
    /** Every request but the probe's: { method, url, headers }. */
    requests: [],
    /** How many requests reached the backend for this URL (as the backend saw it). */
    hits(url) {
      return backend.requests.filter((request) => request.url === url).length;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((request, response) => {
    if (request.url === PROBE_PATH) {
      response.writeHead(backend.probeStatus, { 'Cache-Control': 'no-store' }).end('probe');
      return;
    }
    request.resume();
    request.on('end', () => {
      backend.requests.push({ method: request.method, url: request.url, headers: request.headers });
      const answer = backend.respond(request);
      response.writeHead(answer.status ?? 200, answer.headers ?? {});
      response.end(request.method === 'HEAD' ? undefined : answer.body ?? '');
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return backend;
}

/**
 * One HTTP request with Node's http module (fetch can neither choose its
 * source address nor send an absolute-form request line).
 */
export function request(baseUrl, { method = 'GET', path = '/', headers = {}, localAddress, body } = {}) {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: url.hostname, port: url.port, method, path, headers, localAddress, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
