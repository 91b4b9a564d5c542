import { expect, waitUntil } from '@open-wc/testing';

/**
 * The configurator page (demo/configure.html) end to end, in an iframe: paste a policy, draft,
 * edit the JSON and see its problems beside the lines, preview the banner and the dialog in four
 * frames, copy the snippet. It loads the built files: run `npm run build` first.
 */
const FRAMES = ['preview-light-desktop', 'preview-dark-desktop', 'preview-light-mobile', 'preview-dark-mobile'];

let frame: HTMLIFrameElement;
const page = () => frame.contentDocument!;
const $ = <T extends Element = HTMLElement>(selector: string) => page().querySelector(selector) as T;
const editor = () => $<HTMLTextAreaElement>('#config');

async function openPage(width = 1400): Promise<void> {
  frame = document.createElement('iframe');
  frame.title = 'Configurator';
  frame.style.cssText = `width: ${width}px; height: 900px`;
  frame.src = '/demo/configure.html';
  document.body.append(frame);
  await waitUntil(() => frame.contentDocument?.documentElement?.dataset.ready === 'true', 'the configurator is ready', { timeout: 5000 });
}

async function draftFrom(policy: string): Promise<void> {
  $<HTMLTextAreaElement>('#policy').value = policy;
  $<HTMLButtonElement>('#draft').click();
}

/** Types into the config editor as a person would, and waits for the page to check the text. */
async function edit(text: string): Promise<void> {
  const checks = editor().dataset.checks;
  editor().value = text;
  editor().dispatchEvent(new Event('input', { bubbles: true }));
  // The page checks the text a quarter of a second after the last keystroke.
  await waitUntil(() => editor().dataset.checks !== checks, 'the config is checked again', { timeout: 5000 });
}

const lineOf = (text: string, fragment: string) => text.slice(0, text.indexOf(fragment)).split('\n').length;

/** The <cookie-consent> element inside a preview frame, once it has rendered. */
async function widgetIn(id: string, what: '.banner' | 'dialog[open]'): Promise<HTMLElement> {
  const preview = $<HTMLIFrameElement>(`#${id}`);
  await waitUntil(() => preview.contentDocument?.querySelector('cookie-consent')?.shadowRoot?.querySelector(what), `${what} in ${id}`, { timeout: 5000 });
  return preview.contentDocument!.querySelector('cookie-consent')!.shadowRoot!.querySelector(what) as HTMLElement;
}

describe('the configurator page', () => {
  let prose: string;
  before(async () => {
    prose = await (await fetch('/test/draft/policies/prose-only.txt')).text();
  });
  beforeEach(openPage);
  afterEach(() => frame.remove());

  describe('drafting', () => {
    it('drafts a config from a pasted policy with the same drafter as the command line, and reports its decisions', async () => {
      await draftFrom(prose);
      const config = JSON.parse(editor().value);
      expect(config.cookies.map((cookie: { name: string }) => cookie.name)).to.deep.equal(['cookie_consent', 'NFSESSION', '_ga', 'IDE', 'example_preferences']);
      expect($('#config-problems').textContent).to.include('The config is valid.');
      expect($('#draft-status').textContent).to.include('Drafted 4 categories and 5 cookies');
      const decisions = [...page().querySelectorAll('#decisions li')].map((item) => item.textContent);
      expect(decisions.find((text) => text!.startsWith('cookie IDE'))).to.include("from Our advertising partner, Google's DoubleClick");
    });

    it('says why there is no draft for text that is no policy, and keeps the config as it was', async () => {
      await draftFrom(prose);
      const drafted = editor().value;
      await draftFrom('');
      expect($('#draft-status').textContent).to.equal('No draft: the text is empty: give the privacy policy as plain text.');
      expect(editor().value === drafted, 'the drafted config is still in the editor').to.equal(true);
    });
  });

  describe('checking the JSON', () => {
    it('shows each problem with its JSON path beside the offending line', async () => {
      await draftFrom(prose);
      const text = editor().value.replace('"lifetime": "P13M"', '"lifetime": "13 months"');
      await edit(text);
      const line = lineOf(text, '"13 months"');
      const beside = $(`#margin [data-line="${line}"]`);
      expect(beside.className).to.equal('has-problem');
      expect(beside.textContent).to.match(/^cookies\[3\]\.lifetime: /);
      expect($(`#gutter > :nth-child(${line})`).className).to.equal('has-problem');
      expect($('#config-problems').textContent).to.include(`Line ${line}`).and.include('cookies[3].lifetime');
      expect(editor().getAttribute('aria-invalid')).to.equal('true');
      expect(page().querySelectorAll('#margin .has-problem')).to.have.length(1);
    });

    it('points a missing key to the object that lacks it, and broken JSON to its line', async () => {
      await draftFrom(prose);
      const withoutName = editor().value.replace(/\n {4}"name": "Penrose Telecom Limited",/, '');
      await edit(withoutName);
      expect($(`#margin [data-line="${lineOf(withoutName, '"provider"')}"]`).textContent).to.match(/^provider\.name: /);

      const broken = editor().value.replace('"revision": 1,', '"revision": 1,,');
      await edit(broken);
      expect($(`#margin [data-line="${lineOf(broken, ',,')}"]`).textContent).to.match(/^\(JSON\): not valid JSON/);
      expect($<HTMLButtonElement>('#copy').disabled).to.equal(true);
    });
  });

  describe('preview', () => {
    it('shows the banner with the config in light and dark, at desktop and mobile width', async () => {
      await draftFrom(prose);
      const banners = await Promise.all(FRAMES.map((id) => widgetIn(id, '.banner')));
      for (const banner of banners) {
        expect(banner.querySelector('h2')!.textContent).to.equal('Cookies on our website');
        expect(banner.textContent).to.include('With your consent, we would also like to use preferences, analytics and advertising cookies.');
      }
      const background = (banner: HTMLElement) => banner.ownerDocument.defaultView!.getComputedStyle(banner).backgroundColor;
      expect(background(banners[0])).to.equal('rgb(255, 255, 255)');
      expect(background(banners[1])).to.not.equal(background(banners[0]));
      expect(background(banners[3])).to.equal(background(banners[1]));
      expect($<HTMLIFrameElement>('#preview-light-mobile').contentWindow!.innerWidth).to.equal(375);
      expect($<HTMLIFrameElement>('#preview-light-desktop').contentWindow!.innerWidth).to.equal(1280);
    });

    it('lays the four frames out two by two at 1280 px: light above dark, desktop beside mobile', async () => {
      frame.remove();
      await openPage(1280);
      await draftFrom(prose);
      const box = (id: string) => $(`#${id}`).closest('figure')!.getBoundingClientRect();
      const [lightDesktop, darkDesktop, lightMobile, darkMobile] = FRAMES.map(box);
      expect(page().documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(1280);
      expect([lightMobile.top, darkMobile.top], 'rows').to.deep.equal([lightDesktop.top, darkDesktop.top]);
      expect(darkDesktop.top, 'dark below light').to.be.at.least(lightDesktop.bottom);
      expect([darkDesktop.left, darkMobile.left], 'columns').to.deep.equal([lightDesktop.left, lightMobile.left]);
      expect(lightMobile.left, 'mobile beside desktop').to.be.at.least(lightDesktop.right);
    });

    it('counts in each category of the dialog the cookies the config declares there', async () => {
      await draftFrom(prose);
      $<HTMLInputElement>('input[name="view"][value="preferences"]').click();
      const declared = JSON.parse(editor().value).cookies as Array<{ category: string }>;
      for (const id of FRAMES) {
        const dialog = await widgetIn(id, 'dialog[open]');
        const counts = [...dialog.querySelectorAll('.category')].map((category) => /\((\d+)\)$/.exec(category.querySelector('summary')?.textContent?.trim() ?? '')?.[1]);
        const categories = JSON.parse(editor().value).categories as string[];
        expect(counts, id).to.deep.equal(categories.map((category) => String(declared.filter((cookie) => cookie.category === category).length)));
      }
    });

    it('shows the preferences dialog with the declared cookies, and follows edits to the config', async () => {
      await draftFrom(prose);
      $<HTMLInputElement>('input[name="view"][value="preferences"]').click();
      for (const id of FRAMES) {
        const dialog = await widgetIn(id, 'dialog[open]');
        expect(dialog.textContent).to.include('NFSESSION').and.include('doubleclick.net');
      }
      await edit(editor().value.replace('"title": "Cookies on our website"', '"title": "Cookies at Penrose"'));
      $<HTMLInputElement>('input[name="view"][value="banner"]').click();
      // The frame reloads with the edited config: read its banner afresh each time.
      const title = () => $<HTMLIFrameElement>('#preview-dark-mobile').contentDocument?.querySelector('cookie-consent')?.shadowRoot?.querySelector('.banner h2')?.textContent;
      await waitUntil(() => title() === 'Cookies at Penrose', 'the preview follows the edit', { timeout: 5000 });
    });
  });

  describe('the snippet', () => {
    it('gives the script tag and the JSON of the edited config, and copies it', async () => {
      await draftFrom(prose);
      const snippet = $<HTMLTextAreaElement>('#snippet').value;
      expect(snippet).to.include('<script src="/cookie-consent.min.js" data-config="#cookie-consent-config"></script>');
      const json = /<script type="application\/json" id="cookie-consent-config">\n([\s\S]*)\n<\/script>/.exec(snippet)![1];
      expect(JSON.parse(json)).to.deep.equal(JSON.parse(editor().value));
      $<HTMLButtonElement>('#copy').click();
      await waitUntil(() => $('#copy-status').textContent, 'the copy is reported');
      expect($('#copy-status').textContent).to.match(/^Copied the snippet\.$|^Copying was blocked: the snippet is selected/);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations, before and after a draft with a problem in it', async () => {
      const script = page().createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
      page().head.append(script);
      await loaded;
      const axe = (frame.contentWindow as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const violations = async () => (await axe.run(page(), { iframes: false })).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
      expect(await violations(), 'empty').to.deep.equal([]);
      await draftFrom(prose);
      await edit(editor().value.replace('"revision": 1', '"revision": "one"'));
      (page().querySelector('#report-details') as HTMLDetailsElement).open = true;
      expect(await violations(), 'drafted, with a problem').to.deep.equal([]);
    });
  });
});
