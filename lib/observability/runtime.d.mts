/** The counts of a node-postgres pool that /api/metrics reports. */
export type DatabasePoolCounts = { totalCount: number; idleCount: number; waitingCount: number };

export function markShuttingDown(): void;
export function isShuttingDown(): boolean;
export function onShutdown(name: string, close: () => unknown): void;
export function runShutdownHooks(timeoutMs?: number): Promise<Array<{ name: string; message: string }>>;
export function registerDatabasePool(name: string, pool: DatabasePoolCounts): void;
export function databasePools(): Array<[string, DatabasePoolCounts]>;
