/** What a draft gives back: a config in the shape `parseConfig` accepts, and a report of how it was decided. */

/** A cookie declaration as written in a config file. */
export interface DraftCookie {
  name?: string;
  pattern?: string;
  category: string;
  lifetime: string;
  domain?: string;
  provider?: string;
  purpose: string;
  example?: true;
}

/** The config a draft produces: plain JSON in the shape `parseConfig` accepts. */
export interface DraftConfig {
  $schema: string;
  revision: number;
  provider: {
    name: string;
    policyUrl: string;
    cookiePolicyUrl?: string;
    contact?: { email?: string; phone?: string; address?: string };
  };
  consent: { days: number };
  categories: string[];
  cookies: DraftCookie[];
  hosts?: Record<string, string[]>;
  texts: { 'en-GB': Record<string, string> };
}

/** One thing the draft decided, with the policy's words it decided it from. */
export interface DraftDecision {
  decision: string;
  /** The sentence, list item or table row it came from, or the documentation it relied on. */
  source?: string;
}

/** A draft, or why there can be none. */
export type DraftResult =
  | { ok: true; config: DraftConfig; decisions: DraftDecision[]; notes: string[] }
  | { ok: false; error: string };
