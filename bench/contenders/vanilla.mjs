/** vanilla-cookieconsent 3.1, set up as its documentation shows. */
export const vanilla = {
  id: 'vanilla',
  label: 'vanilla-cookieconsent 3.1',
  page: 'vanilla.html',
  widget: [/^\/node_modules\/vanilla-cookieconsent\//],
  config: /^\/bench\/pages\/vanilla-config\.js$/,
  acceptAll: "CookieConsent.acceptCategory('all')",
  showPreferences: 'CookieConsent.showPreferences()',
  dialogReady: `(n) => document.documentElement.classList.contains('show--preferences') &&
    document.querySelectorAll('#cc-main .pm tbody tr').length >= n`,
  blocker: true,
  peer: true,
};
