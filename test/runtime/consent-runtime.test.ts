import { expect } from '@open-wc/testing';
import type { Decision } from '../../src/core/decision.js';
import { createRecord, type ConsentRecord } from '../../src/core/consent-record.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { ConsentStore } from '../../src/page/consent-store.js';
import { pageRuntime } from '../../src/runtime/page-runtime.js';
import type { ConsentRuntime } from '../../src/runtime/consent-runtime.js';
import type { RuntimeChangeEvent } from '../../src/runtime/runtime-events.js';
import { baseConfig, readConsentCookie, resetPage } from '../helpers.js';

const config = { ...baseConfig, googleConsentMode: true };
type DataLayerWindow = Window & { dataLayer?: IArguments[] };

/** The Consent Mode updates written so far, as [command, analytics_storage]. */
const consentUpdates = () =>
  ((window as DataLayerWindow).dataLayer ?? []).filter((entry) => entry[0] === 'consent' && entry[1] === 'update').map((entry) => entry[2].analytics_storage as string);

/** Everything one change of decision did: the decisions views heard, and the page's events. */
function watch(runtime: ConsentRuntime): { decisions: Decision[]; events: Array<ConsentRecord | null> } {
  const decisions: Decision[] = [];
  const events: Array<ConsentRecord | null> = [];
  runtime.addEventListener('change', (event) => {
    const { decision } = event as RuntimeChangeEvent;
    if (decision) decisions.push(decision);
  });
  document.addEventListener('cookie-consent-change', ({ detail }) => events.push(detail));
  return { decisions, events };
}

/** A record written by another tab of the site: its store tells this one through the channel. */
function decideInAnotherTab(categories: Record<string, boolean>): ConsentRecord {
  const { config: parsed } = parseConfig(config);
  const record = createRecord(parsed, { categories }, { id: crypto.randomUUID(), now: new Date() });
  const otherTab = new ConsentStore(parsed, false);
  otherTab.followOtherTabs(() => {});
  otherTab.write(record);
  otherTab.close();
  return record;
}

/** The next decision the runtime applies. */
const nextDecision = (runtime: ConsentRuntime) =>
  new Promise<Decision>((resolve) => {
    const listener = (event: Event) => {
      const { decision } = event as RuntimeChangeEvent;
      if (!decision) return;
      runtime.removeEventListener('change', listener);
      resolve(decision);
    };
    runtime.addEventListener('change', listener);
  });

describe('consent runtime: a decision is applied once, whatever made it', () => {
  let runtime: ConsentRuntime;

  beforeEach(async () => {
    resetPage();
    delete (window as DataLayerWindow).dataLayer;
    runtime = pageRuntime();
    await runtime.init(config);
  });
  afterEach(() => {
    resetPage();
    delete (window as DataLayerWindow).dataLayer;
  });

  it('an API call: one decision, one event, one Consent Mode update, stored', () => {
    const { decisions, events } = watch(runtime);
    const record = runtime.acceptAll('api');
    expect(decisions.map(({ source, method, acceptedAll }) => ({ source, method, acceptedAll }))).to.deep.equal([{ source: 'local', method: 'api', acceptedAll: true }]);
    expect(events.map((event) => event?.id)).to.deep.equal([record!.id]);
    expect(consentUpdates()).to.deep.equal(['granted']);
    expect((readConsentCookie() as ConsentRecord).id).to.equal(record!.id);
    expect(runtime.hasConsent('analytics')).to.equal(true);
  });

  it('another tab: one decision from there, applied here without storing it again', async () => {
    runtime.acceptAll('api');
    document.cookie = '_ga=GA1.1.1; path=/';
    const { decisions, events } = watch(runtime);
    const heard = nextDecision(runtime);
    const record = decideInAnotherTab({ analytics: false });
    const decision = await heard;
    expect(decision.source).to.equal('remote');
    expect(decision.record?.id).to.equal(record.id);
    // Categories not named are refused: everything optional was withdrawn, in the config's order.
    expect(decision.withdrawn).to.deep.equal(['preferences', 'analytics', 'advertising']);
    expect(decisions).to.have.length(1);
    expect(events.map((event) => event?.id)).to.deep.equal([record.id]);
    expect((readConsentCookie() as ConsentRecord).id, 'the other tab’s record, not a new one').to.equal(record.id);
    expect(consentUpdates()).to.deep.equal(['granted', 'denied']);
    expect(runtime.hasConsent('analytics')).to.equal(false);
    // The withdrawn category's cookies are cleaned up here too.
    expect(document.cookie).not.to.contain('_ga=');
  });

  it('a reset: one decision with no record, nothing granted, the withdrawn categories cleaned up', () => {
    runtime.acceptAll('banner');
    document.cookie = '_ga=GA1.1.1; path=/';
    const { decisions, events } = watch(runtime);
    runtime.reset();
    expect(decisions.map(({ source, record }) => ({ source, record }))).to.deep.equal([{ source: 'reset', record: null }]);
    expect(decisions[0].withdrawn).to.include('analytics');
    expect(decisions[0].withdrawn, 'strictly necessary is never withdrawn').not.to.include('necessary');
    expect(events, 'no change event without a record').to.deep.equal([]);
    expect(runtime.needsDecision).to.equal(true);
    expect(readConsentCookie()).to.equal(undefined);
    expect(document.cookie).not.to.contain('_ga=');
  });
});
