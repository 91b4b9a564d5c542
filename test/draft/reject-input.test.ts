import { expect } from '@open-wc/testing';
import { draftConfig } from '../../src/draft/draft-config.js';
import type { DraftResult } from '../../src/draft/draft-result.js';
import { rejectInput } from '../../src/draft/reject-input.js';

describe('rejectInput', () => {
  const CASES: Array<[string, string, RegExp]> = [
    ['an empty file', '', /empty/],
    ['white space', '  \n\n\t', /empty/],
    ['a binary file', `\u007fELF\u0002\u0001\u0001\u0000\u0000${'\u0000'.repeat(40)}GNU bug reports: bug-coreutils@gnu.org`, /binary/],
    ['JSON cut short', '{\n  "$schema": "../../schema/cookie-consent.schema.json",\n  "revision": 1,\n  "provider": {\n    "name": "Call Fl', /broken JSON/],
    ['a whole JSON config', '{ "revision": 1, "cookies": [] }', /this is JSON/],
    ['prose about something else', 'Shopping list: eggs, milk, flour and two lemons for the cake on Saturday.', /no privacy-policy text/],
  ];
  for (const [what, input, message] of CASES) {
    it(`refuses ${what} with a clear message, and draftConfig with it`, () => {
      const result = draftConfig(input) as Extract<DraftResult, { ok: false }>;
      expect(result.ok).to.equal(false);
      expect(result.error).to.match(message);
      expect(rejectInput(input)).to.equal(result.error);
    });
  }
});
