import { expect, fixture, html } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config/parse-config.js';
import type { AuditEntry } from '../../src/core/audit.js';
import { CookieAuditor } from '../../src/page/cookie-audit.js';
import { observeCookies } from '../../src/page/cookie-jar.js';
import { captureConsole, clearCookies } from '../helpers.js';

const { config } = parseConfig({
  provider: { name: 'Example Ltd', policyUrl: '/privacy' },
  cookies: [
    { name: 'cc_test_session', category: 'necessary', lifetime: 'session' },
    { pattern: '^cc_test_stats_', category: 'analytics', lifetime: 'P1D' },
  ],
});

/** A window whose only way to read cookies is document.cookie (Firefox, Safari before 18.4). */
const legacyWindow = (cookie: string, cookieStore?: object) => ({ document: { cookie }, cookieStore }) as unknown as Window;

/** Runs an audit, collecting what it warns and every `cookie-consent-undeclared` event it dispatches. */
async function auditOnce(auditor: CookieAuditor, target: EventTarget) {
  const events: Array<CustomEvent<{ cookies: AuditEntry[] }>> = [];
  const listener = (event: Event) => events.push(event as CustomEvent<{ cookies: AuditEntry[] }>);
  target.addEventListener('cookie-consent-undeclared', listener);
  let entries: AuditEntry[] = [];
  const warnings = await captureConsole('warn', async () => {
    entries = await auditor.audit();
  });
  target.removeEventListener('cookie-consent-undeclared', listener);
  return { entries, warnings, events };
}

describe('cookie audit on the live page', () => {
  beforeEach(clearCookies);
  afterEach(clearCookies);

  describe('observeCookies', () => {
    it('reads expiry through the Cookie Store API: null for a session cookie, a time for max-age', async () => {
      expect('cookieStore' in window, 'Chromium has the Cookie Store API').to.equal(true);
      document.cookie = 'cc_test_session=1; path=/';
      document.cookie = 'cc_test_persistent=1; max-age=3600; path=/';
      const before = Date.now();
      const observed = await observeCookies();
      const session = observed.find((cookie) => cookie.name === 'cc_test_session');
      const persistent = observed.find((cookie) => cookie.name === 'cc_test_persistent');
      expect(session).to.include({ expires: null, path: '/' });
      expect(persistent?.expires).to.be.a('number');
      // max-age=3600 from about now; a minute either way covers the time the test itself takes.
      expect(persistent!.expires! - before).to.be.within(3_540_000, 3_660_000);
    });

    it('reads only names from document.cookie where there is no Cookie Store', async () => {
      expect(await observeCookies(legacyWindow('a=1; _ga=GA1.2.3; b='))).to.deep.equal([{ name: 'a' }, { name: '_ga' }, { name: 'b' }]);
    });

    it('falls back to document.cookie when the Cookie Store refuses (opaque origins)', async () => {
      const refusing = { getAll: () => Promise.reject(new DOMException('An opaque origin', 'SecurityError')) };
      expect(await observeCookies(legacyWindow('a=1', refusing))).to.deep.equal([{ name: 'a' }]);
    });

    it('finds nothing when the page has no cookies', async () => {
      expect(await observeCookies(legacyWindow(''))).to.deep.equal([]);
    });
  });

  describe('CookieAuditor', () => {
    it('warns once, naming every undeclared cookie, and dispatches one event listing them', async () => {
      const target = await fixture(html`<div></div>`);
      document.cookie = 'cc_test_session=1; path=/';
      document.cookie = 'cc_test_stats_x=1; max-age=60; path=/';
      document.cookie = 'cc_test_mystery=1; path=/';
      document.cookie = 'cc_test_tracker=1; max-age=60; path=/';
      const { warnings, events, entries } = await auditOnce(new CookieAuditor(config, () => target), target);

      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^cookie-consent: cookies not declared in the config: /);
      expect(warnings[0]).to.include('cc_test_mystery').and.to.include('cc_test_tracker');
      expect(warnings[0]).not.to.include('cc_test_session').and.not.to.include('cc_test_stats_x');

      expect(events).to.have.length(1);
      expect(events[0]).to.include({ bubbles: true, composed: true });
      expect(events[0].detail.cookies.map((entry) => entry.name).sort()).to.deep.equal(['cc_test_mystery', 'cc_test_tracker']);
      expect(events[0].detail.cookies.every((entry) => !entry.declared)).to.equal(true);

      const declared = entries.filter((entry) => entry.declared).map((entry) => entry.name).sort();
      expect(declared).to.deep.equal(['cc_test_session', 'cc_test_stats_x']);
    });

    it('says nothing on a second audit with no new undeclared cookie', async () => {
      const target = await fixture(html`<div></div>`);
      const auditor = new CookieAuditor(config, () => target);
      document.cookie = 'cc_test_mystery=1; path=/';
      expect((await auditOnce(auditor, target)).warnings).to.have.length(1);
      document.cookie = 'cc_test_session=1; path=/';
      const second = await auditOnce(auditor, target);
      expect(second.warnings).to.deep.equal([]);
      expect(second.events).to.deep.equal([]);
      expect(second.entries.map((entry) => entry.name)).to.include('cc_test_mystery');
    });

    it('names only the new cookie when another undeclared one appears', async () => {
      const target = await fixture(html`<div></div>`);
      const auditor = new CookieAuditor(config, () => target);
      document.cookie = 'cc_test_mystery=1; path=/';
      await auditOnce(auditor, target);
      document.cookie = 'cc_test_tracker=1; path=/';
      const { warnings, events } = await auditOnce(auditor, target);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('cc_test_tracker').and.not.to.include('cc_test_mystery');
      expect(events.map((event) => event.detail.cookies.map((entry) => entry.name))).to.deep.equal([['cc_test_tracker']]);
    });

    it('warns about nothing when every cookie is declared', async () => {
      const target = await fixture(html`<div></div>`);
      document.cookie = 'cc_test_session=1; path=/';
      document.cookie = 'cc_test_stats_y=1; max-age=60; path=/';
      const { warnings, events, entries } = await auditOnce(new CookieAuditor(config, () => target), target);
      expect(entries.map((entry) => entry.name).sort()).to.deep.equal(['cc_test_session', 'cc_test_stats_y']);
      expect(warnings).to.deep.equal([]);
      expect(events).to.deep.equal([]);
    });

    it('flags a cookie the browser keeps longer than declared', async () => {
      const target = await fixture(html`<div></div>`);
      document.cookie = 'cc_test_session=1; max-age=3600; path=/';
      const { entries } = await auditOnce(new CookieAuditor(config, () => target), target);
      expect(entries.find((entry) => entry.name === 'cc_test_session')?.mismatch).to.match(/declared as a session cookie, but it persists until/);
    });
  });
});
