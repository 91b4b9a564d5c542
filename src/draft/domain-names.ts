/** The domains a statement names as where a cookie is set ("IDE on doubleclick.net"). */

const DOMAIN = /(?<![@\w.-])\.?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|io|ms|co\.uk|org\.uk|uk))\b(?![\w@-])/gi;

/** Domains a statement names, without the policy's own web addresses or email domains. */
export function domainsIn(text: string): Array<{ domain: string; index: number }> {
  const withoutUrls = text.replace(/https?:\/\/\S+|www\.\S+|\S+@\S+/g, (whole) => ' '.repeat(whole.length));
  return [...withoutUrls.matchAll(DOMAIN)].map((match) => ({ domain: match[1].toLowerCase(), index: match.index }));
}
