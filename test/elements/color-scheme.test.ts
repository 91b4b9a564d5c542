import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '../emulate-media.js';
import { pageScheme, type Scheme } from '../../src/elements/page-scheme.js';

/** A page with this markup in its <head> and these attributes on <body>, in a frame. */
async function page(head: string, bodyStyle = ''): Promise<Document> {
  const frame = await fixture<HTMLIFrameElement>(html`<iframe></iframe>`);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html><head>${head}</head><body style="${bodyStyle}"><p>Text</p></body></html>`;
  await loaded;
  return frame.contentDocument!;
}

/** [what the page does, the visitor's preference, the scheme it looks like]. */
const CASES: Array<[string, string, string, 'light' | 'dark', Scheme]> = [
  ['declares nothing', '', '', 'dark', 'light'],
  ['says color-scheme: dark in CSS', '<style>:root { color-scheme: dark }</style>', '', 'light', 'dark'],
  ['offers light dark, visitor prefers light', '<style>:root { color-scheme: light dark }</style>', '', 'light', 'light'],
  ['offers light dark, visitor prefers dark', '<style>:root { color-scheme: light dark }</style>', '', 'dark', 'dark'],
  ['offers only light', '<style>:root { color-scheme: only light }</style>', '', 'dark', 'light'],
  ['says dark in <meta>', '<meta name="color-scheme" content="dark">', '', 'light', 'dark'],
  ['offers light dark in <meta>, visitor prefers dark', '<meta name="color-scheme" content="light dark">', '', 'dark', 'dark'],
  ['paints its body dark', '', 'background: #111', 'light', 'dark'],
  ['paints its root dark in oklch', '<style>html { background: oklch(0.25 0.03 250) }</style>', '', 'light', 'dark'],
  ['paints a light body on a dark declaration', '<style>:root { color-scheme: dark }</style>', 'background: #fafafa', 'dark', 'light'],
  ['tints its body only faintly', '', 'background: rgb(0 0 0 / 0.05)', 'light', 'light'],
  ['paints its body a mostly opaque black', '', 'background: rgb(0 0 0 / 0.8)', 'light', 'dark'],
];

describe('pageScheme', () => {
  afterEach(() => emulateMedia({}));

  for (const [what, head, bodyStyle, preference, expected] of CASES) {
    it(`is ${expected} when the page ${what} (visitor prefers ${preference})`, async () => {
      await emulateMedia({ colorScheme: preference });
      expect(pageScheme(await page(head, bodyStyle))).to.equal(expected);
    });
  }
});
