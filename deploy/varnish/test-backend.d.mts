import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export const PROBE_PATH: string;
export type BackendAnswer = { status?: number; headers?: Record<string, string>; body?: string };
export function publicPage(request: IncomingMessage, options?: { tags?: readonly string[]; sMaxAge?: number; extraHeaders?: Record<string, string> }): BackendAnswer;
export type TestBackend = {
  port: number;
  respond: (request: IncomingMessage) => BackendAnswer;
  probeStatus: number;
  requests: Array<{ method: string | undefined; url: string | undefined; headers: IncomingHttpHeaders }>;
  hits(url: string): number;
  close(): Promise<void>;
};
export function startTestBackend(port: number, respond?: (request: IncomingMessage) => BackendAnswer): Promise<TestBackend>;
export type TestResponse = { status: number | undefined; headers: IncomingHttpHeaders; body: string };
export function request(
  baseUrl: string,
  options?: { method?: string; path?: string; headers?: Record<string, string>; localAddress?: string; body?: string },
): Promise<TestResponse>;
