/** Resolves once the parser has opened <body>. */
const bodyOpened = (doc: Document) =>
  new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!doc.body) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(doc.documentElement, { childList: true });
  });

/**
 * The page's `<cookie-consent>`, added as the first thing in <body> when the page has none. It may
 * not be defined yet (the interface defines it): then it is a plain element. Found once the page
 * is parsed, so one the page writes itself is never missed; `early`, as soon as <body> is open, so a
 * banner can be drawn while the rest of a long page is still arriving. An element added early gives
 * way to one the page has further down, once that one is parsed.
 */
export async function hostElement(doc: Document = document, early = false): Promise<HTMLElement> {
  if (doc.readyState === 'loading') {
    if (!early) await new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }));
    else if (!doc.body) await bodyOpened(doc);
  }
  let element = doc.querySelector<HTMLElement>('cookie-consent');
  if (!element) {
    const added = (element = doc.createElement('cookie-consent'));
    doc.body.prepend(added);
    if (doc.readyState === 'loading') {
      doc.addEventListener('DOMContentLoaded', () => doc.querySelectorAll('cookie-consent').length > 1 && added.remove(), { once: true });
    }
  }
  return element;
}
