/**
 * The configurator: policy text → draft config (the same pure drafter as `npx cookie-consent
 * draft`) → JSON checked as it is typed with the widget's own parser → previews of the banner and
 * the dialog in four frames → the snippet to copy. Nothing leaves the page.
 */
import { draftConfig, parseConfig } from '../dist-cli/draft.js';

const WIDGET = new URL('../dist/cookie-consent.min.js', import.meta.url).href;
const FRAMES = [
  { id: 'preview-light-desktop', theme: 'light' },
  { id: 'preview-dark-desktop', theme: 'dark' },
  { id: 'preview-light-mobile', theme: 'light' },
  { id: 'preview-dark-mobile', theme: 'dark' },
];

const $ = (selector) => document.querySelector(selector);
const policy = $('#policy');
const editor = $('#config');
const gutter = $('#gutter');
const margin = $('#margin');
const problems = $('#config-problems');
const snippet = $('#snippet');

/**
 * The line each JSON path starts on ("cookies[2].lifetime" → 31), for text that parses. Paths are
 * written as the config parser writes them.
 */
export function pathLines(text) {
  const lines = new Map();
  let index = 0;
  let line = 1;
  const space = () => {
    while (index < text.length && /\s/.test(text[index])) if (text[index++] === '\n') line++;
  };
  const string = () => {
    const start = index++;
    while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
    return JSON.parse(text.slice(start, ++index));
  };
  const value = (path) => {
    space();
    if (!lines.has(path)) lines.set(path, line);
    const char = text[index];
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      index++;
      space();
      for (let position = 0; text[index] !== close; position++) {
        space();
        let child = `${path}[${position}]`;
        if (close === '}') {
          const keyLine = line;
          const key = string();
          child = path ? `${path}.${key}` : key;
          lines.set(child, keyLine);
          space();
          index++; // the colon
        }
        value(child);
        space();
        if (text[index] === ',') index++;
        space();
      }
      index++;
    } else if (char === '"') string();
    else while (index < text.length && !/[\s,}\]]/.test(text[index])) index++;
  };
  value('');
  return lines;
}

/** The line of a path, or of the nearest enclosing one the text has ("provider.name" missing → "provider"). */
function lineOf(lines, path) {
  for (let current = path; current; current = current.replace(/(?:\.[^.[\]]+|\[\d+\])$|^[^.[\]]+$/, '')) {
    if (lines.has(current)) return lines.get(current);
  }
  return 1;
}

/** The problems in the editor's text: a JSON syntax error, or the parser's errors with their paths. */
function check(text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // V8 reports "… (line 3 column 5)" or "… at position 42".
    const { message } = error;
    const at = /line (\d+)/.exec(message)?.[1] ?? (/position (\d+)/.exec(message) ? text.slice(0, Number(/position (\d+)/.exec(message)[1])).split('\n').length : 1);
    return { problems: [{ line: Number(at), path: '(JSON)', message: `not valid JSON: ${message}` }] };
  }
  const { errors } = parseConfig(raw);
  const lines = pathLines(text);
  return { raw, problems: errors.map((error) => ({ ...error, line: lineOf(lines, error.path) })) };
}

/** Line numbers on the left of the editor; on the right, each problem's path and message beside its line. */
function renderGutter(text, found) {
  const count = text.split('\n').length;
  const byLine = new Map();
  for (const problem of found) byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem]);
  const numbers = [];
  const notes = [];
  for (let line = 1; line <= count; line++) {
    const here = byLine.get(line);
    const number = document.createElement('div');
    number.textContent = String(line);
    const note = document.createElement('div');
    note.dataset.line = String(line);
    if (here) {
      number.className = 'has-problem';
      note.className = 'has-problem';
      note.textContent = here.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
      note.title = note.textContent;
    }
    numbers.push(number);
    notes.push(note);
  }
  gutter.replaceChildren(...numbers);
  margin.replaceChildren(...notes);
  syncScroll();
}

function syncScroll() {
  gutter.scrollTop = margin.scrollTop = editor.scrollTop;
}

function renderProblems(found) {
  editor.setAttribute('aria-invalid', String(found.length > 0));
  if (!found.length) {
    problems.innerHTML = '<p class="ok">The config is valid.</p>';
    return;
  }
  const heading = document.createElement('p');
  heading.textContent = `${found.length} ${found.length === 1 ? 'problem' : 'problems'} in the config:`;
  const list = document.createElement('ul');
  for (const problem of found) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = `Line ${problem.line}`;
    button.addEventListener('click', () => goToLine(problem.line));
    const path = document.createElement('code');
    path.textContent = problem.path;
    item.append(button, ' ', path, `: ${problem.message}`);
    list.append(item);
  }
  problems.replaceChildren(heading, list);
}

function goToLine(line) {
  const offset = editor.value.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
  editor.focus();
  editor.setSelectionRange(offset, offset);
}

/** A page with the widget and this config, themed and named for its frame, in the chosen view. */
function previewPage(raw, { id, theme }, view) {
  // Each frame keeps its decision in its own cookie, cleared first, so every frame starts undecided.
  const cookieName = `cc_preview_${id.replace(/\W/g, '_')}`;
  // The declaration of the consent cookie follows it, so each category lists the cookies the config
  // declares, no more: otherwise the widget adds the preview's cookie beside the declared one.
  const declared = raw.consent?.cookieName ?? 'cookie_consent';
  const cookies = Array.isArray(raw.cookies) ? raw.cookies.map((cookie) => (cookie?.name === declared ? { ...cookie, name: cookieName } : cookie)) : raw.cookies;
  const config = { ...raw, consent: { ...raw.consent, cookieName }, cookies, ui: { ...raw.ui, theme } };
  // "</" cannot close the inline script: JSON allows it written as "<\/".
  const json = JSON.stringify(config).replace(/<\//g, '<\\/');
  const dark = theme === 'dark';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview</title>
<style>body{margin:0;padding:1.5rem;font:1rem/1.5 system-ui,sans-serif;color-scheme:${theme};background:${dark ? '#16181d' : '#fff'};color:${dark ? '#e8e8e8' : '#1d1d1f'}}main{max-width:40rem}</style>
<script>document.cookie = '${cookieName}=; max-age=0; path=/';</script>
<script type="application/json" id="cookie-consent-config">${json}</script>
<script src="${WIDGET}" data-config="#cookie-consent-config"></script>
${view === 'preferences' ? '<script>addEventListener("load", () => window.CookieConsent.ready.then(() => window.CookieConsent.showPreferences()));</script>' : ''}
</head><body><main><h1>${escapeHtml(raw.provider?.name ?? 'Your site')}</h1><p>This is how visitors see the banner and the preferences dialog.</p></main></body></html>`;
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

let lastPreview = '';
function renderPreviews(raw) {
  const view = document.querySelector('input[name="view"]:checked').value;
  const key = `${view}\n${JSON.stringify(raw)}`;
  if (key === lastPreview) return;
  lastPreview = key;
  for (const frame of FRAMES) $(`#${frame.id}`).srcdoc = previewPage(raw, frame, view);
}

function renderSnippet(raw) {
  const json = JSON.stringify(raw, null, 2).replace(/<\//g, '<\\/');
  snippet.value = `<script type="application/json" id="cookie-consent-config">\n${json}\n</script>\n<script src="/cookie-consent.min.js" data-config="#cookie-consent-config"></script>\n`;
}

/** Checks the editor's text and, when it is a valid config, previews it and writes the snippet. */
function update() {
  const { raw, problems: found } = check(editor.value);
  // Counts the checks, so a test can wait for the one its edit caused.
  editor.dataset.checks = String(Number(editor.dataset.checks ?? 0) + 1);
  renderGutter(editor.value, found);
  renderProblems(found);
  if (found.length) {
    snippet.value = '';
    $('#copy').disabled = true;
    return;
  }
  $('#copy').disabled = false;
  renderSnippet(raw);
  renderPreviews(raw);
}

function listItems(list, entries) {
  list.replaceChildren(
    ...entries.map(({ text, source }) => {
      const item = document.createElement('li');
      item.textContent = text;
      if (source) {
        const from = document.createElement(/^https?:/.test(source) ? 'a' : 'q');
        from.textContent = source;
        if (from.tagName === 'A') from.href = source;
        item.append(' — from ', from);
      }
      return item;
    }),
  );
}

function draft() {
  const result = draftConfig(policy.value);
  const status = $('#draft-status');
  if (!result.ok) {
    status.textContent = `No draft: ${result.error}`;
    status.className = 'error';
    return;
  }
  status.className = '';
  status.textContent = `Drafted ${result.config.categories.length} categories and ${result.config.cookies.length} cookies. Check what the draft left to you below.`;
  listItems($('#decisions'), result.decisions.map(({ decision, source }) => ({ text: decision, source })));
  listItems($('#notes'), result.notes.map((text) => ({ text })));
  editor.value = `${JSON.stringify(result.config, null, 2)}\n`;
  update();
}

async function copySnippet() {
  const status = $('#copy-status');
  try {
    await navigator.clipboard.writeText(snippet.value);
    status.textContent = 'Copied the snippet.';
  } catch {
    snippet.focus();
    snippet.select();
    status.textContent = document.execCommand('copy') ? 'Copied the snippet.' : 'Copying was blocked: the snippet is selected, press Ctrl+C (⌘C) to copy it.';
  }
}

let timer;
editor.addEventListener('input', () => {
  // Wait for a pause in typing before re-rendering four frames.
  clearTimeout(timer);
  timer = setTimeout(update, 250);
});
editor.addEventListener('scroll', syncScroll);
$('#draft').addEventListener('click', draft);
$('#copy').addEventListener('click', copySnippet);
for (const radio of document.querySelectorAll('input[name="view"]')) radio.addEventListener('change', update);
$('#seed').addEventListener('change', async (event) => {
  if (!event.target.value) return;
  policy.value = await (await fetch(`../seeds/${event.target.value}/policy.txt`)).text();
  draft();
});
document.documentElement.dataset.ready = 'true';
