/**
 * The banner's and the settings button's rules, after the shared tokens (theme.css.ts), as plain CSS
 * text: the script-tag file draws them without Lit. Parts: `banner`, `button`, `link`, `dialog`,
 * `close-button`, `switch`, `table`, `floating-button`. Every decision button shares one part and one
 * rule, so no theme can make "Reject all" weaker than "Accept all".
 */
import { BUTTON_LOOK, CONTROLS, HOST, SETTINGS_BUTTON, TOKENS } from '../theme.css.js';

/** Marks the text for the build's CSS minifier. */
const css = (text: TemplateStringsArray): string => text[0];

export const STYLES = HOST + TOKENS + BUTTON_LOOK + CONTROLS + SETTINGS_BUTTON + css`
  .banner,
  dialog {
    box-sizing: border-box;
    background: var(--_cc-bg);
    color: var(--_cc-fg);
    font: inherit;
  }
  /* The banner is the container its parts query: its width, not the viewport's, picks the layout. */
  .banner {
    position: fixed;
    z-index: var(--_cc-z);
    inset: auto 0 0;
    container-type: inline-size;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cc-space);
    align-items: center;
    justify-content: center;
    max-height: 100svh;
    overflow: auto;
    padding: var(--_cc-space);
    border-top: 1px solid var(--_cc-border);
    box-shadow: var(--_cc-shadow);
  }
  /* A readable measure: on a wide screen the text keeps to about 70 characters a line. */
  .banner .text {
    flex: 1 1 30rem;
    max-width: min(var(--_cc-max-width), 70ch);
    /* What the banner holds besides the summary, so the summary can take the rest of 40% of the screen. */
    --_cc-rest: 7rem;
  }
  /*
   * The summary shows whole lines up to what keeps the banner within 40% of the screen (at least
   * two); "More" shows the rest. Clipped text stays in the accessibility tree.
   */
  .summary {
    max-height: max(2lh, round(down, 40svh - var(--_cc-rest), 1lh));
    overflow: hidden;
    margin-bottom: 0.5rem;
  }
  /*
   * A clipped summary ends in an ellipsis over its last line rather than a silent cut. Drawn over the
   * text, so it changes no size: the element sets the class from the banner's ResizeObserver.
   */
  .summary.clamped:not(.open) {
    position: relative;
  }
  .summary.clamped:not(.open)::after {
    content: '…';
    position: absolute;
    bottom: 0;
    inset-inline-end: 0;
    padding-inline: 0.5em 0;
    background: linear-gradient(to var(--_cc-ellipsis-side, right), transparent, var(--_cc-bg) 0.5em);
  }
  :host([dir='rtl']) .summary.clamped:not(.open)::after {
    --_cc-ellipsis-side: left;
  }
  .summary.open {
    max-height: none;
  }
  .summary p {
    margin: 0;
  }
  .summary p + p {
    margin-top: 0.5rem;
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
  /*
   * Centred by auto margins rather than a half-pixel translate, which blurs text. The backdrop is a
   * shadow: it dims the page but leaves it readable, clickable and in reach of a screen reader.
   */
  :host([layout='center']) .banner {
    inset: 0;
    height: fit-content;
    max-height: calc(100% - 2 * var(--_cc-space));
    margin: auto;
    box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.35), var(--_cc-shadow);
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
    line-height: 1.3;
  }
  p {
    margin: 0 0 0.5rem;
  }
  a,
  .more {
    color: var(--_cc-link);
  }
  .links {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  /* "More" reads as the links beside it; still a 24 px target (WCAG 2.5.8). */
  button.more {
    min-height: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    font-weight: inherit;
    text-decoration: underline;
  }
  /* Equal buttons: a column beside the text, or under it on narrow screens with accept and reject side by side. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .actions button {
    flex: 1 1 auto;
  }
  .banner .actions {
    display: grid;
  }
  @container (width < 40rem) {
    .banner .text,
    .actions {
      flex-basis: 100%;
    }
    .banner .text {
      --_cc-rest: 13rem;
    }
    .actions {
      grid-template-columns: 1fr 1fr;
    }
    [data-action='manage'] {
      grid-column: 1 / -1;
    }
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
