import { expect } from '@open-wc/testing';
import { clearCookies } from '../helpers.js';
import { openWidgetPage, settled, shadowOf } from './page-helpers.js';

/** The seed providers, whose real texts (the longest is Claranet's) the banner must fit. */
const SEEDS = ['call-flow', 'claranet-soho', 'clear-picture', 'cloud-phone', 'cmm-telecoms'];

/** What a visitor sees of the first layer: its box and its three buttons, rounded to whole pixels. */
async function firstLayer(seed: string, width: number, height: number) {
  const config = await (await fetch(`/seeds/${seed}/cookie-consent.json`)).json();
  const { win, element } = await openWidgetPage({ width, height, config });
  await settled(element, win);
  const root = shadowOf(element);
  const banner = root.querySelector('.banner')!.getBoundingClientRect();
  const size = (selector: string) => {
    const button = root.querySelector<HTMLElement>(`.banner [data-action="${selector}"]`)!;
    const rect = button.getBoundingClientRect();
    const style = win.getComputedStyle(button);
    return { width: Math.round(rect.width), height: Math.round(rect.height), weight: style.fontWeight, font: style.fontSize };
  };
  const links = [...root.querySelectorAll<HTMLElement>('.banner .links a, .banner .links button')].map((link) => link.getBoundingClientRect());
  const lastButton = root.querySelector('.banner [data-action="manage"]')!.getBoundingClientRect();
  return { win, root, banner, accept: size('accept'), reject: size('reject'), manage: size('manage'), links, lastButton };
}

/** The preferences dialog's decision buttons, rounded to whole pixels, once it is open. */
async function dialogButtons(seed: string, width: number, height: number) {
  const config = await (await fetch(`/seeds/${seed}/cookie-consent.json`)).json();
  const { win, element } = await openWidgetPage({ width, height, config });
  await element.showPreferences();
  await settled(element, win);
  const root = shadowOf(element);
  const size = (action: string) => {
    const button = root.querySelector<HTMLElement>(`dialog .actions [data-action="${action}"]`)!;
    const rect = button.getBoundingClientRect();
    const style = win.getComputedStyle(button);
    return {
      width: Math.round(rect.width),
      height: Math.round(rect.height),
      weight: style.fontWeight,
      font: style.fontSize,
      inView: rect.left >= 0 && rect.right <= width && rect.bottom <= height,
      clipped: button.scrollWidth > button.clientWidth,
    };
  };
  return { accept: size('accept'), reject: size('reject'), save: size('save') };
}

describe('<cookie-consent> preferences dialog geometry, with the seed providers’ texts', () => {
  afterEach(clearCookies);

  for (const seed of SEEDS) {
    for (const [width, height] of [[320, 568], [375, 667]]) {
      it(`${seed}: Reject all is Accept all’s twin at ${width}×${height}, side by side, Save as tall and as heavy`, async () => {
        const { accept, reject, save } = await dialogButtons(seed, width, height);
        expect(reject, 'Reject all beside Accept all').to.deep.equal(accept);
        expect([save.height, save.weight, save.font, save.inView, save.clipped]).to.deep.equal([accept.height, accept.weight, accept.font, true, false]);
        expect([accept.inView, accept.clipped], 'Accept all in view, not clipped').to.deep.equal([true, false]);
        expect(accept.height, 'a 44 px target').to.be.at.least(44);
      });
    }

    it(`${seed}: three equal buttons at 1280×800`, async () => {
      const { accept, reject, save } = await dialogButtons(seed, 1280, 800);
      expect(reject).to.deep.equal(accept);
      expect(save).to.deep.equal(accept);
    });
  }
});

describe('<cookie-consent> banner geometry, with the seed providers’ texts', () => {
  afterEach(clearCookies);

  for (const seed of SEEDS) {
    describe(seed, () => {
      it('takes at most 40% of a 375×667 phone, policy link and buttons in view, Accept and Reject alike', async () => {
        const { banner, accept, reject, manage, links, lastButton, win } = await firstLayer(seed, 375, 667);
        expect(banner.height, 'banner height').to.be.at.most(0.4 * 667);
        expect([banner.left, banner.right, banner.bottom]).to.deep.equal([0, 375, 667]);
        expect(reject, 'Reject all is Accept all’s twin').to.deep.equal(accept);
        expect([manage.height, manage.weight, manage.font]).to.deep.equal([accept.height, accept.weight, accept.font]);
        expect(accept.height, 'a 44 px target').to.be.at.least(44);
        expect(accept.width, 'side by side, half the row each').to.be.above(150);
        expect(lastButton.bottom, 'Manage preferences in view').to.be.at.most(win.innerHeight);
        expect(links.length, 'the policy link').to.be.at.least(1);
        for (const link of links) expect(link.top, 'links above the fold of the banner').to.be.at.least(banner.top);
      });

      it('shows the rest of a clipped summary behind More, and folds it again', async () => {
        const { root } = await firstLayer(seed, 375, 667);
        const summary = root.querySelector<HTMLElement>('.summary')!;
        const more = root.querySelector<HTMLButtonElement>('.banner .more');
        if (summary.scrollHeight <= summary.clientHeight) {
          expect(more === null, 'no More when nothing is hidden').to.equal(true);
          return;
        }
        expect(more!.getAttribute('aria-expanded')).to.equal('false');
        expect(more!.getAttribute('aria-controls')).to.equal(summary.id);
        more!.click();
        await (root.host as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
        expect(summary.scrollHeight, 'all of it shown').to.be.at.most(summary.clientHeight);
        expect([more!.getAttribute('aria-expanded'), more!.textContent!.trim()]).to.deep.equal(['true', 'Less']);
        more!.click();
        await (root.host as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
        expect(summary.scrollHeight).to.be.above(summary.clientHeight);
      });

      it('keeps three equal buttons beside the text at 1280×800, in 40% of the height', async () => {
        const { banner, accept, reject, manage } = await firstLayer(seed, 1280, 800);
        expect(banner.height, 'banner height').to.be.at.most(0.4 * 800);
        expect(reject).to.deep.equal(accept);
        expect(manage).to.deep.equal(accept);
      });
    });
  }

  it('re-fits when the window changes size: More comes and goes, with no resize-loop error', async () => {
    const config = await (await fetch('/seeds/claranet-soho/cookie-consent.json')).json();
    const { frame, win, element } = await openWidgetPage({ width: 1280, height: 800, config });
    const errors: string[] = [];
    win.addEventListener('error', (event) => errors.push(event.message));
    await settled(element, win);
    const more = () => shadowOf(element).querySelector('.banner .more') !== null;
    expect(more(), 'More, although the whole summary fits at 1280×800').to.equal(false);
    frame.style.width = '375px';
    frame.style.height = '667px';
    await settled(element, win);
    await settled(element, win);
    expect(more(), 'More, the summary being clipped on a phone').to.equal(true);
    expect(shadowOf(element).querySelector('.banner')!.getBoundingClientRect().height).to.be.at.most(0.4 * 667);
    frame.style.width = '1280px';
    frame.style.height = '800px';
    await settled(element, win);
    await settled(element, win);
    expect(more(), 'More, still there at 1280×800').to.equal(false);
    expect(errors).to.deep.equal([]);
  });

  it('keeps the text to a readable measure on a wide screen, and ends a clipped summary in an ellipsis on a phone', async () => {
    const config = await (await fetch('/seeds/claranet-soho/cookie-consent.json')).json();
    const { frame, win, element } = await openWidgetPage({ width: 1600, height: 900, config });
    await settled(element, win);
    const root = shadowOf(element);
    const summary = root.querySelector<HTMLElement>('.summary')!;
    const fontSize = parseFloat(win.getComputedStyle(summary).fontSize);
    // About 70 characters of a proportional font: well under 45 em, where the banner is 100 em wide.
    expect(root.querySelector('.text')!.getBoundingClientRect().width, 'text width').to.be.at.most(45 * fontSize);
    const ellipsis = () => win.getComputedStyle(summary, '::after').content;
    expect(ellipsis(), 'no ellipsis when the whole summary shows').to.equal('none');
    frame.style.width = '375px';
    frame.style.height = '667px';
    await settled(element, win);
    await settled(element, win);
    expect(summary.scrollHeight, 'clipped on a phone').to.be.above(summary.clientHeight);
    expect(ellipsis(), 'the last line shown ends in an ellipsis').to.equal('"…"');
    root.querySelector<HTMLElement>('.banner .more')!.click();
    await settled(element, win);
    expect(ellipsis(), 'none once More shows the rest').to.equal('none');
  });

  it('clips nothing at 320×568: every button and link inside the banner and the viewport', async () => {
    for (const seed of SEEDS) {
      const { root, banner, win } = await firstLayer(seed, 320, 568);
      expect(win.document.documentElement.scrollWidth, seed).to.be.at.most(320);
      for (const target of root.querySelectorAll<HTMLElement>('.banner button, .banner a')) {
        const rect = target.getBoundingClientRect();
        const name = `${seed}: ${target.textContent!.trim()}`;
        expect([rect.left >= banner.left, rect.right <= banner.right, rect.right <= 320], name).to.deep.equal([true, true, true]);
        expect(target.scrollWidth, name).to.be.at.most(target.clientWidth);
      }
    }
  });
});
