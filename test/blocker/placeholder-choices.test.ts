import { expect, fixture, html } from '@open-wc/testing';
import { Blocker } from '../../src/page/blocker.js';
import { definePlaceholder, type CookieConsentPlaceholder } from '../../src/elements/placeholder/placeholder.js';
import { HOSTS, REJECT, hitUrl, newRun } from '../page/blocker/helpers.js';

/** The parts of the buttons a placeholder shows. */
const buttons = (placeholder: CookieConsentPlaceholder) => Array.from(placeholder.shadowRoot!.querySelectorAll('button'), (button) => button.getAttribute('part'));

describe('<cookie-consent-placeholder> buttons', () => {
  let blocker: Blocker;
  let container: HTMLElement;

  // The interface defines the element; the blocker only puts it in the page.
  before(() => definePlaceholder());

  beforeEach(async () => {
    container = await fixture(html`<div></div>`);
    blocker = new Blocker(window);
    blocker.start();
    blocker.configure(HOSTS);
    blocker.update(REJECT);
  });

  afterEach(() => blocker.stop());

  async function placeholderFor(category: string): Promise<CookieConsentPlaceholder> {
    const frame = document.createElement('iframe');
    frame.dataset.category = category;
    frame.dataset.src = hitUrl(newRun());
    container.append(frame);
    // The observer puts the placeholder in when it hears of the insertion, in a microtask.
    await Promise.resolve();
    const placeholder = container.querySelector('cookie-consent-placeholder') as CookieConsentPlaceholder;
    await placeholder.updateComplete;
    return placeholder;
  }

  it('offers both while the categories the visitor can grant are not known yet', async () => {
    expect(buttons(await placeholderFor('advertising'))).to.deep.equal(['allow', 'settings']);
  });

  it('offers Allow only when every category it needs can be granted', async () => {
    blocker.setChoices(['analytics']);
    const placeholder = await placeholderFor('analytics advertising');
    expect(buttons(placeholder)).to.deep.equal(['settings']);
    blocker.setChoices(['analytics', 'advertising']);
    await placeholder.updateComplete;
    expect(buttons(placeholder)).to.deep.equal(['allow', 'settings']);
  });

  it('offers neither when no config could be read, so there is nothing to grant', async () => {
    const placeholder = await placeholderFor('advertising');
    blocker.setChoices([]);
    await placeholder.updateComplete;
    expect(buttons(placeholder)).to.deep.equal([]);
    expect(placeholder.shadowRoot!.textContent).to.contain('It needs your consent to Advertising cookies.');
  });
});
