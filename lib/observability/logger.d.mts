import type { Logger } from 'pino';

export const LOG_LEVELS: readonly string[];
export function logLevelFrom(value: string | undefined): string;
export function rootLogger(): Logger;
export function componentLogger(component: string): Logger;
