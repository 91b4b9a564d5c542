import { css } from 'lit';

/** The preferences dialog's own rules, added to the element's when the panel loads. */
export const preferencesStyles = css`
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
  /* The container the decision buttons query: the dialog's width, not the viewport's, picks their layout. */
  form {
    container-type: inline-size;
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
  /*
   * Reject all as prominent as Accept all in this layer too: equal columns, never widths that follow
   * the labels, and one height per row when a longer label (another language) wraps. On a narrow
   * dialog Save takes the first row and the two decisions share the second.
   */
  form > .actions {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    align-items: stretch;
    border-top: 1px solid var(--_cc-border);
  }
  @container (width < 30rem) {
    form > .actions {
      grid-template-columns: 1fr 1fr;
    }
    form > .actions button {
      padding-inline: 0.5rem;
    }
    [data-action='save'] {
      grid-column: 1 / -1;
    }
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
  /* The state text before the switch, so every switch sits in one column whatever its text's length. */
  .switch {
    display: inline-flex;
    flex-direction: row-reverse;
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
    border-color: var(--_cc-link);
    background: var(--_cc-link);
  }
  [role='switch']:checked::before {
    inset-inline-start: calc(100% - 1.125rem);
    background: var(--_cc-bg);
  }
  [role='switch']:disabled {
    cursor: not-allowed;
  }
  .state {
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
  h3 {
    margin: 0;
    font-size: 1.05em;
  }
  summary {
    color: var(--_cc-link);
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
  @media (prefers-reduced-motion: no-preference) {
    [role='switch']::before {
      transition: inset 0.15s ease-out;
    }
  }
  /* Forced colours replace author colours, which would leave the switch one flat colour. */
  @media (forced-colors: active) {
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
