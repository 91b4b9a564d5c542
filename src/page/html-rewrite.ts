import { heldName, heldPrefix, tagWaitsFor, type TagAttribute, type UrlHold } from '../core/held-form.js';

/** A script, iframe or img start tag in an HTML string (quoted values may contain ">"). */
const TAG = /<(script|iframe|img)\b((?:"[^"]*"|'[^']*'|[^>"'])*)>/gi;
/** One attribute of such a tag, so that values are never mistaken for attributes. */
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

/**
 * Rewrites the script, iframe and img tags of an HTML string that must be held into held markup
 * (see `heldPrefix`), before the browser parses it. `hold` gives the categories a URL waits for
 * (null: it may load). Tags with their own data-category are the page's markup and stay as they
 * are. Scripts from innerHTML never run (`executable` false): they stay inert, without a category
 * that would release them. Null when nothing was held.
 */
export function rewriteHeldTags(html: string, hold: UrlHold, executable: boolean): string | null {
  let held = false;
  const result = html.replace(TAG, (tag, name: string, attributes: string) => {
    const tagName = name.toLowerCase();
    const found: TagAttribute[] = [];
    // Only the names change: each value keeps its quoting and character references as written.
    const renamed = attributes.replace(ATTRIBUTE, (whole, attribute: string, value = '') => {
      found.push({ name: (attribute = attribute.toLowerCase()), value: value.replace(/^["']|["']$/g, '') });
      return heldName(tagName, attribute) + whole.slice(attribute.length);
    });
    const category = tagWaitsFor(tagName, found, hold);
    if (category === null) return tag;
    held = true;
    return `<${name}${heldPrefix(tagName, category, executable)}${renamed}>`;
  });
  return held ? result : null;
}
