import { expect } from '@open-wc/testing';
import { installApi } from '../../src/api.js';
import { createRuntime, disposeRuntime, pageRuntime } from '../../src/runtime/page-runtime.js';

describe('page runtime', () => {
  afterEach(disposeRuntime);

  it('is one runtime for the page until it is disposed of, then a fresh one', () => {
    const first = pageRuntime();
    expect(pageRuntime() === first, 'the same runtime again').to.equal(true);
    disposeRuntime();
    const second = pageRuntime();
    expect(second === first, 'a fresh runtime').to.equal(false);
    disposeRuntime();
    const third = createRuntime('/dist/');
    expect(pageRuntime() === third, 'the one createRuntime started').to.equal(true);
  });

  it('takes its window.CookieConsent and the blocker’s patches with it when disposed of', () => {
    const nativeFetch = window.fetch;
    const runtime = createRuntime();
    runtime.start();
    installApi(runtime);
    expect(window.fetch === nativeFetch, 'fetch patched while running').to.equal(false);
    expect(window.CookieConsent?.ready === runtime.ready, 'the API over this runtime').to.equal(true);
    disposeRuntime();
    expect(window.fetch === nativeFetch, 'fetch restored').to.equal(true);
    expect('CookieConsent' in window, 'no API left').to.equal(false);
  });
});
