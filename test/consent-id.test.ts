import { expect } from '@open-wc/testing';
import { createRecord, serializeRecord, type ConsentRecord } from '../src/core/consent-record.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { ConsentStore } from '../src/page/consent-store.js';
import { disposeRuntime, pageRuntime } from '../src/runtime/page-runtime.js';
import type { ConsentRuntime } from '../src/runtime/consent-runtime.js';
import { baseConfig, readConsentCookie, resetPage } from './helpers.js';

const stored = () => readConsentCookie() as ConsentRecord;

describe('consent id: one per visitor, across their decisions', () => {
  let runtime: ConsentRuntime;
  beforeEach(async () => {
    resetPage();
    runtime = pageRuntime();
    await runtime.init(baseConfig);
  });
  afterEach(resetPage);

  it('keeps the id of the first decision for every later one, each at a later time', () => {
    // Three decisions in the same millisecond: the log still tells them apart by their time.
    const realNow = Date.now;
    const frozen = realNow();
    Date.now = () => frozen;
    let first: ConsentRecord, second: ConsentRecord, third: ConsentRecord;
    try {
      first = runtime.acceptAll('banner')!;
      second = runtime.rejectAll('dialog')!;
      third = runtime.decide({ categories: { analytics: true } }, 'dialog')!;
    } finally {
      Date.now = realNow;
    }
    expect([second.id, third.id, stored().id]).to.deep.equal([first.id, first.id, first.id]);
    expect(Date.parse(second.timestamp)).to.be.greaterThan(Date.parse(first.timestamp));
    expect(Date.parse(third.timestamp)).to.be.greaterThan(Date.parse(second.timestamp));
  });

  it('keeps the id when a new revision asks the visitor again', async () => {
    const { id } = runtime.acceptAll('banner')!;
    // A later page view, under a config that bumped its revision; the cookie stays.
    disposeRuntime();
    runtime = pageRuntime();
    await runtime.init({ ...baseConfig, revision: 2 });
    expect(runtime.record, 'the decision of revision 1 no longer counts').to.equal(null);
    expect(runtime.rejectAll('banner')!.id).to.equal(id);
  });

  it('gives a new id after a reset, which forgets the visitor', () => {
    const { id } = runtime.acceptAll('banner')!;
    runtime.reset();
    expect(runtime.acceptAll('banner')!.id).not.to.equal(id);
  });

  it('follows a later decision of another tab, though it has the same id', async () => {
    runtime.acceptAll('banner');
    const { config } = parseConfig(baseConfig);
    const later = createRecord(config, { categories: {} }, { id: runtime.record!.id, now: new Date(Date.now() + 1000) });
    const heard = new Promise<void>((resolve) => runtime.addEventListener('change', () => resolve(), { once: true }));
    const otherTab = new ConsentStore(config, false);
    otherTab.followOtherTabs(() => {});
    otherTab.write(later);
    otherTab.close();
    await heard;
    expect(serializeRecord(runtime.record!)).to.equal(serializeRecord(later));
    expect(runtime.hasConsent('analytics')).to.equal(false);
  });
});
