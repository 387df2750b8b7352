export type ReplicaPair = {
  /** postgresql://postgres@127.0.0.1:PORT/postgres (trust authentication). */
  primaryUrl: string;
  replicaUrl: string;
  /** The folder holding both data directories. */
  dir: string;
  /** Stops both servers; removes the folder if startReplicaPair made it. */
  stop: () => Promise<void>;
  /** Stops the replica alone (to test a replica failure). */
  stopReplica: () => Promise<void>;
};
export function startReplicaPair(options?: { dir?: string; primaryPort?: number; replicaPort?: number }): Promise<ReplicaPair>;
/** Throws a message naming the Debian package when the PostgreSQL 15 server programs are missing. */
export function assertPostgresBinaries(bin?: string): void;
/** `count` distinct TCP ports free on 127.0.0.1 right now. */
export function freePorts(count: number): Promise<number[]>;
