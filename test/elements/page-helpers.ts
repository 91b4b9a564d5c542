import { expect, fixture, html } from '@open-wc/testing';
import type { CookieConsentElement } from '../../src/elements/cookie-consent/cookie-consent.js';
import { createRuntime } from '../../src/runtime/page-runtime.js';
import { baseConfig, resetPage } from '../helpers.js';

/** The element that has focus in `doc`, looking inside shadow roots. */
export function deepActive(doc: Document = document): HTMLElement | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/** An element as failure messages show it: chai's message for a DOM node itself crashes the test runner's browser. */
export const nameOf = (node: Element | null | undefined): string => (node ? node.outerHTML.slice(0, 100) : String(node));

/** Asserts that `expected` has focus in `doc`, naming the element that has it otherwise. */
export function expectFocusOn(expected: Element | null, message = 'focus', doc: Document = document): void {
  const active = deepActive(doc);
  expect(active === expected, `${message}: on ${nameOf(active)}, not on ${nameOf(expected)}`).to.equal(true);
}

/** [r, g, b, alpha] of a computed colour in any syntax (`rgb()`, `oklch()`, `color()`…), alpha 0 to 1. */
function channels(color: string): number[] {
  const context = document.createElement('canvas').getContext('2d')!;
  context.fillStyle = '#010203';
  context.fillStyle = color;
  if (context.fillStyle === '#010203' && !/^(#010203|rgb\(1, 2, 3\))$/.test(color)) throw new Error(`not a colour: ${color}`);
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, Math.round((a / 255) * 100) / 100];
}

/** `color` painted over the opaque `background`, as a computed `rgb()` colour. */
export function over(color: string, background: string): string {
  const [r, g, b, a] = channels(color);
  const under = channels(background);
  const mix = (top: number, bottom: number) => Math.round(top * a + bottom * (1 - a));
  return `rgb(${mix(r, under[0])}, ${mix(g, under[1])}, ${mix(b, under[2])})`;
}

/** WCAG 2.x relative luminance. */
function luminance(color: string): number {
  const [r, g, b, a] = channels(color);
  if (a !== 1) throw new Error(`contrast of a translucent colour is undefined here: ${color}`);
  const linear = (value: number) => {
    const v = value / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.x contrast ratio of two computed colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The original `<html lang>` of the test page, restored by `resetLanguage`. */
const originalLang = document.documentElement.lang;

/**
 * Starts a fresh page in `lang`, with the built-in locales served from /dist/locales
 * (built by `npx rollup -c`), so the next `widget()` shows that language.
 */
export function pageInLanguage(lang: string): void {
  resetPage();
  document.documentElement.lang = lang;
  createRuntime(new URL('/dist/', location.href).href);
}

export function resetLanguage(): void {
  document.documentElement.lang = originalLang;
}

/** Shadow-root content of the widget in another document. */
export const shadowOf = (element: Element) => element.shadowRoot!;

export type PageWindow = Window & typeof globalThis;

/**
 * /test/fixtures/widget-page.html (the script-tag build) in a frame of the given size: sets
 * `<html lang>`, lets `setup` add page content, then initialises the widget with `config`.
 */
export async function openWidgetPage(
  options: { width?: number; height?: number; lang?: string; config?: object; setup?: (doc: Document) => void; src?: string } = {},
): Promise<{ frame: HTMLIFrameElement; win: PageWindow; element: CookieConsentElement }> {
  const { width = 800, height = 600, lang = 'en-GB', config = baseConfig, setup, src = '/test/fixtures/widget-page.html' } = options;
  const frame = await fixture<HTMLIFrameElement>(html`<iframe style="width: ${width}px; height: ${height}px; border: 0"></iframe>`);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  await loaded;
  const win = frame.contentWindow as PageWindow;
  win.document.documentElement.lang = lang;
  setup?.(win.document);
  // The config is rebuilt in the frame's realm, as a page's own inline JSON would be.
  await win.CookieConsent!.init(win.JSON.parse(JSON.stringify(config)));
  const element = win.document.querySelector('cookie-consent') as CookieConsentElement;
  await element.updateComplete;
  return { frame, win, element };
}

/** The rendered element after the next update, once any ResizeObserver callbacks have run. */
export async function settled(element: CookieConsentElement, win: Window = window): Promise<void> {
  await element.updateComplete;
  // ResizeObserver delivers after layout, before the next paint: two frames cover it.
  await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
}
