/**
 * The cookie section as statements: each sentence, list item or table row on its own, with the
 * category the heading above it names. The readers of the section take it in this form.
 */
import { headingCategory, type CategoryId } from './category-cues.js';
import { isHeading } from './policy-lines.js';

/** One sentence, list item or table row of the cookie section. */
export interface Statement {
  text: string;
  /** The category the heading above it names ("Analytics cookies", "Cwcis dadansoddi"), if any. */
  heading?: CategoryId;
  /** Cells, when the statement is a table row. */
  cells?: string[];
}

/** Splits prose into sentences; list items and table rows are statements of their own. */
export function statementsOf(lines: Array<{ text: string; heading?: CategoryId }>): Statement[] {
  const statements: Statement[] = [];
  for (const { text, heading } of lines) {
    const cells = text.includes('|') ? text.split('|').map((cell) => cell.trim()).filter(Boolean) : text.includes('\t') ? text.split(/\t+/).map((cell) => cell.trim()) : null;
    if (cells && cells.length >= 2) {
      statements.push({ text: cells.join(' | '), heading, cells });
      continue;
    }
    // A sentence ends at a full stop followed by a capital, so "e.g. the" stays whole.
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z"“‘(•*-])/)) {
      const clean = sentence.replace(/^[•·*–-]\s*|^\(?[a-z0-9]{1,2}[.)]\s+/i, '').trim();
      if (clean) statements.push({ text: clean, heading });
    }
  }
  return statements;
}

/** The section's lines as statements, each with the category its nearest heading names. */
export function sectionStatements(lines: string[]): Statement[] {
  let heading: CategoryId | undefined;
  const tagged: Array<{ text: string; heading?: CategoryId }> = [];
  lines.forEach((text, index) => {
    // Headings set the category of what follows; they are not statements themselves.
    if (isHeading(lines, index)) heading = headingCategory(text);
    else tagged.push({ text, heading });
  });
  return statementsOf(tagged);
}
