import { expect } from '@open-wc/testing';
import { part, resetPage, widget } from '../helpers.js';

describe('<cookie-consent>', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  describe('preferences dialog', () => {
    it('shows the visitor their own consent id once they have decided, so they can quote it', async () => {
      const { element, runtime } = await widget();
      await element.showPreferences();
      await element.updateComplete;
      const shownId = () => part(element, 'dialog').querySelector('.consent-id')?.textContent ?? '(no consent id shown)';
      expect(shownId(), 'before any decision').to.equal('(no consent id shown)');
      part(element, 'dialog [part="close-button"]').click();
      const { id } = runtime.acceptAll('api')!;
      await element.showPreferences();
      await element.updateComplete;
      expect(shownId()).to.equal(`Your consent ID (quote it to ask about your choices): ${id}`);
    });
  });
});
