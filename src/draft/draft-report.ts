/**
 * The report that comes with a draft: each decision with the policy's words it came from, and
 * notes on what the text did not settle, in the order the draft met them.
 */
import type { DraftDecision } from './draft-result.js';

export class DraftReport {
  readonly decisions: DraftDecision[] = [];
  readonly notes: string[] = [];

  decide(decision: string, source?: string): void {
    this.decisions.push({ decision, ...(source ? { source } : {}) });
  }

  note(note: string): void {
    this.notes.push(note);
  }
}
