/**
 * The page the service serves at `/records`: look up a consent id (its history, and what each
 * record's visitor was shown, printable as proof), export a date range, see counts per day. The
 * page holds no data: each request carries the read token the owner types in, kept for the tab only.
 * Every value from the store is written as text, never as markup.
 */
export const lookupPage = (prefix: string): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent records</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
  fieldset { border: 1px solid #bbb; margin: 0 0 1.5rem; }
  label { display: inline-block; margin: 0.25rem 1rem 0.25rem 0; }
  input, select, button { font: inherit; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
  #status { color: #8a1c1c; min-height: 1.5em; }
  @media print { fieldset, #status, button { display: none; } }
</style>
</head>
<body>
<h1>Consent records</h1>
<fieldset><legend>Read token</legend>
  <label>Token <input id="token" type="password" autocomplete="off" size="40"></label>
</fieldset>
<form id="lookup"><fieldset><legend>Look up a consent id</legend>
  <label>Consent id <input id="id" required pattern="[0-9a-fA-F-]{36}" size="40"></label>
  <button>Look up</button> <button type="button" id="print">Print proof</button>
</fieldset></form>
<form id="export"><fieldset><legend>Export and counts</legend>
  <label>From <input id="from" type="date" required></label>
  <label>To (not included) <input id="to" type="date" required></label>
  <label>Format <select id="format"><option>csv</option><option>jsonl</option></select></label>
  <button>Export</button> <button type="button" id="stats">Counts per day</button>
</fieldset></form>
<p id="status" role="status"></p>
<main id="result"></main>
<script>
const prefix = ${JSON.stringify(prefix)};
const $ = (id) => document.getElementById(id);
const token = $('token');
token.value = sessionStorage.getItem('consent-records-token') || '';
token.addEventListener('change', () => sessionStorage.setItem('consent-records-token', token.value));
const today = new Date().toISOString().slice(0, 10);
$('from').value = today.slice(0, 8) + '01';
$('to').value = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
const element = (tag, text, children = []) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
};
const table = (headings, rows) => element('table', undefined, [
  element('thead', undefined, [element('tr', undefined, headings.map((heading) => element('th', heading)))]),
  element('tbody', undefined, rows.map((cells) => element('tr', undefined, cells.map((cell) => element('td', String(cell)))))),
]);
const granted = (map) => Object.entries(map).map(([id, on]) => id + (on ? ' ✓' : ' ✗')).join(', ');
async function request(path) {
  $('status').textContent = '';
  const response = await fetch(prefix + path, { headers: { authorization: 'Bearer ' + token.value } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    $('status').textContent = response.status + ': ' + (body.error || response.statusText);
    return null;
  }
  return response;
}
$('lookup').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await request('/consent/' + encodeURIComponent($('id').value.trim()));
  if (!response) return;
  const history = await response.json();
  const parts = [element('h2', 'Consent id ' + history.id),
    table(['Decided (visitor’s clock)', 'Received', 'Decision', 'Method', 'Categories', 'Services', 'GPC', 'Language', 'Revision', 'Config hash', 'Shown'],
      history.records.map((r) => [r.timestamp, r.receivedAt, r.decision, r.method, granted(r.categories), granted(r.services), r.gpc ? 'yes' : 'no', r.language, r.revision, r.configHash, r.shownHash ? r.shownHash.slice(7, 19) : '—']))];
  for (const [hash, shown] of Object.entries(history.shown)) {
    parts.push(element('h3', 'What the visitor was shown (' + hash.slice(7, 19) + ')'));
    parts.push(element('p', 'Privacy policy: ' + shown.policyUrl + (shown.cookiePolicyUrl ? ' · Cookie policy: ' + shown.cookiePolicyUrl : '')));
    parts.push(table(['Category', 'Description', 'Services'], shown.categories.map((c) => [c.title + ' (' + c.id + ')', c.description, c.services.map((s) => s.name + (s.provider ? ' — ' + s.provider : '')).join('; ')])));
    parts.push(table(['String', 'Text'], Object.entries(shown.strings)));
  }
  $('result').replaceChildren(...parts);
});
$('print').addEventListener('click', () => print());
$('export').addEventListener('submit', async (event) => {
  event.preventDefault();
  const format = $('format').value;
  const response = await request('/export?from=' + $('from').value + '&to=' + $('to').value + '&format=' + format);
  if (!response) return;
  const link = element('a', 'Download');
  link.href = URL.createObjectURL(await response.blob());
  link.download = 'consent-records-' + $('from').value + '.' + format;
  link.click();
});
$('stats').addEventListener('click', async () => {
  const response = await request('/stats?from=' + $('from').value + '&to=' + $('to').value);
  if (response) $('result').replaceChildren(element('h2', 'Records per day'), table(['Day (UTC)', 'Decision', 'Records'], (await response.json()).map((row) => [row.day, row.decision, row.count])));
});
</script>
</body>
</html>
`;
