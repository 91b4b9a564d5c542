/**
 * Host patterns from the config's `hosts`: "*.doubleclick.net" matches doubleclick.net itself and
 * every subdomain of it (stats.g.doubleclick.net); any other pattern ("connect.facebook.net")
 * matches only that exact host. Matching ignores case and port. Pure, no DOM.
 */
export type HostRules = Record<string, readonly string[]>;

/** Every category whose patterns match `host` (all of them must be granted before it may load). */
export function hostCategories(rules: HostRules, host: string): string[] {
  host = host.toLowerCase();
  return Object.keys(rules).filter((category) =>
    rules[category].some((pattern) => {
      pattern = pattern.toLowerCase();
      return pattern.startsWith('*.') ? host === pattern.slice(2) || host.endsWith(pattern.slice(1)) : host === pattern;
    }),
  );
}
