/**
 * Host names and their registrable domain ("eTLD+1"), for cookie domains. A compact stand-in for
 * the Public Suffix List: under a two-letter country code, these second-level labels form a
 * public suffix (co.uk, org.uk, com.au, co.nz, co.jp, com.br…). Pure, no DOM.
 */
const SECOND_LEVEL = new Set('ac co com edu gen go gob gov govt ltd me mil ne net nhs nom or org plc police sch'.split(' '));

const isAddress = (host: string) => /^[\d.]+$|:/.test(host);

const labelsOf = (host: string) => host.toLowerCase().replace(/\.$/, '').split('.');

/**
 * The domain a site can set cookies on at most: "www.shop.example.co.uk" → "example.co.uk",
 * "a.example.com" → "example.com". IP addresses and single-label hosts ("localhost") are returned as they are.
 */
export function registrableDomain(host: string): string {
  const labels = labelsOf(host);
  if (isAddress(host) || labels.length < 3) return labels.join('.');
  const [second, top] = labels.slice(-2);
  return labels.slice(top.length === 2 && SECOND_LEVEL.has(second) ? -3 : -2).join('.');
}

/**
 * The host and each parent domain down to its registrable domain, most specific first:
 * "www.shop.example.co.uk" → ["www.shop.example.co.uk", "shop.example.co.uk", "example.co.uk"] (never "co.uk").
 */
export function parentDomains(host: string): string[] {
  const labels = labelsOf(host);
  const domains = [labels.join('.')];
  if (isAddress(host)) return domains;
  const stop = registrableDomain(host).split('.').length;
  for (let start = 1; labels.length - start >= stop; start++) domains.push(labels.slice(start).join('.'));
  return domains;
}
