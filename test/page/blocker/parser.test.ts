import { expect, waitUntil } from '@open-wc/testing';
import { Blocker } from '../../../src/page/blocker.js';
import { ACCEPT, HOSTS, REJECT, firstPartyRoundTrip, hitUrl, newRun, resetSideEffects, scriptUrl, serverCounts, waitForCounts } from './helpers.js';

declare global {
  interface Window {
    __startBlocker?: (win: Window) => void;
  }
}

/**
 * The page's own HTML, parsed by the browser in a frame whose first script starts a blocker, as the
 * widget's script tag does. The blocker's code lives in this test page; it patches the frame's window.
 */
async function page(body: string, head = ''): Promise<Window & typeof globalThis> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html><head>${head}<script nonce="abc">parent.__startBlocker(window)</script></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as Window & typeof globalThis;
}

const ranIn = (win: Window) => win.__ran ?? [];
const push = (name: string) => `(window.__ran ||= []).push(${JSON.stringify(name)})`;

describe('Blocker', () => {
  let blocker: Blocker | undefined;
  let run: string;

  beforeEach(() => {
    run = newRun();
    resetSideEffects();
    window.__startBlocker = (win) => {
      blocker = new Blocker(win as Window & typeof globalThis);
      blocker.start();
      blocker.configure(HOSTS);
    };
  });

  afterEach(() => {
    blocker?.stop();
    blocker = undefined;
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    resetSideEffects();
  });

  describe("the page's own HTML", () => {
    it('does not run a held script written in the page after the widget, until consent', async () => {
      const win = await page(`
        <script src="${scriptUrl('parsed')}"></script>
        <script>${push('inline')}</script>
        <script src="${scriptUrl('first-party', { origin: '' })}"></script>
        <script type="text/plain" data-category="advertising">${push('markup')}</script>`);
      blocker!.update(REJECT);
      await firstPartyRoundTrip(`${run}-control`);
      expect(ranIn(win)).to.deep.equal(['inline', 'first-party']);

      blocker!.update(ACCEPT);
      await waitUntil(() => ranIn(win).length === 4, 'the held scripts never ran');
      expect(ranIn(win)).to.deep.equal(['inline', 'first-party', 'parsed', 'markup']);
    });

    it('rewrites document.write before it is parsed: no request, no script, until consent', async () => {
      const written = `<script src="${scriptUrl('written', { probe: `${run}-script` })}"><\\/script><img alt="" src="${hitUrl(`${run}-img`)}">`;
      const win = await page(`<script>document.write('${written}'); document.writeln('<p>after</p>')</script><script>${push('inline')}</script>`);
      blocker!.update(REJECT);
      await firstPartyRoundTrip(`${run}-control`);
      expect(ranIn(win)).to.deep.equal(['inline']);
      expect(win.document.querySelector('p')!.textContent).to.equal('after');
      expect(await serverCounts(run)).to.deep.equal({ [`${run}-control`]: 1 });

      blocker!.update(ACCEPT);
      await waitUntil(() => ranIn(win).length === 2, 'the written script never ran');
      expect(ranIn(win)).to.deep.equal(['inline', 'written']);
      const counts = await waitForCounts(run, { [`${run}-script`]: 1, [`${run}-img`]: 1 });
      expect(counts).to.deep.equal({ [`${run}-control`]: 1, [`${run}-script`]: 1, [`${run}-img`]: 1 });
    });
  });

  describe('under a strict Content Security Policy', () => {
    it('runs released scripts that carry the nonce, and only those', async () => {
      const frame = document.createElement('iframe');
      const policy = encodeURIComponent("script-src 'nonce-abc'; object-src 'none'; base-uri 'none'");
      frame.src = `/test/page/blocker/fixtures/csp.html?csp=${policy}`;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      await loaded;
      const win = frame.contentWindow!;
      // The header policy hides the nonce attribute: only the property still has it.
      expect(win.document.querySelector('script[data-category]')!.getAttribute('nonce')).to.equal('');
      blocker!.update(ACCEPT);
      await waitUntil(() => ranIn(win).includes('last'), 'the scripts never ran');
      expect(ranIn(win)).to.deep.equal(['inline-nonce', 'external-nonce', 'last']);
    });
  });
});
