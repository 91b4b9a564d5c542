import { expect } from '@open-wc/testing';
import { readCookieSection } from '../../src/draft/read-cookie-section.js';
import { statementsOf } from '../../src/draft/section-statements.js';

describe('reading cookies named in prose', () => {
  const read = (text: string) => readCookieSection(statementsOf(text.split('\n').map((line) => ({ text: line }))));

  it('gives each cookie the lifetime and domain written after its name', () => {
    const { cookies } = read('We set _ga (2 years) for analytics, and our ad partner sets a cookie named IDE on doubleclick.net for 13 months.');
    expect(cookies.map((cookie) => [cookie.name, cookie.lifetime, cookie.domain])).to.deep.equal([
      ['_ga', 'P2Y', undefined],
      ['IDE', 'P13M', 'doubleclick.net'],
    ]);
  });

  const LIFETIMES: Array<[string, Array<[string, string | undefined, string | undefined]>]> = [
    ['_ga lasts 2 years and _gid 24 hours.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined]]],
    ['Google Analytics sets _ga and _gid: _ga lasts 2 years and _gid 24 hours.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined]]],
    ['We set _ga and _gid; _gid lasts 24 hours and _ga 2 years.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined]]],
    ['The cookies _ga and _gid last 2 years and 24 hours respectively.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined]]],
    ['_ga and _gid last 2 years.', [['_ga', 'P2Y', undefined], ['_gid', 'P2Y', undefined]]],
    ['_ga lasts 2 years, _gid lasts 24 hours and the IDE cookie lasts 13 months.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined], ['IDE', 'P13M', undefined]]],
    ['Our advertising partner sets a cookie called IDE on doubleclick.net.\nIt lasts 13 months.', [['IDE', 'P13M', 'doubleclick.net']]],
    ['Our advertising partner sets a cookie called IDE. It lasts 13 months. It is set on doubleclick.net.', [['IDE', 'P13M', 'doubleclick.net']]],
    ['We use a cookie named SESSID to keep you logged in. This cookie is deleted when you close your browser.', [['SESSID', 'session', undefined]]],
    ['Our chat sets acme_chat and acme_seen. Both last 30 days.', [['acme_chat', 'P30D', undefined], ['acme_seen', 'P30D', undefined]]],
    // "It" speaks of one cookie: with two named before, it is not guessed at.
    ['Our chat sets acme_chat and acme_seen. It lasts 30 days.', [['acme_chat', undefined, undefined], ['acme_seen', undefined, undefined]]],
    // Only the very next statement goes on about them.
    ['We set a cookie called IDE. Adverts pay for the site. It lasts 13 months.', [['IDE', undefined, undefined]]],
    ['Intercom sets intercom-id-* for 9 months.', [['intercom-id-<app-id>', 'P9M', undefined]]],
    ['Hotjar sets _hjSession_{site_id} for 30 minutes and _hjSessionUser_* for a year.', [['_hjSession_<site-id>', 'PT30M', undefined], ['_hjSessionUser_<site-id>', 'P1Y', undefined]]],
    ['Our support widget sets acme-visitor-* and acme_seen for 30 days and 1 day.', [['acme-visitor-*', 'P30D', undefined], ['acme_seen', 'P1D', undefined]]],
    ['Analytics cookies* such as _ga last 2 years. (*See the table below.)', [['_ga', 'P2Y', undefined]]],
    ["Mae _ga yn para 2 flynedd a _gid 24 awr.", [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined]]],
    ["Mae'r cwci IDE ar doubleclick.net yn para 13 mis.", [['IDE', 'P13M', 'doubleclick.net']]],
    ["Mae Google Analytics yn gosod y cwci _gat hefyd, sy'n para munud.", [['_gat', 'PT1M', undefined]]],
  ];
  for (const [text, cookies] of LIFETIMES) {
    it(`reads each cookie's lifetime and domain in ${JSON.stringify(text)}`, () => {
      expect(read(text).cookies.map((cookie) => [cookie.name, cookie.lifetime, cookie.domain])).to.deep.equal(cookies);
    });
  }

  it('gives a cookie the provider the sentence names', () => {
    const { cookies } = read('Our support chat is provided by Acme Chat Ltd and sets acme_chat_id for 30 days.');
    expect(cookies.map((cookie) => [cookie.name, cookie.provider, cookie.lifetime])).to.deep.equal([['acme_chat_id', 'Acme Chat Ltd', 'P30D']]);
  });

  it('takes no ordinary capitalised word for a cookie name', () => {
    expect(read('Under UK GDPR and PECR we ask before we set cookies. The ICO has more advice.').cookies).to.deep.equal([]);
  });
});
