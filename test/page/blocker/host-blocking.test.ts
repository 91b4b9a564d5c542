import { expect, waitUntil } from '@open-wc/testing';
import { Blocker } from '../../../src/page/blocker.js';
import { ACCEPT, HOSTS, REJECT, firstPartyRoundTrip, hitUrl, newRun, ran, resetSideEffects, scriptUrl, serverCounts, waitForCounts } from './helpers.js';
import { has } from '../../helpers.js';

type Kind = 'script' | 'image' | 'iframe';
/** One way a page's own scripts create a request: `[kind, route, act(url, container) → what it created, script file]`. */
type Route = [Kind, string, (url: string, container: HTMLElement) => Node, string?];

const create = <K extends keyof HTMLElementTagNameMap>(tag: K) => document.createElement(tag);
const withSrc = <K extends 'script' | 'img' | 'iframe'>(tag: K, url: string) => {
  const element = create(tag);
  element.src = url;
  return element;
};
const anchor = (parent: Element) => parent.appendChild(create('span'));
/** Parses HTML with createContextualFragment; the first element, after the fragment went to `parent`. */
const parsed = (html: string, parent?: Element) => {
  const fragment = document.createRange().createContextualFragment(html);
  const element = fragment.firstElementChild!;
  parent?.append(fragment);
  return element;
};
const shadowRoot = (parent: Element) => parent.appendChild(create('div')).attachShadow({ mode: 'open' });
const withHtml = (parent: Element, html: string) => {
  parent.innerHTML = html;
  return parent;
};

const routes: Route[] = [
  ['script', 'src property + appendChild', (url, container) => container.appendChild(withSrc('script', url))],
  ['script', 'setAttribute + insertBefore', (url, container) => {
    const script = create('script');
    script.setAttribute('src', url);
    return container.insertBefore(script, container.firstChild);
  }],
  ['script', 'append', (url, container) => {
    const script = withSrc('script', url);
    container.append(script);
    return script;
  }],
  ['script', 'prepend', (url, container) => {
    const script = withSrc('script', url);
    container.prepend(script);
    return script;
  }],
  ['script', 'replaceWith', (url, container) => {
    const script = withSrc('script', url);
    anchor(container).replaceWith(script);
    return script;
  }],
  ['script', 'before', (url, container) => {
    const script = withSrc('script', url);
    anchor(container).before(script);
    return script;
  }],
  ['script', 'after', (url, container) => {
    const script = withSrc('script', url);
    anchor(container).after(script);
    return script;
  }],
  ['script', 'src before the type is set', (url, container) => {
    const script = withSrc('script', url);
    script.type = 'text/javascript';
    container.append(script);
    return script;
  }],
  ['script', 'createContextualFragment', (url, container) => parsed(`<script src="${url}"></script>`, container)],
  // document.currentScript is null in a shadow root, so this fixture names itself.
  ['script', 'inside a shadow root', (url, container) => shadowRoot(container).appendChild(withSrc('script', url)), 'ran-in-shadow.js'],
  // Images load even in a tree that is never inserted, where no MutationObserver sees them.
  ['image', 'new Image().src, never inserted', (url) => withSrc('img', url)],
  ['image', 'setAttribute + append', (url, container) => {
    const image = create('img');
    image.setAttribute('src', url);
    container.append(image);
    return image;
  }],
  ['image', 'srcset property', (url, container) => {
    const image = new Image();
    image.srcset = `${url} 1x`;
    container.append(image);
    return image;
  }],
  ['image', 'innerHTML, never inserted', (url) => withHtml(create('div'), `<p><img alt="" src="${url}"></p>`)],
  ['image', 'innerHTML', (url, container) => withHtml(container.appendChild(create('div')), `<img alt="" src="${url}">`)],
  ['image', 'outerHTML, never inserted', (url) => {
    const parent = create('div');
    anchor(parent).outerHTML = `<img src='${url}' alt=x>`;
    return parent;
  }],
  ['image', 'insertAdjacentHTML, never inserted', (url) => {
    const parent = create('div');
    parent.insertAdjacentHTML('beforeend', `<IMG SRC=${url}>`);
    return parent;
  }],
  ['image', 'createContextualFragment, never inserted', (url) => parsed(`<img src="${url}">`)],
  ['image', 'innerHTML of a shadow root, never inserted', (url) => {
    const root = create('div').attachShadow({ mode: 'open' });
    root.innerHTML = `<img src="${url}">`;
    return root;
  }],
  ['iframe', 'src property + append', (url, container) => container.appendChild(withSrc('iframe', url))],
  ['iframe', 'setAttribute + appendChild', (url, container) => {
    const frame = create('iframe');
    frame.setAttribute('src', url);
    return container.appendChild(frame);
  }],
  ['iframe', 'innerHTML', (url, container) => withHtml(container.appendChild(create('div')), `<iframe title="t" src="${url}"></iframe>`)],
  ['iframe', 'insertAdjacentHTML', (url, container) => {
    container.insertAdjacentHTML('afterbegin', `<iframe src="${url}" width=50></iframe>`);
    return container.firstElementChild!;
  }],
];

/** Elements in `node` (itself included) that carry a live URL of the blocked host: each one is a request. */
const live = (node: Node) =>
  [node, ...((node as ParentNode).querySelectorAll?.('*') ?? [])].filter(
    (element) => element instanceof Element && /127\.0\.0\.1/.test(`${element.getAttribute('src')} ${element.getAttribute('srcset')}`),
  );

const probeName = (index: number) => `r${index}`;

describe('Blocker', () => {
  let blocker: Blocker;
  let container: HTMLElement;
  let run: string;

  beforeEach(() => {
    run = newRun();
    resetSideEffects();
    container = create('div');
    document.body.append(container);
    blocker = new Blocker(window);
  });

  afterEach(() => {
    blocker.stop();
    container.remove();
    resetSideEffects();
  });

  describe('blocking by host', () => {
    it('sends no request and runs nothing through any insertion route until the category is granted, then each once', async () => {
      blocker.start();
      blocker.configure(HOSTS);
      const url = ([kind, , , file]: Route, index: number) =>
        kind === 'script'
          ? // The first script answers slowly: the others must still run after it.
            scriptUrl(probeName(index), { probe: `${run}-${index}`, delay: index === 0 ? 300 : 0, file })
          : hitUrl(`${run}-${index}`);
      const created: Node[] = [];
      for (const [index, route] of routes.entries()) {
        created.push(route[2](url(route, index), container));
        // Lets the observer see this route's elements before the next route starts, so "in order" means route order.
        await Promise.resolve();
      }
      blocker.update(null);
      blocker.update(REJECT);
      expect(created.flatMap(live)).to.deep.equal([]);
      expect(container.querySelectorAll('cookie-consent-placeholder')).to.have.length(routes.filter(([kind]) => kind === 'iframe').length);
      await firstPartyRoundTrip(`${run}-control`);
      expect(ran()).to.deep.equal([]);
      expect(document.cookie).not.to.contain('ran_');
      expect(await serverCounts(run)).to.deep.equal({ [`${run}-control`]: 1 });

      blocker.update(ACCEPT);
      const scripts = [...routes.entries()].filter(([, [kind]]) => kind === 'script').map(([index, [, , , file]]) => (file ? 'in-shadow' : probeName(index)));
      await waitUntil(() => ran().length === scripts.length, 'not every script ran', { timeout: 4000 });
      const expected = Object.fromEntries(routes.map((_, index) => [`${run}-${index}`, 1]));
      await waitForCounts(run, expected);
      await firstPartyRoundTrip(`${run}-control2`);
      expect(ran()).to.deep.equal(scripts);
      expect(await serverCounts(run)).to.deep.equal({ ...expected, [`${run}-control`]: 1, [`${run}-control2`]: 1 });
      expect(has(container, 'cookie-consent-placeholder'), 'placeholder in the page').to.equal(false);
    });

    it('leaves a script parsed by innerHTML inert, as the browser would', async () => {
      blocker.start();
      blocker.configure(HOSTS);
      container.innerHTML = `<script src="${scriptUrl('inert', { probe: `${run}-inert` })}"></script>`;
      blocker.update(ACCEPT);
      await firstPartyRoundTrip(`${run}-control`);
      expect(ran()).to.deep.equal([]);
      expect(await serverCounts(run)).to.deep.equal({ [`${run}-control`]: 1 });
    });

    it('holds an element with data-category whatever its host, first-party included', async () => {
      blocker.start();
      blocker.configure(HOSTS);
      const script = create('script');
      script.dataset.category = 'analytics';
      script.src = scriptUrl('marked', { origin: '' });
      container.append(script);
      blocker.update(REJECT);
      expect(script.hasAttribute('src')).to.equal(false);
      blocker.update(ACCEPT);
      await waitUntil(() => ran().includes('marked'), 'the script never ran');
    });

    it('lets the page load from a host again once it is granted', async () => {
      blocker.start();
      blocker.configure(HOSTS);
      blocker.update(ACCEPT);
      const image = withSrc('img', hitUrl(`${run}-granted`));
      expect(image.getAttribute('src')).to.equal(hitUrl(`${run}-granted`));
      await waitForCounts(run, { [`${run}-granted`]: 1 });
    });

    it('refuses fetch with a TypeError naming the URL, until granted', async () => {
      blocker.start();
      blocker.configure(HOSTS);
      let error: unknown;
      await fetch(hitUrl(`${run}-fetch`)).catch((caught) => (error = caught));
      expect(error).to.be.instanceOf(TypeError);
      expect((error as TypeError).message).to.contain('127.0.0.1').and.contain('advertising');
      await fetch(new Request(hitUrl(`${run}-fetch`))).catch((caught) => (error = caught));
      expect(error).to.be.instanceOf(TypeError);

      blocker.update(ACCEPT);
      const response = await fetch(hitUrl(`${run}-fetch`));
      expect(response.status).to.equal(200);
      expect(await serverCounts(run)).to.deep.equal({ [`${run}-fetch`]: 1 });
    });

    it('fails an XMLHttpRequest like a network error, until granted', async () => {
      blocker.start();
      blocker.configure(HOSTS);
      const request = new XMLHttpRequest();
      const events: string[] = [];
      for (const type of ['readystatechange', 'load', 'error', 'loadend']) request.addEventListener(type, () => events.push(`${type}:${request.readyState}`));
      request.open('GET', hitUrl(`${run}-xhr`));
      events.length = 0;
      const ended = new Promise((resolve) => (request.onloadend = resolve));
      request.send();
      await ended;
      expect(events).to.deep.equal(['readystatechange:4', 'error:4', 'loadend:4']);
      expect(request.status).to.equal(0);

      blocker.update(ACCEPT);
      request.open('GET', hitUrl(`${run}-xhr`));
      expect(request.readyState).to.equal(1);
      const loaded = new Promise((resolve) => (request.onload = resolve));
      request.send();
      await loaded;
      expect(request.status).to.equal(200);
      expect(await serverCounts(run)).to.deep.equal({ [`${run}-xhr`]: 1 });
    });

    it('refuses sendBeacon, until granted', async () => {
      blocker.start();
      blocker.configure(HOSTS);
      expect(navigator.sendBeacon(hitUrl(`${run}-beacon`), 'data')).to.equal(false);
      blocker.update(ACCEPT);
      expect(navigator.sendBeacon(hitUrl(`${run}-beacon`), 'data')).to.equal(true);
      const counts = await waitForCounts(run, { [`${run}-beacon`]: 1 });
      expect(counts).to.deep.equal({ [`${run}-beacon`]: 1 });
    });

    it('warns once per blocked host, naming it and its category', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        blocker.start();
        blocker.configure(HOSTS);
        navigator.sendBeacon(hitUrl(`${run}-1`));
        navigator.sendBeacon(hitUrl(`${run}-2`));
        await fetch(hitUrl(`${run}-3`)).catch(() => undefined);
        container.append(withSrc('img', hitUrl(`${run}-4`)));
      } finally {
        console.warn = warn;
      }
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('127.0.0.1').and.contain('advertising');
    });
  });

  describe('before configure()', () => {
    it('holds cross-origin elements, then releases in order those no host rule holds', async () => {
      blocker.start();
      const late = withSrc('script', scriptUrl('third', { probe: `${run}-script`, delay: 200 }));
      container.append(late);
      container.append(withSrc('script', scriptUrl('first-party', { origin: '' })));
      const image = withSrc('img', hitUrl(`${run}-img`));
      container.append(image);
      expect([late.getAttribute('src'), late.type, image.getAttribute('src')]).to.deep.equal([null, 'text/plain', null]);
      await waitUntil(() => ran().includes('first-party'), 'a first-party script was held');

      blocker.configure({ analytics: ['elsewhere.example'] });
      await waitUntil(() => ran().length === 2, 'the cross-origin script was never released');
      expect(ran()).to.deep.equal(['first-party', 'third']);
      expect(late.hasAttribute('data-category')).to.equal(false);
      await waitForCounts(run, { [`${run}-script`]: 1, [`${run}-img`]: 1 });
    });

    it('keeps what the host rules hold once they arrive', async () => {
      blocker.start();
      const image = withSrc('img', hitUrl(`${run}-img`));
      container.append(image);
      blocker.configure(HOSTS);
      expect(image.dataset.category).to.equal('advertising');
      expect(image.hasAttribute('src')).to.equal(false);
      blocker.update(ACCEPT);
      await waitForCounts(run, { [`${run}-img`]: 1 });
    });

    it('makes fetch, XMLHttpRequest and sendBeacon wait for the rules, then refuses what they hold', async () => {
      blocker.start();
      const refused = fetch(hitUrl(`${run}-fetch`)).then(
        () => 'sent',
        (error: Error) => error.name,
      );
      expect(navigator.sendBeacon(hitUrl(`${run}-beacon`), 'x')).to.equal(true);
      const request = new XMLHttpRequest();
      request.open('POST', hitUrl(`${run}-xhr`));
      const failed = new Promise((resolve) => (request.onerror = resolve));
      request.send('x');
      await firstPartyRoundTrip(`${run}-control`);
      expect(await serverCounts(run)).to.deep.equal({ [`${run}-control`]: 1 });

      blocker.configure(HOSTS);
      expect(await refused).to.equal('TypeError');
      await failed;
      expect(request.status).to.equal(0);
      await firstPartyRoundTrip(`${run}-control2`);
      expect(await serverCounts(run)).to.deep.equal({ [`${run}-control`]: 1, [`${run}-control2`]: 1 });
    });

    it('sends waiting requests once no rule holds their host', async () => {
      blocker.start();
      const sent = fetch(hitUrl(`${run}-fetch`));
      expect(navigator.sendBeacon(hitUrl(`${run}-beacon`), 'x')).to.equal(true);
      const request = new XMLHttpRequest();
      request.open('GET', hitUrl(`${run}-xhr`));
      const loaded = new Promise((resolve) => (request.onload = resolve));
      request.send();
      blocker.configure({});
      expect((await sent).status).to.equal(200);
      await loaded;
      expect(request.status).to.equal(200);
      const counts = await waitForCounts(run, { [`${run}-fetch`]: 1, [`${run}-beacon`]: 1, [`${run}-xhr`]: 1 });
      expect(counts).to.deep.equal({ [`${run}-fetch`]: 1, [`${run}-beacon`]: 1, [`${run}-xhr`]: 1 });
    });
  });
});
