/** Osano cookieconsent 3.1, opt-in, with the page loading its own tags after consent. */
export const osano = {
  id: 'osano',
  label: 'Osano cookieconsent 3.1',
  page: 'osano.html',
  widget: [/^\/node_modules\/cookieconsent\//],
  config: 'inline',
  peer: true,
  note: 'no blocker and no categories: the page loads its tags itself after "Accept all"; no preferences dialog',
};
