/** The floor: the same banner as static HTML and CSS, no script; the cheapest a banner can be. */
export const floor = {
  id: 'floor',
  label: 'floor (static HTML)',
  page: 'floor.html',
  widget: [],
  config: null,
  note: 'no script: banner is inline HTML/CSS, buttons do nothing',
};
