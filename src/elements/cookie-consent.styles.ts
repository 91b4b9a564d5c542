import { css } from 'lit';

/**
 * Theming is public API: the `--cc-*` custom properties below and the parts `banner`, `button`,
 * `link`, `dialog`, `close-button`, `switch`, `table` and `floating-button`. Every decision button
 * shares one part and one rule, so no theme can make "Reject all" weaker than "Accept all".
 */
export const styles = css`
  :host {
    --cc-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --cc-font-size: 1rem;
    --cc-bg: #fff;
    --cc-fg: #1b1b1b;
    --cc-muted: #505050;
    --cc-border: #6b6b6b;
    --cc-accent: #0b57d0;
    --cc-accent-fg: #fff;
    --cc-button-bg: var(--cc-accent);
    --cc-button-fg: var(--cc-accent-fg);
    --cc-focus: #b3261e;
    --cc-radius: 0.5rem;
    --cc-space: 1rem;
    --cc-max-width: 72rem;
    --cc-shadow: 0 -0.25rem 1.5rem rgb(0 0 0 / 0.2);
    --cc-z-index: 2147483000;
    color-scheme: light;
    font: var(--cc-font-size) / 1.5 var(--cc-font);
    color: var(--cc-fg);
  }
  :host([theme='dark']) {
    --cc-bg: #1c1c1e;
    --cc-fg: #f2f2f2;
    --cc-muted: #c4c4c4;
    --cc-border: #9a9a9a;
    --cc-accent: #a8c7fa;
    --cc-accent-fg: #0b1d3a;
    --cc-focus: #ffb4ab;
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --cc-bg: #1c1c1e;
      --cc-fg: #f2f2f2;
      --cc-muted: #c4c4c4;
      --cc-border: #9a9a9a;
      --cc-accent: #a8c7fa;
      --cc-accent-fg: #0b1d3a;
      --cc-focus: #ffb4ab;
      color-scheme: dark;
    }
  }
  .banner,
  dialog,
  .floating {
    box-sizing: border-box;
    background: var(--cc-bg);
    color: var(--cc-fg);
    font: inherit;
  }
  .banner {
    position: fixed;
    z-index: var(--cc-z-index);
    inset: auto 0 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--cc-space);
    align-items: flex-end;
    justify-content: center;
    max-height: 100vh;
    overflow: auto;
    padding: var(--cc-space);
    border-top: 1px solid var(--cc-border);
    box-shadow: var(--cc-shadow);
  }
  .banner .text {
    flex: 1 1 30rem;
    max-width: var(--cc-max-width);
  }
  :host([layout='box']) .banner,
  :host([layout='center']) .banner {
    inset: auto var(--cc-space) var(--cc-space) auto;
    width: min(28rem, calc(100% - 2 * var(--cc-space)));
    border: 1px solid var(--cc-border);
    border-radius: var(--cc-radius);
  }
  :host([layout='center']) .banner {
    inset: 50% auto auto 50%;
    transform: translate(-50%, -50%);
    max-height: calc(100vh - 2 * var(--cc-space));
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
  a {
    color: var(--cc-accent);
    text-decoration: underline;
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
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--cc-button-bg);
    border-radius: var(--cc-radius);
    background: var(--cc-button-bg);
    color: var(--cc-button-fg);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--cc-focus);
    outline-offset: 2px;
  }
  .floating {
    position: fixed;
    z-index: var(--cc-z-index);
    inset: auto auto var(--cc-space) var(--cc-space);
    border: 1px solid var(--cc-border);
    color: var(--cc-fg);
    font-size: 0.875em;
    box-shadow: var(--cc-shadow);
  }
  dialog {
    width: min(44rem, calc(100% - 2 * var(--cc-space)));
    max-height: calc(100% - 2 * var(--cc-space));
    padding: 0;
    border: 1px solid var(--cc-border);
    border-radius: var(--cc-radius);
    box-shadow: var(--cc-shadow);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  form {
    display: flex;
    flex-direction: column;
    max-height: calc(100vh - 2 * var(--cc-space) - 2px);
  }
  header,
  form > .actions {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    padding: var(--cc-space);
  }
  header {
    justify-content: space-between;
    border-bottom: 1px solid var(--cc-border);
  }
  header h2 {
    margin: 0;
  }
  form > .actions {
    border-top: 1px solid var(--cc-border);
  }
  .close {
    flex: none;
    padding: 0;
    border-color: var(--cc-border);
    background: transparent;
    color: var(--cc-fg);
    font-size: 1.5em;
    line-height: 1;
  }
  .body {
    overflow: auto;
    padding: var(--cc-space);
  }
  .category {
    padding: 0.75rem 0;
    border-top: 1px solid var(--cc-border);
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
    padding-inline-start: var(--cc-space);
    list-style: none;
  }
  .services li > span:last-child {
    flex-basis: 100%;
    color: var(--cc-muted);
  }
  .switch {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
  }
  input[role='switch'] {
    appearance: none;
    position: relative;
    width: 2.75rem;
    height: 1.5rem;
    margin: 0;
    border: 2px solid var(--cc-border);
    border-radius: 1rem;
    background: var(--cc-bg);
    cursor: pointer;
  }
  input[role='switch']::before {
    content: '';
    position: absolute;
    inset: 0.125rem auto 0.125rem 0.125rem;
    width: 1rem;
    border-radius: 50%;
    background: var(--cc-border);
  }
  input[role='switch']:checked {
    border-color: var(--cc-accent);
    background: var(--cc-accent);
  }
  input[role='switch']:checked::before {
    inset-inline-start: auto;
    inset-inline-end: 0.125rem;
    left: auto;
    right: 0.125rem;
    background: var(--cc-accent-fg);
  }
  :host([dir='rtl']) input[role='switch']:checked::before {
    right: auto;
    left: 0.125rem;
  }
  input[role='switch']:disabled {
    cursor: not-allowed;
  }
  .state {
    min-width: 4.5em;
    font-size: 0.875em;
  }
  .muted,
  .badge {
    color: var(--cc-muted);
    font-size: 0.875em;
  }
  .badge {
    padding: 0 0.25rem;
    border: 1px solid var(--cc-border);
    border-radius: 0.25rem;
  }
  summary {
    padding: 0.25rem 0;
    color: var(--cc-accent);
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
    border-bottom: 1px solid var(--cc-border);
    text-align: start;
    vertical-align: top;
  }
  address {
    display: flex;
    flex-direction: column;
    margin-top: var(--cc-space);
    font-style: normal;
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
    input[role='switch']::before {
      transition: inset 0.15s ease-out;
    }
  }
  @media (forced-colors: active) {
    button,
    input[role='switch'] {
      border: 2px solid ButtonText;
    }
    input[role='switch']:checked {
      background: Highlight;
    }
    input[role='switch']::before {
      background: ButtonText;
    }
    .banner,
    dialog {
      border: 2px solid CanvasText;
    }
  }
`;
