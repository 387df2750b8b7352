import type { Registry } from 'prom-client';

export function metricsRegistry(): Registry;
export function recordHttpRequest(request: {
  method: string;
  route: string;
  statusCode: number;
  seconds: number;
  nextCache?: string | number | string[] | undefined;
}): void;
export function recordVarnishPurge(result: string): void;
