/** Klaro 0.7, set up as its documentation shows. */
export const klaro = {
  id: 'klaro',
  label: 'Klaro 0.7',
  page: 'klaro.html',
  widget: [/^\/node_modules\/klaro\//],
  config: /^\/bench\/pages\/klaro-config\.js$/,
  acceptAll: "(() => { const manager = klaro.getManager(); manager.changeAll(true); manager.saveAndApplyConsents('accept'); })()",
  blocker: true,
  peer: true,
  note: 'klaro.js bundles its CSS and 27 languages; its dialog lists services, not cookies',
};
