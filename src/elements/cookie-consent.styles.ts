import { css } from 'lit';

/**
 * Theming is public API. Custom properties, read from the element or any ancestor (`:root` too):
 * `--cc-bg`, `--cc-fg`, `--cc-muted`, `--cc-border`, `--cc-accent`, `--cc-accent-fg`, `--cc-button-bg`,
 * `--cc-button-fg`, `--cc-focus`, `--cc-font`, `--cc-font-size`, `--cc-radius`, `--cc-space`,
 * `--cc-max-width`, `--cc-shadow`, `--cc-z-index`. Parts: `banner`, `button`, `link`, `dialog`,
 * `close-button`, `switch`, `table`, `floating-button`. Every decision button shares one part and
 * one rule, so no theme can make "Reject all" weaker than "Accept all".
 */
export const styles = css`
  /*
   * Defaults are var() fallbacks, never declarations of --cc-* on :host: a declaration there would
   * shadow a value the page sets on an ancestor such as :root. The public properties used more
   * than once resolve into private --_cc-* ones, which the rules (the dialog's too) read.
   * light-dark() picks each default from the colour scheme, which the theme attribute sets.
   */
  :host {
    --_cc-bg: var(--cc-bg, light-dark(#fff, #1c1c1e));
    --_cc-fg: var(--cc-fg, light-dark(#1b1b1b, #f2f2f2));
    --_cc-muted: var(--cc-muted, light-dark(#505050, #c4c4c4));
    --_cc-border: var(--cc-border, light-dark(#6b6b6b, #9a9a9a));
    --_cc-accent: var(--cc-accent, light-dark(#0b57d0, #a8c7fa));
    --_cc-accent-fg: var(--cc-accent-fg, light-dark(#fff, #0b1d3a));
    --_cc-focus: var(--cc-focus, light-dark(#b3261e, #ffb4ab));
    --_cc-button-bg: var(--cc-button-bg, var(--_cc-accent));
    --_cc-button-fg: var(--cc-button-fg, var(--_cc-accent-fg));
    --_cc-radius: var(--cc-radius, 0.5rem);
    --_cc-space: var(--cc-space, 1rem);
    --_cc-shadow: var(--cc-shadow, 0 -0.25rem 1.5rem rgb(0 0 0 / 0.2));
    --_cc-z: var(--cc-z-index, 2147483000);
    --_cc-max-width: var(--cc-max-width, 72rem);
    color-scheme: light;
    font: var(--cc-font-size, 1rem) / 1.5 var(--cc-font, system-ui, sans-serif);
    color: var(--_cc-fg);
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  .banner,
  dialog,
  .floating {
    box-sizing: border-box;
    background: var(--_cc-bg);
    color: var(--_cc-fg);
    font: inherit;
  }
  .banner {
    position: fixed;
    z-index: var(--_cc-z);
    inset: auto 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space);
    align-items: flex-end;
    justify-content: center;
    max-height: 100vh;
    overflow: auto;
    padding: var(--_cc-space);
    border-top: 1px solid var(--_cc-border);
    box-shadow: var(--_cc-shadow);
  }
  .banner .text {
    flex: 1 1 30rem;
    max-width: var(--_cc-max-width);
  }
  /* Logical insets: the box sits at the inline end, so right-to-left pages get it mirrored. */
  :host([layout='box']) .banner,
  :host([layout='center']) .banner {
    inset: auto;
    bottom: var(--_cc-space);
    inset-inline-end: var(--_cc-space);
    width: min(28rem, 100% - 2 * var(--_cc-space));
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
  }
  /* Centred by auto margins rather than a half-pixel translate, which blurs text. */
  :host([layout='center']) .banner {
    inset: 0;
    height: fit-content;
    max-height: calc(100% - 2 * var(--_cc-space));
    margin: auto;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
    line-height: 1.3;
  }
  p {
    margin: 0 0 0.5rem;
  }
  a {
    color: var(--_cc-accent);
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .actions button {
    flex: 1 1 auto;
  }
  button {
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_cc-button-bg);
    border-radius: var(--_cc-radius);
    background: var(--_cc-button-bg);
    color: var(--_cc-button-fg);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  /* Only keyboard focus gets the ring (WCAG 2.4.7); a mouse-opened dialog shows none on "×". */
  :focus-visible {
    outline: 3px solid var(--_cc-focus);
    outline-offset: 2px;
  }
  .floating {
    position: fixed;
    z-index: var(--_cc-z);
    bottom: var(--_cc-space);
    inset-inline-start: var(--_cc-space);
    border-color: var(--_cc-border);
    font-size: 0.875em;
    box-shadow: var(--_cc-shadow);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Forced colours replace author colours; the border keeps the banner apart from the page. */
  @media (forced-colors: active) {
    .banner {
      border: 2px solid CanvasText;
    }
  }
`;
