/**
 * A policy's text as lines (one paragraph, heading, list item or table row each) and sentences,
 * and what tells those kinds of line apart. Every stage of the drafter reads the text through these.
 */

/** A list item: a bullet, or a number or letter with a full stop or bracket ("1.", "(a)"). */
export const LIST_ITEM = /^(?:[•·*–-]|\(?[a-z0-9]{1,2}[.)])\s/i;

/** Non-empty, trimmed lines: one paragraph, heading or list item each. */
export const linesOf = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Sentences and lines: a break after a full stop, question or exclamation mark, or a new line. */
export const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+|\n/).filter(Boolean);

/** A row of a table pasted as text: cells between "|" or tabs. */
export const isTableRow = (line: string) => /\S\s*(?:\||\t)\s*\S/.test(line);

/** A short line that is not a sentence, list item or table row ("About cookies.", "Your rights"), nor a list's lead-in. */
export function isHeading(lines: string[], index: number): boolean {
  const line = lines[index];
  const words = line.split(/\s+/).length;
  if (words > 8 || LIST_ITEM.test(line) || isTableRow(line) || /[,;]$/.test(line) || (line.endsWith('.') && words > 3)) return false;
  return !(line.endsWith(':') && LIST_ITEM.test(lines[index + 1] ?? ''));
}

/** `text` as a regular expression that matches it literally. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
