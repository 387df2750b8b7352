export const VARNISH_DIR: string;
export const ATTEST_VCL: string;
export const VARNISH_PACKAGES_HINT: string;
/** The varnishd binary in one of `dirs` (default: PATH, /usr/sbin, /usr/local/sbin), or throws naming the Debian packages to install. */
export function findVarnishd(dirs?: readonly string[]): string;
export type BackendsVclOptions = {
  backends: ReadonlyArray<{ host: string; port: number }>;
  /** Addresses or CIDR ranges allowed to PURGE. */
  purgers: readonly string[];
  probeUrl?: string;
  probeIntervalSeconds?: number;
};
/** The text of an attest-backends.vcl (contract: attest-backends.example.vcl). */
export function backendsVcl(options: BackendsVclOptions): string;
/** Throws with varnishd's message unless attest.vcl compiles with this include. */
export function compileAttestVcl(includeText: string): void;
export type RunningVarnish = { url: string; pid: number | undefined; stop(): Promise<void>; output(): string };
export function startVarnishd(options: { port: number; includeText: string; storage?: string }): Promise<RunningVarnish>;
