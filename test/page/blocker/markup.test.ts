import { expect, waitUntil } from '@open-wc/testing';
import { Blocker, type Grants } from '../../../src/page/blocker.js';
import { ACCEPT, REJECT, firstPartyRoundTrip, hitUrl, newRun, ran, resetSideEffects, scriptUrl, serverCounts, waitForCounts } from './helpers.js';
import { has } from '../../helpers.js';

/** Markup as a site writes it: each entry `[tag, attributes, text?]`, appended to a container in order. */
type Markup = [string, Record<string, string>, string?][];

function build(container: Element, markup: Markup): Element[] {
  return markup.map(([tag, attributes, text]) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text) element.textContent = text;
    container.append(element);
    return element;
  });
}

const analyticsOnly: Grants = { categories: { necessary: true, analytics: true, advertising: false }, services: {} };

describe('Blocker', () => {
  let blocker: Blocker;
  let container: HTMLElement;
  let run: string;

  beforeEach(() => {
    run = newRun();
    resetSideEffects();
    container = document.createElement('div');
    document.body.append(container);
    blocker = new Blocker(window);
  });

  afterEach(() => {
    blocker.stop();
    container.remove();
    resetSideEffects();
  });

  describe('markup in the page', () => {
    it('runs nothing before consent or after refusal, then each script once, in document order', async () => {
      build(container, [
        // The first external script answers slowly: the inline one after it must still wait for it.
        ['script', { type: 'text/plain', 'data-category': 'analytics', src: scriptUrl('e1', { probe: `${run}-e1`, delay: 300 }) }],
        ['script', { type: 'text/plain', 'data-category': 'analytics' }, 'window.__ran.push("i2"); document.cookie = "ran_i2=1; path=/"'],
        ['script', { type: 'text/plain', 'data-category': 'analytics', 'data-src': scriptUrl('e3', { probe: `${run}-e3` }) }],
        ['script', { type: 'text/plain', 'data-category': 'analytics' }, 'window.__ran.push("i4")'],
      ]);
      blocker.start();
      blocker.configure({});
      blocker.update(null);
      blocker.update(REJECT);
      await firstPartyRoundTrip(`${run}-control`);
      expect(ran()).to.deep.equal([]);
      expect(document.cookie).not.to.contain('ran_');
      expect(await serverCounts(run)).to.deep.equal({ [`${run}-control`]: 1 });

      blocker.update(ACCEPT);
      await waitUntil(() => ran().length === 4, 'the scripts did not all run', { timeout: 4000 });
      expect(ran()).to.deep.equal(['e1', 'i2', 'e3', 'i4']);
      expect(document.cookie).to.contain('ran_e1=1').and.contain('ran_i2=1').and.contain('ran_e3=1');
      expect(await serverCounts(`${run}-e`)).to.deep.equal({ [`${run}-e1`]: 1, [`${run}-e3`]: 1 });
    });

    it('activates each element once across repeated decisions', async () => {
      build(container, [
        ['script', { type: 'text/plain', 'data-category': 'analytics', src: scriptUrl('once', { probe: `${run}-script` }) }],
        ['script', { type: 'text/plain', 'data-category': 'analytics' }, 'window.__ran.push("inline")'],
        ['img', { 'data-category': 'analytics', 'data-src': hitUrl(`${run}-img`), alt: '' }],
      ]);
      blocker.start();
      blocker.configure({});
      blocker.update(ACCEPT);
      blocker.update(ACCEPT);
      blocker.update(REJECT);
      blocker.update(ACCEPT);
      await waitUntil(() => ran().length === 2);
      await waitForCounts(run, { [`${run}-script`]: 1, [`${run}-img`]: 1 });
      blocker.update({ ...ACCEPT });
      await firstPartyRoundTrip(`${run}-control`);
      expect(ran()).to.deep.equal(['once', 'inline']);
      expect(await serverCounts(run)).to.deep.equal({ [`${run}-script`]: 1, [`${run}-img`]: 1, [`${run}-control`]: 1 });
    });

    it('keeps every other attribute, the nonce included, and sets the type from data-type', async () => {
      const [original] = build(container, [
        ['script', { type: 'text/plain', 'data-type': 'module', 'data-category': 'analytics', nonce: 'n0nce', id: 'tag', 'data-extra': 'x', src: scriptUrl('mod', { file: 'ran-module.js', origin: '' }) }],
      ]);
      blocker.start();
      blocker.update(ACCEPT);
      const script = container.querySelector('script')!;
      expect(script !== original, 'a new script element').to.equal(true);
      expect(script.nonce).to.equal('n0nce');
      expect(script.type).to.equal('module');
      expect([script.id, script.dataset.extra, script.dataset.category]).to.deep.equal(['tag', 'x', 'analytics']);
      expect(script.hasAttribute('data-type')).to.equal(false);
      await waitUntil(() => ran().includes('mod'), 'the module never ran');
    });

    it('runs an inline module script as a module', async () => {
      build(container, [['script', { type: 'text/plain', 'data-type': 'module', 'data-category': 'analytics' }, 'window.__ran.push(typeof import.meta.url)']]);
      blocker.start();
      blocker.update(ACCEPT);
      await waitUntil(() => ran().length === 1, 'the module never ran');
      expect(ran()).to.deep.equal(['string']);
    });

    it('needs every category of a script', async () => {
      build(container, [['script', { type: 'text/plain', 'data-category': 'analytics advertising' }, 'window.__ran.push("both")']]);
      blocker.start();
      blocker.update(analyticsOnly);
      expect(ran()).to.deep.equal([]);
      blocker.update(ACCEPT);
      expect(ran()).to.deep.equal(['both']);
    });

    it('needs the service of a script as well as its category', async () => {
      build(container, [['script', { type: 'text/plain', 'data-category': 'analytics', 'data-service': 'ga4' }, 'window.__ran.push("ga4")']]);
      blocker.start();
      blocker.update({ categories: { analytics: true }, services: { ga4: false } });
      expect(ran()).to.deep.equal([]);
      blocker.update({ categories: { analytics: true }, services: { ga4: true } });
      expect(ran()).to.deep.equal(['ga4']);
    });

    it('goes on after a script that throws or is missing, and names it in the console', async () => {
      build(container, [
        ['script', { type: 'text/plain', 'data-category': 'analytics', src: scriptUrl('x', { file: 'throws.js', origin: '' }) }],
        // Missing on purpose: served through /__without/, so the runner does not list it among unexpected 404s.
        ['script', { type: 'text/plain', 'data-category': 'analytics', src: scriptUrl('x', { file: 'missing.js', origin: '/__without/missing.js' }) }],
        ['script', { type: 'text/plain', 'data-category': 'analytics' }, 'throw new Error("inline fixture failed on purpose")'],
        ['script', { type: 'text/plain', 'data-category': 'analytics', src: scriptUrl('after', { origin: '' }) }],
      ]);
      const errors: string[] = [];
      const consoleError = console.error;
      const onerror = window.onerror;
      console.error = (message: string) => errors.push(message);
      // The fixtures throw on purpose: keep the test framework from counting that as a failure.
      window.onerror = () => true;
      try {
        blocker.start();
        blocker.update(ACCEPT);
        await waitUntil(() => ran().includes('after'), 'the script after the broken ones never ran');
      } finally {
        console.error = consoleError;
        window.onerror = onerror;
      }
      expect(ran()).to.deep.equal(['throws', 'after']);
      // The browser reports the scripts that threw; the blocker names the one that failed to load.
      const named = errors.map(String).filter((message) => message.startsWith('cookie-consent:'));
      expect(named).to.have.length(1);
      expect(named[0]).to.contain('missing.js');
    });

    it('tells handlers on the original script that its copy loaded', async () => {
      const [original] = build(container, [['script', { type: 'text/plain', 'data-category': 'analytics', src: scriptUrl('handled', { origin: '' }) }]]);
      const events: string[] = [];
      (original as HTMLScriptElement).onload = (event) => events.push(event.type);
      blocker.start();
      blocker.update(ACCEPT);
      await waitUntil(() => events.length === 1, 'the handler was never called');
      expect(events).to.deep.equal(['load']);
    });

    it('loads held images, stylesheets, iframes, video and audio once, with every URL attribute', async () => {
      const [image, responsive, link, , video] = build(container, [
        ['img', { 'data-category': 'advertising', 'data-src': hitUrl(`${run}-img`), alt: 'pixel' }],
        ['img', { 'data-category': 'advertising', 'data-srcset': `${hitUrl(`${run}-srcset`)} 1x`, alt: 'pixel' }],
        ['link', { rel: 'stylesheet', 'data-category': 'advertising', 'data-href': hitUrl(`${run}-css`) }],
        ['iframe', { 'data-category': 'advertising', 'data-src': hitUrl(`${run}-frame`), title: 'Map', width: '200', height: '100' }],
        ['video', { 'data-category': 'advertising', 'data-src': hitUrl(`${run}-video`), preload: 'none' }],
      ]);
      const audio = document.createElement('audio');
      audio.setAttribute('data-category', 'advertising');
      audio.innerHTML = `<source data-src="${hitUrl(`${run}-audio`)}" type="audio/mpeg">`;
      container.append(audio);
      blocker.start();
      blocker.update(REJECT);
      expect(container.querySelectorAll('cookie-consent-placeholder')).to.have.length(2);
      expect(has(container, 'iframe'), 'iframe in the page').to.equal(false);
      await firstPartyRoundTrip(`${run}-control`);
      expect(await serverCounts(`${run}-`)).to.deep.equal({ [`${run}-control`]: 1 });

      blocker.update(ACCEPT);
      expect(image.getAttribute('src')).to.equal(hitUrl(`${run}-img`));
      expect(responsive.getAttribute('srcset')).to.equal(`${hitUrl(`${run}-srcset`)} 1x`);
      expect(image.hasAttribute('data-src')).to.equal(false);
      expect(link.getAttribute('href')).to.equal(hitUrl(`${run}-css`));
      expect(video.getAttribute('src')).to.equal(hitUrl(`${run}-video`));
      expect(audio.querySelector('source')!.getAttribute('src')).to.equal(hitUrl(`${run}-audio`));
      expect(has(container, 'cookie-consent-placeholder'), 'placeholder in the page').to.equal(false);
      expect(container.querySelector('iframe')!.getAttribute('src')).to.equal(hitUrl(`${run}-frame`));
      const counts = await waitForCounts(run, { [`${run}-img`]: 1, [`${run}-srcset`]: 1, [`${run}-css`]: 1, [`${run}-frame`]: 1 });
      expect(['img', 'srcset', 'css', 'frame'].map((name) => counts[`${run}-${name}`])).to.deep.equal([1, 1, 1, 1]);
    });
  });

  describe('markup inserted later', () => {
    it('holds markup added after start-up, and runs it at once when consent is already there', async () => {
      blocker.start();
      blocker.configure({});
      blocker.update(null);
      build(container, [['script', { type: 'text/plain', 'data-category': 'analytics' }, 'window.__ran.push("appended")']]);
      container.insertAdjacentHTML('beforeend', '<div><script type="text/plain" data-category="analytics">window.__ran.push("from-html")</script></div>');
      await Promise.resolve();
      expect(ran()).to.deep.equal([]);
      blocker.update(ACCEPT);
      expect(ran()).to.deep.equal(['appended', 'from-html']);

      container.innerHTML = '<section><script type="text/plain" data-category="analytics">window.__ran.push("route")</script></section>';
      await waitUntil(() => ran().length === 3, 'markup added after consent did not run');
      expect(ran()).to.deep.equal(['appended', 'from-html', 'route']);
    });

    it('keeps markup for a refused category held through later insertions, and runs it on a later grant', async () => {
      blocker.start();
      blocker.configure({});
      blocker.update(analyticsOnly);
      build(container, [['script', { type: 'text/plain', 'data-category': 'advertising' }, 'window.__ran.push("advertising")']]);
      await Promise.resolve();
      // Insertions after it are checked on their own; the held script is not let go with them.
      build(container, [['script', { type: 'text/plain', 'data-category': 'analytics' }, 'window.__ran.push("analytics")']]);
      for (let index = 0; index < 20; index++) build(container, [['p', {}, `${index}`]]);
      await Promise.resolve();
      expect(ran()).to.deep.equal(['analytics']);
      blocker.update(ACCEPT);
      expect(ran()).to.deep.equal(['analytics', 'advertising']);
    });

    it('reads a data: URL as one URL, commas and all, and leaves it alone', async () => {
      blocker.start();
      blocker.configure({ advertising: ['tracker.example'] });
      blocker.update(null);
      const image = document.createElement('img');
      const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==,//tracker.example/x.gif';
      image.src = pixel;
      container.append(image);
      await Promise.resolve();
      expect(image.getAttribute('src')).to.equal(pixel);
      expect(image.hasAttribute('data-category')).to.equal(false);
    });

    it('holds markup added to a shadow root, with its placeholder there', async () => {
      blocker.start();
      blocker.update(REJECT);
      const root = container.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
      const frame = document.createElement('iframe');
      frame.dataset.category = 'advertising';
      frame.dataset.src = hitUrl(`${run}-frame`);
      root.append(frame);
      await Promise.resolve();
      expect(has(root, 'cookie-consent-placeholder'), 'placeholder in the page').to.equal(true);
      blocker.update(ACCEPT);
      expect(root.querySelector('iframe')!.getAttribute('src')).to.equal(hitUrl(`${run}-frame`));
      await waitForCounts(run, { [`${run}-frame`]: 1 });
    });

    it('leaves first-party elements without markup alone', async () => {
      blocker.start();
      blocker.configure({ advertising: ['127.0.0.1'] });
      const script = document.createElement('script');
      script.src = scriptUrl('first', { origin: '' });
      container.append(script);
      await waitUntil(() => ran().includes('first'), 'a first-party script was held');
      expect([script.getAttribute('type'), script.hasAttribute('data-category')]).to.deep.equal([null, false]);
    });
  });

  describe('stop()', () => {
    it('restores every patched property and stops watching the page', async () => {
      const targets: [object, string][] = [
        [HTMLScriptElement.prototype, 'src'],
        [HTMLIFrameElement.prototype, 'src'],
        [HTMLImageElement.prototype, 'src'],
        [HTMLImageElement.prototype, 'srcset'],
        [Element.prototype, 'setAttribute'],
        [Element.prototype, 'innerHTML'],
        [Element.prototype, 'outerHTML'],
        [Element.prototype, 'insertAdjacentHTML'],
        [ShadowRoot.prototype, 'innerHTML'],
        [Range.prototype, 'createContextualFragment'],
        [Document.prototype, 'write'],
        [Document.prototype, 'writeln'],
        [window, 'fetch'],
        [XMLHttpRequest.prototype, 'open'],
        [XMLHttpRequest.prototype, 'send'],
        [Navigator.prototype, 'sendBeacon'],
      ];
      const before = targets.map(([target, name]) => Object.getOwnPropertyDescriptor(target, name));
      blocker.start();
      const patched = targets.map(([target, name]) => Object.getOwnPropertyDescriptor(target, name));
      expect(patched.filter((descriptor, index) => JSON.stringify(descriptor) === JSON.stringify(before[index]) && descriptor?.set === before[index]?.set && descriptor?.value === before[index]?.value)).to.deep.equal([]);
      blocker.stop();
      const after = targets.map(([target, name]) => Object.getOwnPropertyDescriptor(target, name));
      expect(after).to.deep.equal(before);
      after.forEach((descriptor, index) => {
        expect(descriptor?.set).to.equal(before[index]?.set);
        expect(descriptor?.value).to.equal(before[index]?.value);
      });

      build(container, [['script', { type: 'text/plain', 'data-category': 'analytics' }, 'window.__ran.push("late")']]);
      await Promise.resolve();
      blocker.update(ACCEPT);
      expect(ran()).to.deep.equal([]);
    });
  });
});
