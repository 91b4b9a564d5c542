import { expect } from '@open-wc/testing';
import { planCleanup, type CookieRemoval } from '../../src/core/cleanup-plan.js';
import { cleanUpCategories } from '../../src/page/cleanup.js';
import type { ConsentConfig } from '../../src/core/config/config-types.js';

const config: Pick<ConsentConfig, 'cookies' | 'storage'> = {
  cookies: [
    { name: 'PHPSESSID', category: 'necessary', lifetime: 'session' },
    { name: '_ga', category: 'analytics', lifetime: 'P2Y' },
    { pattern: '^_ga_', category: 'analytics', lifetime: 'P2Y' },
    { name: 'basket_view', category: 'preferences', lifetime: 'P1Y', domain: '.shop.example.co.uk', path: '/basket' },
    { name: 'IDE', category: 'advertising', lifetime: 'P13M', domain: 'doubleclick.net' },
  ],
  storage: [
    { key: 'ab-test', category: 'analytics', area: 'local' },
    { pattern: '^_hj', category: 'analytics', area: 'session' },
    { key: 'theme', category: 'preferences', area: 'local' },
  ],
};

const host = 'www.shop.example.co.uk';
const everyDomain = (name: string, path = '/'): CookieRemoval[] => [
  { name, path },
  { name, domain: 'www.shop.example.co.uk', path },
  { name, domain: 'shop.example.co.uk', path },
  { name, domain: 'example.co.uk', path },
];

describe('planCleanup', () => {
  it('removes each cookie of the categories on every domain from the host down to the registrable domain', () => {
    const plan = planCleanup(config, ['analytics'], { host, cookieNames: ['PHPSESSID', '_ga', '_ga_ABC123', '_gid'] });
    expect(plan.cookies).to.deep.equal([...everyDomain('_ga'), ...everyDomain('_ga_ABC123')]);
    expect(plan.cookies.some((removal) => removal.domain === 'co.uk')).to.equal(false);
  });

  it('tries a named cookie this page cannot see only under its declared path: under "/" it would show', () => {
    const plan = planCleanup(config, ['analytics', 'preferences', 'advertising'], { host, cookieNames: [] });
    expect(plan.cookies).to.deep.equal(everyDomain('basket_view', '/basket'));
  });

  it('adds the declared domain and path', () => {
    const plan = planCleanup(config, ['preferences', 'advertising'], { host, cookieNames: ['basket_view', 'IDE'] });
    expect(plan.cookies).to.deep.equal([
      ...everyDomain('basket_view').flatMap((removal) => [removal, { ...removal, path: '/basket' }]),
      ...everyDomain('IDE'),
      { name: 'IDE', domain: 'doubleclick.net', path: '/' },
    ]);
  });

  it('leaves cookies of other categories alone', () => {
    const plan = planCleanup(config, ['advertising'], { host: 'example.com', cookieNames: ['PHPSESSID', '_ga', 'IDE'] });
    expect(plan.cookies.map((removal) => removal.name)).to.deep.equal(['IDE', 'IDE', 'IDE']);
  });

  it('plans storage keys by key or pattern, in their own area', () => {
    const plan = planCleanup(config, ['analytics'], {
      host,
      cookieNames: [],
      localStorage: ['ab-test', 'theme', '_hjSession'],
      sessionStorage: ['_hjSession_1', '_hjViewport', 'ab-test', 'cart'],
    });
    expect([plan.localStorage, plan.sessionStorage]).to.deep.equal([['ab-test'], ['_hjSession_1', '_hjViewport']]);
  });

  it('plans nothing for no categories', () => {
    expect(planCleanup(config, [], { host, cookieNames: ['_ga'], localStorage: ['ab-test'] })).to.deep.equal({ cookies: [], localStorage: [], sessionStorage: [] });
  });
});

describe('cleanUpCategories', () => {
  const expire = (name: string, { domain, path }: { domain?: string; path: string }) => {
    document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}${domain ? `; domain=${domain}` : ''}`;
  };
  const cookieNames = () => document.cookie.split(';').map((pair) => pair.split('=')[0].trim()).filter(Boolean).sort();

  afterEach(() => {
    for (const name of cookieNames()) expire(name, { path: '/' });
    localStorage.clear();
    sessionStorage.clear();
  });

  it('deletes the cookies and storage keys of withdrawn categories, and nothing else', () => {
    for (const cookie of ['PHPSESSID=1', '_ga=GA1', '_ga_ABC=GS1', 'theme=dark']) document.cookie = `${cookie}; path=/`;
    localStorage.setItem('ab-test', 'b');
    localStorage.setItem('theme', 'dark');
    sessionStorage.setItem('_hjSession_1', 'x');
    cleanUpCategories(config, ['analytics']);
    expect(cookieNames()).to.deep.equal(['PHPSESSID', 'theme']);
    expect(Object.keys(localStorage)).to.deep.equal(['theme']);
    expect(Object.keys(sessionStorage)).to.deep.equal([]);
  });

  it('deletes a cookie whose name the page percent-encoded, by the name it was set with', () => {
    // Decoded once, "_ga_%41": js-cookie encodes it back to the stored name when it removes it.
    document.cookie = '_ga_%2541=GS1; path=/';
    cleanUpCategories(config, ['analytics']);
    expect(cookieNames()).to.deep.equal([]);
  });

  it('deletes a cookie set under its declared path, which this page cannot see', async () => {
    // Seen from a page under that path: a frame on /basket/ (the server answers 404, which still has a document).
    const namesUnderBasket = async () => {
      const frame = document.createElement('iframe');
      frame.src = '/basket/';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const names = frame.contentDocument!.cookie;
      frame.remove();
      return names;
    };
    document.cookie = 'basket_view=1; path=/basket';
    try {
      expect(cookieNames()).to.deep.equal([]);
      expect(await namesUnderBasket()).to.equal('basket_view=1');
      cleanUpCategories(config, ['preferences']);
      expect(await namesUnderBasket()).to.equal('');
    } finally {
      // afterEach expires what this page can see; this one it cannot.
      expire('basket_view', { path: '/basket' });
    }
  });

  it('opens a storage area only when a declaration of the categories is in it', () => {
    const opened: string[] = [];
    const watched = {
      location,
      get localStorage(): Storage {
        opened.push('local');
        return localStorage;
      },
      get sessionStorage(): Storage {
        opened.push('session');
        return sessionStorage;
      },
    } as unknown as Window;
    cleanUpCategories(config, ['advertising'], watched);
    expect(opened).to.deep.equal([]);
    cleanUpCategories(config, ['preferences'], watched);
    expect(opened).to.deep.equal(['local']);
    cleanUpCategories(config, ['analytics'], watched);
    expect(opened).to.deep.equal(['local', 'local', 'session']);
  });

  it('works where storage is denied', () => {
    document.cookie = '_ga=GA1; path=/';
    // A sandboxed frame or a privacy mode: reading either storage area throws.
    const denied = {
      location,
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
      get sessionStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Window;
    cleanUpCategories(config, ['analytics'], denied);
    expect(cookieNames()).to.deep.equal([]);
  });
});
