import { z } from 'zod';

// The newsroom's public identity: where the site lives and who publishes it.
// Parsed apart from lib/env.ts so that pages, feeds and `next build` can read
// it without a database. Read once per process.

const creditModes = ['names', 'initials', 'team'] as const;
export type VerdictCreditMode = (typeof creditModes)[number];

const settingsSchema = z.object({
  /** The site's public address, for absolute links (canonical, feeds, sitemap, ClaimReview, emails). */
  ATTEST_PUBLIC_URL: z.url({ error: 'ATTEST_PUBLIC_URL must be an absolute http(s) URL, e.g. https://factcheck.example.org' }).optional(),
  /** The older name of ATTEST_PUBLIC_URL, still honoured. */
  PUBLIC_BASE_URL: z.url().optional(),
  ATTEST_PUBLISHER_NAME: z.string().trim().min(1).max(200).default('Attest'),
  /** The publisher's logo, an absolute URL or a path on this site. */
  ATTEST_PUBLISHER_LOGO: z.string().trim().min(1).max(2000).default('/icon.png'),
  /** How a claim page credits its verdict's author and approver. */
  ATTEST_VERDICT_CREDITS: z.enum(creditModes).default('names'),
  /** The name shown instead of people's names when ATTEST_VERDICT_CREDITS=team. */
  ATTEST_VERDICT_TEAM: z.string().trim().min(1).max(200).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type SiteSettings = {
  /** No trailing slash; configured, or this server's local address. */
  publicUrl: string;
  /** Whether publicUrl was configured (otherwise requests' Host may be used for absolute links). */
  publicUrlConfigured: boolean;
  publisherName: string;
  /** Absolute URL of the publisher's logo. */
  publisherLogo: string;
  verdictCredits: VerdictCreditMode;
  verdictTeam: string;
};

let parsed: SiteSettings | undefined;

export function siteSettings(environment: Record<string, string | undefined> = process.env): SiteSettings {
  if (parsed && environment === process.env) return parsed;
  const result = settingsSchema.safeParse(blankAsUnset(environment));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Attest's public settings are not usable:\n${problems}`);
  }
  const values = result.data;
  const configured = values.ATTEST_PUBLIC_URL ?? values.PUBLIC_BASE_URL;
  const publicUrl = (configured ?? `http://localhost:${values.PORT}`).replace(/\/+$/, '');
  const settings: SiteSettings = {
    publicUrl,
    publicUrlConfigured: configured !== undefined,
    publisherName: values.ATTEST_PUBLISHER_NAME,
    publisherLogo: new URL(values.ATTEST_PUBLISHER_LOGO, `${publicUrl}/`).toString(),
    verdictCredits: values.ATTEST_VERDICT_CREDITS,
    verdictTeam: values.ATTEST_VERDICT_TEAM ?? values.ATTEST_PUBLISHER_NAME,
  };
  if (environment === process.env) parsed = settings;
  return settings;
}

/** An absolute URL on the public site for a path such as /claims/x. */
export function absoluteUrl(path: string, settings: SiteSettings = siteSettings()): string {
  return `${settings.publicUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

function blankAsUnset(environment: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, value?.trim() === '' ? undefined : value]));
}
