/**
 * Plain CSS text, without Lit, so `<cookie-consent>`, drawn without Lit, uses the same rules as the
 * placeholder; theme.styles.ts hands them to Lit. The tag only marks the text for the build's CSS
 * minifier.
 */
const css = (text: TemplateStringsArray): string => text[0];

/**
 * The design tokens the banner, the dialog and the placeholder share. Custom properties, read from
 * the element or any ancestor (`:root` too): `--cc-bg`, `--cc-fg`, `--cc-muted`, `--cc-border`,
 * `--cc-accent`, `--cc-accent-fg`, `--cc-button-bg`, `--cc-button-fg`, `--cc-focus`, `--cc-font`,
 * `--cc-font-size`, `--cc-radius`, `--cc-space`, `--cc-max-width`, `--cc-shadow`, `--cc-z-index`.
 */
export const TOKENS = css`
  /*
   * Defaults are var() fallbacks, never declarations of --cc-* on :host: a declaration there would
   * shadow a value the page sets on an ancestor such as :root. Each public property resolves into
   * a private --_cc-* one, which the rules read. light-dark() picks each default from the colour
   * scheme, which the scheme attribute sets (see color-scheme.ts); a colour the page sets is kept in
   * both schemes, and a page that wants another in dark sets a light-dark() pair itself.
   */
  :host {
    --_cc-bg: var(--cc-bg, light-dark(#fff, #1c1c1e));
    --_cc-fg: var(--cc-fg, light-dark(#1b1b1b, #f2f2f2));
    --_cc-muted: var(--cc-muted, light-dark(#505050, #c4c4c4));
    --_cc-border: var(--cc-border, light-dark(#6b6b6b, #9a9a9a));
    --_cc-accent: var(--cc-accent, light-dark(#0b57d0, #a8c7fa));
    --_cc-accent-fg: var(--cc-accent-fg, oklch(from var(--_cc-accent) clamp(0, (0.62 - l) * 999, 1) 0 0));
    --_cc-focus: var(--cc-focus, var(--_cc-link));
    --_cc-button-bg: var(--cc-button-bg, var(--_cc-accent));
    --_cc-button-fg: var(--cc-button-fg, var(--_cc-accent-fg));
    --_cc-radius: var(--cc-radius, 0.5rem);
    --_cc-space: var(--cc-space, 1rem);
    --_cc-shadow: var(--cc-shadow, 0 -0.25rem 1.5rem rgb(0 0 0 / 0.2));
    --_cc-z: var(--cc-z-index, 2147483000);
    --_cc-max-width: var(--cc-max-width, 72rem);
    /*
     * Text in the accent colour (links, switches, focus rings): on a dark background a dark accent
     * is lifted until it reads, so a site's brand colour keeps working in the dark scheme.
     */
    --_cc-link: light-dark(var(--_cc-accent), oklch(from var(--_cc-accent) max(l, 0.8) c h));
    color-scheme: light;
    font: var(--cc-font-size, 1rem) / 1.5 var(--cc-font, system-ui, sans-serif);
    color: var(--_cc-fg);
  }
  :host([scheme='dark']) {
    color-scheme: dark;
  }
  /* Browsers without relative colours: the defaults' own text colours. */
  @supports not (color: oklch(from red l c h)) {
    :host {
      --_cc-accent-fg: var(--cc-accent-fg, light-dark(#fff, #0b1d3a));
      --_cc-link: var(--_cc-accent);
    }
  }
`;

/**
 * The one look of a decision button, shared by the banner, the dialog and the placeholder: every
 * button a visitor decides with is the same weight, so none can outweigh another. Sizes are each
 * element's own.
 */
export const BUTTON_LOOK = css`
  button {
    border: 2px solid var(--_cc-button-bg);
    border-radius: var(--_cc-radius);
    background: var(--_cc-button-bg);
    color: var(--_cc-button-fg);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
`;

/**
 * `<cookie-consent>` itself makes no box: everything it shows is fixed to the viewport. As an inline
 * box first in <body> it would lay the whole page out again when it is added, after the page's
 * first layout (on every page view of a returning visitor, for the settings button).
 */
export const HOST = css`
  :host {
    display: contents;
  }
`;

/** Every button's size and the keyboard focus ring. */
export const CONTROLS = css`
  button {
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
  }
  /* Only keyboard focus gets the ring (WCAG 2.4.7); a mouse-opened dialog shows none on "×". */
  :focus-visible {
    outline: 3px solid var(--_cc-focus);
    outline-offset: 2px;
  }
`;

/** The "Cookie settings" button that stays on every page after a decision. */
export const SETTINGS_BUTTON = css`
  .floating {
    box-sizing: border-box;
    position: fixed;
    z-index: var(--_cc-z);
    bottom: var(--_cc-space);
    inset-inline-start: var(--_cc-space);
    border-color: var(--_cc-border);
    background: var(--_cc-bg);
    color: var(--_cc-fg);
    font: inherit;
    font-size: 0.875em;
    box-shadow: var(--_cc-shadow);
  }
`;
