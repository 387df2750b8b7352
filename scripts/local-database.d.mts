/** True when every server the URL can make a client connect to is on this machine. */
export function isLocalDatabaseUrl(url: string): boolean;
/** Throws, naming the server, unless the URL is local. */
export function assertLocalDatabaseUrl(url: string): void;
