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
   * shadow a value the page sets on an ancestor such as :root. Each theme resolves the public
   * properties it uses more than once into private --_cc-* ones, which the rules below read.
   */
  :host {
    --_cc-bg: var(--cc-bg, #fff);
    --_cc-fg: var(--cc-fg, #1b1b1b);
    --_cc-muted: var(--cc-muted, #505050);
    --_cc-border: var(--cc-border, #6b6b6b);
    --_cc-accent: var(--cc-accent, #0b57d0);
    --_cc-accent-fg: var(--cc-accent-fg, #fff);
    --_cc-focus: var(--cc-focus, #b3261e);
    --_cc-button-bg: var(--cc-button-bg, var(--_cc-accent));
    --_cc-button-fg: var(--cc-button-fg, var(--_cc-accent-fg));
    --_cc-radius: var(--cc-radius, 0.5rem);
    --_cc-space: var(--cc-space, 1rem);
    --_cc-shadow: var(--cc-shadow, 0 -0.25rem 1.5rem rgb(0 0 0 / 0.2));
    --_cc-z: var(--cc-z-index, 2147483000);
    color-scheme: light;
    font: var(--cc-font-size, 1rem) / 1.5 var(--cc-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_cc-fg);
  }
  :host([theme='dark']) {
    --_cc-bg: var(--cc-bg, #1c1c1e);
    --_cc-fg: var(--cc-fg, #f2f2f2);
    --_cc-muted: var(--cc-muted, #c4c4c4);
    --_cc-border: var(--cc-border, #9a9a9a);
    --_cc-accent: var(--cc-accent, #a8c7fa);
    --_cc-accent-fg: var(--cc-accent-fg, #0b1d3a);
    --_cc-focus: var(--cc-focus, #ffb4ab);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_cc-bg: var(--cc-bg, #1c1c1e);
      --_cc-fg: var(--cc-fg, #f2f2f2);
      --_cc-muted: var(--cc-muted, #c4c4c4);
      --_cc-border: var(--cc-border, #9a9a9a);
      --_cc-accent: var(--cc-accent, #a8c7fa);
      --_cc-accent-fg: var(--cc-accent-fg, #0b1d3a);
      --_cc-focus: var(--cc-focus, #ffb4ab);
      color-scheme: dark;
    }
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
    max-width: var(--cc-max-width, 72rem);
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
  h3 {
    margin: 0;
    font-size: 1.05em;
  }
  p {
    margin: 0 0 0.5rem;
  }
  a,
  summary {
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
  dialog {
    width: min(44rem, 100% - 2 * var(--_cc-space));
    max-height: calc(100% - 2 * var(--_cc-space));
    padding: 0;
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    box-shadow: var(--_cc-shadow);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  form {
    display: flex;
    flex-direction: column;
    max-height: calc(100vh - 2 * var(--_cc-space) - 2px);
  }
  header,
  form > .actions {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    padding: var(--_cc-space);
  }
  header {
    justify-content: space-between;
    border-bottom: 1px solid var(--_cc-border);
  }
  header h2 {
    margin: 0;
  }
  form > .actions {
    border-top: 1px solid var(--_cc-border);
  }
  .close {
    flex: none;
    padding: 0;
    border-color: var(--_cc-border);
    background: transparent;
    color: var(--_cc-fg);
    font-size: 1.5em;
    line-height: 1;
  }
  .body {
    overflow: auto;
    padding: var(--_cc-space);
  }
  .category {
    padding: 0.75rem 0;
    border-top: 1px solid var(--_cc-border);
  }
  .category-head,
  .services li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
  }
  .services {
    margin: 0 0 0.5rem;
    padding-inline-start: var(--_cc-space);
    list-style: none;
  }
  .services li > span:last-child {
    flex-basis: 100%;
    color: var(--_cc-muted);
  }
  .switch {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
  }
  /* The state is in the knob's position and the On/Off text beside it, never in colour alone. */
  [role='switch'] {
    appearance: none;
    position: relative;
    width: 2.75rem;
    height: 1.5rem;
    margin: 0;
    border: 2px solid var(--_cc-border);
    border-radius: 1rem;
    background: var(--_cc-bg);
    cursor: pointer;
  }
  [role='switch']::before {
    content: '';
    position: absolute;
    inset-block: 0.125rem;
    inset-inline-start: 0.125rem;
    width: 1rem;
    border-radius: 50%;
    background: var(--_cc-border);
  }
  [role='switch']:checked {
    border-color: var(--_cc-accent);
    background: var(--_cc-accent);
  }
  [role='switch']:checked::before {
    inset-inline-start: calc(100% - 1.125rem);
    background: var(--_cc-accent-fg);
  }
  [role='switch']:disabled {
    cursor: not-allowed;
  }
  .state {
    min-width: 4.5em;
    font-size: 0.875em;
  }
  .muted,
  .badge {
    color: var(--_cc-muted);
    font-size: 0.875em;
  }
  .badge {
    padding: 0 0.25rem;
    border: 1px solid var(--_cc-border);
    border-radius: 0.25rem;
  }
  summary {
    padding: 0.25rem 0;
    cursor: pointer;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875em;
  }
  th,
  td {
    padding: 0.375rem;
    border-bottom: 1px solid var(--_cc-border);
    text-align: start;
    vertical-align: top;
  }
  address {
    display: flex;
    flex-direction: column;
    margin-top: var(--_cc-space);
    font-style: normal;
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    [role='switch']::before {
      transition: inset 0.15s ease-out;
    }
  }
  /* Forced colours replace author colours, which would leave the switch one flat colour. */
  @media (forced-colors: active) {
    .banner,
    dialog {
      border: 2px solid CanvasText;
    }
    [role='switch'] {
      forced-color-adjust: none;
      border-color: ButtonText;
      background: Canvas;
    }
    [role='switch']::before {
      background: ButtonText;
    }
    [role='switch']:checked {
      border-color: Highlight;
      background: Highlight;
    }
    [role='switch']:checked::before {
      background: HighlightText;
    }
  }
`;
