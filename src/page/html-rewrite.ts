/** A script, iframe or img start tag in an HTML string (quoted values may contain ">"). */
const TAG = /<(script|iframe|img)\b((?:"[^"]*"|'[^']*'|[^>"'])*)>/gi;
/** One attribute of such a tag, so that values are never mistaken for attributes. */
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

/**
 * Rewrites the script, iframe and img tags of an HTML string that must be held into held markup,
 * before the browser parses it: their URLs move to data-*, scripts become text/plain. `hold` gives
 * the categories a URL waits for (null: it may load). Tags with their own data-category are the
 * page's markup and stay as they are. Scripts from innerHTML never run (`executable` false): they
 * stay inert, without a category that would release them. Null when nothing was held.
 */
export function rewriteHeldTags(html: string, hold: (url: string, srcset?: boolean) => string | null, executable: boolean): string | null {
  let held = false;
  const result = html.replace(TAG, (tag, name: string, attributes: string) => {
    const script = /^script$/i.test(name);
    let category: string | null = null;
    let markup = false;
    const renamed = attributes.replace(ATTRIBUTE, (whole, attribute: string, value = '') => {
      attribute = attribute.toLowerCase();
      markup ||= attribute === 'data-category';
      const url = /^src(set)?$/.test(attribute);
      if (url) category ??= hold(value.replace(/^["']|["']$/g, ''), attribute === 'srcset');
      return url || (script && attribute === 'type') ? 'data-' + whole : whole;
    });
    if (category === null || markup) return tag;
    held = true;
    return `<${name}${script ? ' type="text/plain"' : ''}${executable || !script ? ` data-category="${category}"` : ''}${renamed}>`;
  });
  return held ? result : null;
}
