import { componentLogger } from './logger.mjs';

// The app's structured logger (pino, JSON lines on stdout, level from
// LOG_LEVEL). Same process logger as scripts/serve.mjs: see logger.mjs.
export const log = componentLogger('app');
