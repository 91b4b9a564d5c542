/**
 * The page's own look, read without Lit: `<cookie-consent>`, which the script-tag file draws, uses
 * it, and the colour-scheme watch (color-scheme.ts) builds on it.
 */
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
