/** Our widget: the script-tag file, its banner in a shadow root, the dialog drawn by the interface. */
export const ours = {
  id: 'ours',
  label: 'cookie-consent (ours)',
  page: 'ours.html',
  widget: [/^\/dist\/.*\.(js|css)$/],
  config: 'inline',
  acceptAll: 'CookieConsent.acceptAll()',
  showPreferences: 'CookieConsent.showPreferences()',
  dialogReady: `(n) => {
    const host = document.querySelector('cookie-consent');
    if (!host || !host.shadowRoot) return false;
    let open = false;
    let rows = 0;
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'dialog' && element.open) open = true;
        else if (element.localName === 'tr' ? element.parentElement && element.parentElement.localName === 'tbody' : element.getAttribute('role') === 'row') rows++;
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(host.shadowRoot);
    return open && rows >= n;
  }`,
  blocker: true,
};
