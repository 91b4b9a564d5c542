import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ThemeSetting } from '../core/config/config-types.js';
import { pageScheme, type Scheme } from './page-scheme.js';

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
 * Keeps `host`'s `scheme` attribute ("light" or "dark") in step with the theme and the page until
 * `unfollowScheme`; the host's styles set `color-scheme` from it, and every token's light-dark()
 * follows. Plain functions, so the script-tag file's element uses them without Lit.
 */
export function followScheme(host: HTMLElement): void {
  hosts.add(host);
  if (!watching) watch();
  // The page is read again when a host comes to a page with none, not once more for each
  // placeholder while a page of embeds is parsed: those take what the others show.
  if (current && hosts.size > 1) host.setAttribute('scheme', current);
  else update();
}

export function unfollowScheme(host: HTMLElement): void {
  hosts.delete(host);
}

/** `followScheme` for a Lit element, for as long as it is connected. */
export class ColorSchemeController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    followScheme(this.host);
  }

  hostDisconnected(): void {
    unfollowScheme(this.host);
  }
}
