/**
 * The config's cookies and hosts: the consent cookie first, then each cookie the policy names, with
 * the lifetime, domain and provider it gives (the built-in list of services fills what it leaves
 * out), then the cookies of services it names without naming their cookies.
 */
import type { CategoryId, OptionalCategory } from './category-cues.js';
import type { DraftCookie } from './draft-result.js';
import type { DraftReport } from './draft-report.js';
import { KNOWN_COOKIES, knownCookie } from './known-services.js';
import { escapeRegExp } from './policy-lines.js';
import type { SectionReading } from './section-reading.js';
import { CONSENT_COOKIE_NAME, CONSENT_DAYS } from '../core/defaults.js';

/** The cookies to declare, and the hosts to hold back per category. */
export interface DraftedCookies {
  cookies: DraftCookie[];
  hosts: Record<string, Set<string>>;
}

/**
 * The declarations for what the section names. `categories` holds the optional categories found so
 * far; a cookie or service of another category adds it.
 */
export function draftCookies(reading: SectionReading, providerName: string, categories: Set<OptionalCategory>, report: DraftReport): DraftedCookies {
  const hosts: Record<string, Set<string>> = {};
  const addHosts = (category: string, patterns: string[], source: string) => {
    if (category === 'necessary') return;
    const set = (hosts[category] ??= new Set());
    const added = patterns.filter((pattern) => !set.has(pattern));
    added.forEach((pattern) => set.add(pattern));
    if (added.length) report.decide(`hosts.${category}: ${added.join(', ')}`, source);
  };
  const named = namedCookies(reading, providerName, categories, report, addHosts);
  addServiceCookies(reading, named, categories, report, addHosts);
  const cookies: DraftCookie[] = [
    { name: CONSENT_COOKIE_NAME, category: 'necessary', lifetime: `P${CONSENT_DAYS}D`, provider: providerName, purpose: 'Remembers your cookie choices so we do not ask you again on every page.' },
  ];
  for (const cookie of named) {
    // A cookie name with a site-specific part ("_ga_<container-id>") is declared as a pattern;
    // a prefix the built-in list does not know, written "acme-visitor-*", as every name it starts.
    const known = KNOWN_COOKIES.find((entry) => entry.label === cookie.name && entry.pattern);
    const pattern = known?.pattern ?? (cookie.name?.endsWith('*') ? `^${escapeRegExp(cookie.name.slice(0, -1))}` : undefined);
    if (pattern && !cookies.some((other) => other.pattern === pattern)) {
      const { name: _label, ...rest } = cookie;
      cookies.push({ ...rest, pattern, purpose: `${cookie.purpose} (${known?.label ?? cookie.name})` } as DraftCookie);
    } else if (!pattern && !cookies.some((other) => other.name === cookie.name)) cookies.push(cookie);
  }
  return { cookies, hosts };
}

type AddHosts = (category: string, patterns: string[], source: string) => void;

/** Each cookie the policy names, its gaps filled from the built-in list of services or noted. */
function namedCookies(reading: SectionReading, providerName: string, categories: Set<OptionalCategory>, report: DraftReport, addHosts: AddHosts): DraftCookie[] {
  const named: DraftCookie[] = [];
  for (const cookie of reading.cookies) {
    const known = knownCookie(cookie.name);
    let category: CategoryId | undefined = cookie.category;
    if (!category && known) {
      category = known.service.category;
      report.decide(`${cookie.name}: category "${category}", as for ${known.service.name} in the built-in list of services`, known.service.source);
    }
    if (!category && /sess|csrf|xsrf|token|auth|login/i.test(cookie.name) && cookie.lifetime === 'session') category = 'necessary';
    if (!category) {
      category = categories.values().next().value ?? 'necessary';
      report.note(`Could not tell what ${cookie.name} is for ("${cookie.statement}"): put it under "${category}"; move it to its category.`);
    }
    if (category !== 'necessary' && reading.ruledOut.has(category) && !categories.has(category)) {
      report.note(`${cookie.name} is a ${category} cookie, though the policy rules ${category} cookies out ("${reading.ruledOut.get(category)}"): kept it and the category; check the policy.`);
    }
    if (category !== 'necessary') categories.add(category);
    let lifetime = cookie.lifetime;
    if (!lifetime && known) {
      lifetime = known.cookie.lifetime;
      report.decide(`${cookie.name}: lifetime ${lifetime}, the usual one for ${known.service.name} (the policy gives none)`, known.service.source);
    }
    if (!lifetime) {
      lifetime = 'P1Y';
      report.note(`The policy gives no lifetime for ${cookie.name} ("${cookie.statement}"): set to P1Y; put in the real one.`);
    }
    let domain = cookie.domain;
    if (!domain && known?.cookie.domain) {
      domain = known.cookie.domain;
      report.decide(`${cookie.name}: set on ${domain}, as ${known.service.name}'s documentation says`, known.service.source);
    }
    const provider = cookie.provider ?? (domain ? undefined : providerName);
    named.push({
      name: cookie.name,
      category,
      lifetime,
      ...(domain ? { domain } : {}),
      ...(provider ? { provider } : {}),
      purpose: cookie.purpose ?? known?.cookie.purpose ?? `Named in our privacy policy as a ${category} cookie.`,
    });
    report.decide(`cookie ${cookie.name}: ${category}, ${lifetime}${domain ? `, on ${domain}` : ''}${provider ? `, provider ${provider}` : ''}`, cookie.statement);
    if (domain && category !== 'necessary') addHosts(category, [`*.${domain.replace(/^\./, '')}`], cookie.statement);
  }
  return named;
}

/** Services the policy names: their hosts, and their cookies (added to `named`) when the policy names none of them. */
function addServiceCookies(reading: SectionReading, named: DraftCookie[], categories: Set<OptionalCategory>, report: DraftReport, addHosts: AddHosts): void {
  for (const [service, sentence] of reading.services) {
    const namedOfService = named.filter((cookie) => cookie.name && knownCookie(cookie.name)?.service === service);
    const category = (namedOfService[0]?.category ?? service.category) as CategoryId;
    if (category !== 'necessary' && reading.ruledOut.has(category) && !categories.has(category)) {
      report.note(`The policy names ${service.name} ("${sentence}") but rules ${category} cookies out: left ${service.name} out; check the policy.`);
      continue;
    }
    if (category !== 'necessary' && !categories.has(category)) {
      categories.add(category);
      report.decide(`category "${category}", for ${service.name}`, sentence);
    }
    if (!namedOfService.length && !service.cookies.length) {
      report.note(`The policy names ${service.name} ("${sentence}") but not its cookies, and the built-in list has none confirmed from the vendor's documentation: add the cookies it sets, with their lifetimes (${service.source}).`);
    } else if (!namedOfService.length) {
      for (const cookie of service.cookies) {
        named.push({
          ...(cookie.name ? { name: cookie.name } : { name: cookie.label }),
          category,
          lifetime: cookie.lifetime,
          ...(cookie.domain ? { domain: cookie.domain } : {}),
          provider: service.provider,
          purpose: cookie.purpose,
        });
      }
      const labels = service.cookies.map((cookie) => cookie.label).join(', ');
      report.decide(`cookies of ${service.name} (${labels}) from the built-in list of services, since the policy names the service but not its cookies: "${sentence}"`, service.source);
      report.note(`The policy names ${service.name} ("${sentence}") but none of its cookies: declared ${labels} from the built-in list of services (${service.source}); check that the site sets them, and name them in the policy.`);
    }
    addHosts(category, service.hosts, service.source);
  }
}
