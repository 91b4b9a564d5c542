import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ThemeSetting } from '../core/config/config-types.js';

export type Scheme = 'light' | 'dark';

let canvas: CanvasRenderingContext2D | undefined;

/**
 * A computed colour in any syntax (rgb, oklch, color()…) as 8-bit sRGB with alpha (0–255). The
 * common rgb()/rgba() form is read as it is; any other goes through a canvas, which costs a context.
 */
function rgba(color: string): Iterable<number> & ArrayLike<number> {
  const rgb = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(color);
  if (rgb) return [+rgb[1], +rgb[2], +rgb[3], rgb[4] === undefined ? 255 : Math.round(+rgb[4] * 255)];
  canvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = color;
  canvas.fillRect(0, 0, 1, 1);
  return canvas.getImageData(0, 0, 1, 1).data;
}

/**
 * Light or dark, as the page looks: its background (body's, else the root's) when that is mostly
 * opaque, else its declared `color-scheme` (CSS on the root, else `<meta name="color-scheme">`),
 * which shows the dark canvas only when it allows dark and the visitor prefers it (or it allows
 * nothing else). A page that declares nothing has a white canvas whatever the visitor prefers.
 */
export function pageScheme(doc: Document = document): Scheme {
  const view = doc.defaultView!;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const [r, g, b, alpha] = rgba(view.getComputedStyle(element).backgroundColor);
    if (alpha > 127) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  let declared = view.getComputedStyle(doc.documentElement).colorScheme;
  if (!declared || declared === 'normal') declared = doc.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '';
  return /dark/.test(declared) && (!/light/.test(declared) || view.matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light';
}

/** The widget's `ui.theme`, shared with every placeholder on the page. */
let theme: ThemeSetting = 'auto';
const hosts = new Set<HTMLElement>();
let watching = false;

/** The scheme last worked out; a host that connects takes it rather than reading the page again. */
let current: Scheme | undefined;

/** Sets the scheme attribute of every host: the theme the config fixes, or the page's. */
function update(): void {
  current = theme === 'auto' ? pageScheme() : theme;
  for (const host of hosts) host.setAttribute('scheme', current);
}

/**
 * Watches, for the life of the page, what can change its look: the visitor's preference, a class
 * or style on the root or body (a site's own dark-mode switch), a background transition's end, the
 * page's load (its stylesheets).
 */
function watch(): void {
  watching = true;
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', update);
  addEventListener('load', update);
  document.addEventListener('transitionend', ({ target }) => (target === document.body || target === document.documentElement) && update());
  const observer = new MutationObserver(update);
  for (const element of [document.documentElement, document.body]) if (element) observer.observe(element, { attributes: true });
}

/** Sets the page-wide theme (the widget's config); placeholders follow it too. */
export function setTheme(value: ThemeSetting): void {
  if (value === theme) return;
  theme = value;
  update();
}

/**
 * Keeps its host's `scheme` attribute ("light" or "dark") in step with the theme and the page;
 * the host's styles set `color-scheme` from it, and every token's light-dark() follows.
 */
export class ColorSchemeController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    if (!watching) watch();
    // The page is read again when a host comes to a page with none, not once more for each
    // placeholder while a page of embeds is parsed: those take what the others show.
    if (current && hosts.size > 1) this.host.setAttribute('scheme', current);
    else update();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}
