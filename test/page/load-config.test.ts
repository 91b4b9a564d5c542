import { expect } from '@open-wc/testing';
import { loadConfig } from '../../src/page/load-config.js';
import type { ParseResult } from '../../src/core/config/config-types.js';

declare global {
  interface Window {
    __loadConfig?: (doc: Document) => void;
  }
}

/** Parses `body` in a frame whose first script starts loading the config `#cc`, as the widget's tag does. */
async function loadWhileParsing(body: string): Promise<{ result: ParseResult; readyState: DocumentReadyState }> {
  let loaded!: Promise<{ result: ParseResult; readyState: DocumentReadyState }>;
  window.__loadConfig = (doc) => {
    loaded = loadConfig('#cc', fetch, doc).then((result) => ({ result, readyState: doc.readyState }));
  };
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html><head><script>parent.__loadConfig(document)</script></head><body>${body}</body></html>`;
  const ready = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await ready;
  try {
    return await loaded;
  } finally {
    frame.remove();
  }
}

const config = JSON.stringify({ provider: { name: 'Late', policyUrl: '/privacy' } });

describe('loadConfig', () => {
  describe('inline config', () => {
    it('reads a config written after the tag as soon as it is in the page, before the page is parsed', async () => {
      const { result, readyState } = await loadWhileParsing(`<p>text</p><script type="application/json" id="cc">${config}</script><script>1</script><p>more</p>`);
      expect(result.errors).to.deep.equal([]);
      expect(result.config.provider.name).to.equal('Late');
      expect(readyState).to.equal('loading');
    });

    it('reports a config that is not in the page by DOMContentLoaded, with the page’s policy link', async () => {
      const { result, readyState } = await loadWhileParsing('<link rel="privacy-policy" href="/our-privacy"><p>no config here</p>');
      expect(result.errors).to.deep.equal([{ path: '(config)', message: 'no element with id "cc" holds the config' }]);
      expect(readyState).not.to.equal('loading');
      expect(result.config.provider.policyUrl).to.match(/\/our-privacy$/);
    });

    it('reports broken JSON once the page is parsed', async () => {
      const { result } = await loadWhileParsing(`<script type="application/json" id="cc">{"provider": </script>`);
      expect(result.errors).to.have.length(1);
      expect(result.errors[0].message).to.contain('#cc is not valid JSON');
      expect(result.config.provider.policyUrl, 'no policy known').to.equal('');
    });

    it('reports a missing element at once when the page is already parsed', async () => {
      const result = await loadConfig('#not-here');
      expect(result.errors[0].message).to.equal('no element with id "not-here" holds the config');
    });
  });
});
