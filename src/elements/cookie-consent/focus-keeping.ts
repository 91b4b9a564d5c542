/** The element that has focus, looking inside shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * Tab wraps inside the open dialog. The modal dialog makes the page inert, but Chromium still lets
 * Tab leave the last control for the browser's own UI (or <body> when headless) before coming back.
 */
export function wrapTab(dialog: HTMLDialogElement, root: ShadowRoot, event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const buttons = dialog.querySelectorAll('button');
  const [first, last] = [buttons[0], buttons[buttons.length - 1]];
  const active = root.activeElement;
  if (active !== (event.shiftKey ? first : last)) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/**
 * The centred banner has no page edge to make room at (see PageSpace), so a page element that
 * gets focus under it is scrolled clear: above it, or below it when the page cannot scroll further.
 */
export function scrollClearOf(banner: HTMLElement, target: Element): void {
  // Measured in the next frame: the browser scrolls a focused element into view after this event.
  requestAnimationFrame(() => {
    if (!banner.isConnected) return;
    const box = banner.getBoundingClientRect();
    const focused = target.getBoundingClientRect();
    if (focused.bottom <= box.top || focused.top >= box.bottom || focused.right <= box.left || focused.left >= box.right) return;
    const up = Math.ceil(focused.bottom - box.top);
    scrollBy(0, scrollY + innerHeight + up <= document.documentElement.scrollHeight ? up : Math.floor(focused.top - box.bottom));
  });
}
