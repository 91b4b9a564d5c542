import { expect } from '@open-wc/testing';
import { readCookieSection } from '../../src/draft/read-cookie-section.js';
import { tableColumns } from '../../src/draft/read-cookie-table.js';
import { statementsOf } from '../../src/draft/section-statements.js';

describe('reading a cookie table', () => {
  const HEADERS: Array<[string, ReturnType<typeof tableColumns>]> = [
    ['Name | Duration | Purpose', { name: 0, lifetime: 1, purpose: 2 }],
    ['Cookie | Provider | Expiry | Domain', { name: 0, provider: 1, lifetime: 2, domain: 3 }],
    ['Enw / Name | Hyd / Duration | Math / Type | Diben / Purpose', { name: 0, lifetime: 1, category: 2, purpose: 3 }],
    // A row with no lifetime column is no header: its first cell is a cookie's name.
    ['Name | Purpose', null],
    ['_ga | 2 years | Tells visitors apart', null],
  ];
  for (const [header, columns] of HEADERS) {
    it(`reads the columns of ${JSON.stringify(header)}`, () => {
      expect(tableColumns(header.split('|').map((cell) => cell.trim()))).to.deep.equal(columns);
    });
  }

  const read = (lines: string[]) => readCookieSection(statementsOf(lines.map((text) => ({ text })))).cookies.map((cookie) => [cookie.name, cookie.category, cookie.lifetime]);
  const TABLES: Array<[string, string[], Array<[string, string | undefined, string | undefined]>]> = [
    [
      'English rows under a header',
      ['Name | Duration | Category | Purpose', 'hb_region | 1 year | Preferences | Remembers your region', '_gid | 24 hours | Analytics | Counts visits'],
      [['hb_region', 'preferences', 'P1Y'], ['_gid', 'analytics', 'PT24H']],
    ],
    [
      'Welsh lifetimes under a bilingual header',
      ['Enw / Name | Hyd / Duration | Math / Type', 'cy_iaith | blwyddyn | Dewisiadau / Preferences', '_ga | 2 flynedd | Dadansoddi / Analytics', 'IDE | 13 mis | Hysbysebu / Advertising', '_gat | munud | Dadansoddi / Analytics'],
      [['cy_iaith', 'preferences', 'P1Y'], ['_ga', 'analytics', 'P2Y'], ['IDE', 'advertising', 'P13M'], ['_gat', 'analytics', 'PT1M']],
    ],
    ['a row without a header, told by its Welsh lifetime', ['arolwg_wedi_cau | 30 diwrnod | Peidio â dangos yr arolwg eto'], [['arolwg_wedi_cau', undefined, 'P30D']]],
  ];
  for (const [what, lines, cookies] of TABLES) {
    it(`reads each row's name, category and lifetime: ${what}`, () => expect(read(lines)).to.deep.equal(cookies));
  }
});
