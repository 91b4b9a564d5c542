/**
 * The optional categories a draft starts from: those the cookie section describes, less those it
 * rules out. A policy that does both for one category gets it left out, and a note.
 */
import { OPTIONAL_CATEGORIES, type OptionalCategory } from './category-cues.js';
import type { DraftReport } from './draft-report.js';
import type { SectionReading } from './section-reading.js';

/** The optional categories the section describes and does not rule out. */
export function draftCategories(reading: SectionReading, report: DraftReport): Set<OptionalCategory> {
  const found = new Set<OptionalCategory>();
  for (const id of OPTIONAL_CATEGORIES) {
    const sentence = reading.found.get(id);
    if (!sentence) continue;
    const ruledOut = reading.ruledOut.get(id);
    if (ruledOut && ruledOut !== sentence) {
      report.note(`The policy both describes ${id} cookies ("${sentence}") and rules them out ("${ruledOut}"): left the category out; add it if the site uses them.`);
      continue;
    }
    if (ruledOut) continue;
    found.add(id);
    report.decide(`category "${id}"`, sentence);
  }
  for (const [id, sentence] of reading.ruledOut) report.decide(`no "${id}" category: the policy rules it out`, sentence);
  if (reading.found.has('necessary')) report.decide('category "necessary" (strictly necessary cookies)', reading.found.get('necessary'));
  return found;
}
