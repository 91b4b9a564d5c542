/**
 * The first stage of a draft: which lines of a policy are about cookies. The rest of the text
 * gives the provider's details; only these lines decide categories and cookies.
 */
import { isHeading, isTableRow, linesOf, LIST_ITEM } from './policy-lines.js';

/** A line about cookies, or a heading over them, in English or Welsh ("Cwcis"). */
const COOKIE_WORD = /\bcookies?\b|\bcwci(?:s|au)?\b/i;

/**
 * The lines about cookies. Under a heading about cookies ("Cookies", "Cwcis / Cookies", "IP
 * Addresses and Cookies"), the section runs on through the headings below it while their lines
 * still speak of cookies or list them in a table. Without such a heading: the largest run of lines
 * that mention cookies, kept together across a single line between them or a list one of them
 * introduces. Null when the text never mentions cookies.
 */
export function findCookieSection(text: string): string[] | null {
  const lines = linesOf(text);
  return headedSection(lines) ?? largestRunAboutCookies(lines);
}

/** The lines under headings about cookies, or null when no such heading has lines under it. */
function headedSection(lines: string[]): string[] | null {
  const headed = new Set<number>();
  lines.forEach((line, index) => {
    // The document's own title ("Privacy and Cookie Policy") is no section heading.
    if (headed.has(index) || !isHeading(lines, index) || !COOKIE_WORD.test(line) || /privacy|preifatrwydd/i.test(line)) return;
    // A heading with nothing under it (a table of contents entry) starts no section.
    if (index + 1 >= lines.length || isHeading(lines, index + 1)) return;
    headed.add(index);
    for (let next = index + 1; next < lines.length; next++) {
      if (isHeading(lines, next) && !COOKIE_WORD.test(lines[next]) && !blockSpeaksOfCookies(lines, next)) break;
      headed.add(next);
    }
  });
  return headed.size ? lines.filter((_, index) => headed.has(index)) : null;
}

/** Without a heading: the largest run of lines about cookies, with the list its last line introduces. */
function largestRunAboutCookies(lines: string[]): string[] | null {
  const runs: number[][] = [];
  lines.forEach((line, index) => {
    if (!COOKIE_WORD.test(line)) return;
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const between = last === undefined ? [] : lines.slice(last + 1, index);
    if (run && (between.length <= 1 || (lines[last!].endsWith(':') && between.every((item) => LIST_ITEM.test(item))))) run.push(index);
    else runs.push([index]);
  });
  if (!runs.length) return null;
  const run = runs.reduce((best, candidate) => (candidate.length > best.length ? candidate : best));
  let end = run[run.length - 1];
  while (end + 1 < lines.length && LIST_ITEM.test(lines[end + 1]) && (lines[end].endsWith(':') || LIST_ITEM.test(lines[end]))) end++;
  return lines.slice(run[0], end + 1);
}

/** Whether the lines under the heading at `index`, up to the next heading, mention cookies or hold a table. */
function blockSpeaksOfCookies(lines: string[], index: number): boolean {
  for (let next = index + 1; next < lines.length && !isHeading(lines, next); next++) {
    if (COOKIE_WORD.test(lines[next]) || isTableRow(lines[next])) return true;
  }
  return false;
}
