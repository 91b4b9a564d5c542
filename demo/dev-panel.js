/**
 * A developer panel for the demo pages: the visitor's consent record, the cookies the page can
 * see (checked against the config by `CookieConsent.audit()`), and which stand-ins have run.
 * It is the site's own code, so it runs without consent; it only reads, except for its buttons.
 * It refreshes on the widget's events and the stand-ins' `demo-stand-in-ran`, never on a timer.
 */
(() => {
  window.demoRan ??= [];

  const panel = document.createElement('aside');
  panel.className = 'dev-panel';
  panel.id = 'dev-panel';
  panel.setAttribute('aria-label', 'Developer panel');
  panel.innerHTML = `<details><summary>Developer panel</summary>
    <div class="dev-body">
      <h2>Consent record <code>CookieConsent.getConsent()</code></h2>
      <pre data-field="consent"></pre>
      <h2>Cookies <code>document.cookie</code></h2>
      <ul data-field="cookies"></ul>
      <h2>Stand-ins that ran <code>window.demoRan</code></h2>
      <pre data-field="ran"></pre>
      <div class="dev-actions">
        <button type="button" data-dev="refresh">Refresh</button>
        <button type="button" data-dev="reset">Reset consent</button>
        <button type="button" data-dev="clear">Delete all cookies</button>
      </div>
    </div></details>`;
  const field = (name) => panel.querySelector(`[data-field="${name}"]`);

  /** Cookie name → audit entry, from the widget's own check against the config. */
  async function auditByName() {
    try {
      const entries = (await window.CookieConsent?.audit()) ?? [];
      return new Map(entries.map((entry) => [entry.name, entry]));
    } catch {
      return new Map();
    }
  }

  /** A cookie value as a person reads it: decoded, and cut short (the consent record is shown above). */
  function shorten(value) {
    let text = value;
    try {
      text = decodeURIComponent(value);
    } catch {
      // Not percent-encoded after all: show it as it is.
    }
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  }

  let pending = 0;
  async function refresh() {
    const turn = ++pending;
    const audit = await auditByName();
    // A later refresh started while the audit ran: let it draw instead.
    if (turn !== pending) return;
    const record = window.CookieConsent?.getConsent() ?? null;
    field('consent').textContent = record ? JSON.stringify(record, null, 2) : 'null: no decision yet';

    const cookies = document.cookie.split('; ').filter(Boolean);
    field('cookies').replaceChildren(
      ...(cookies.length ? cookies : ['(none)']).map((pair) => {
        const item = document.createElement('li');
        const [name, ...rest] = pair.split('=');
        const entry = audit.get(name);
        item.textContent = rest.length ? `${name}=${shorten(rest.join('='))}` : pair;
        if (entry) {
          item.className = entry.declared ? 'declared' : 'undeclared';
          item.textContent += entry.declared ? `  ✓ ${entry.category}` : '  ✗ not declared in the config';
          if (entry.mismatch) item.textContent += ` (${entry.mismatch})`;
        }
        return item;
      }),
    );
    field('ran').textContent = window.demoRan.length ? window.demoRan.join(', ') : '(none)';
  }

  function deleteAllCookies() {
    for (const pair of document.cookie.split('; ').filter(Boolean)) {
      document.cookie = `${pair.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    }
  }

  panel.addEventListener('click', (event) => {
    const action = event.target.closest?.('[data-dev]')?.dataset.dev;
    if (action === 'refresh') void refresh();
    if (action === 'reset') {
      window.CookieConsent?.reset();
      location.reload();
    }
    if (action === 'clear') {
      // Every demo page shares the cookie jar of this host: this starts every provider afresh.
      deleteAllCookies();
      location.reload();
    }
  });
  const details = panel.querySelector('details');
  details.addEventListener('toggle', () => details.open && void refresh());
  for (const type of ['cookie-consent-ready', 'cookie-consent-change', 'cookie-consent-undeclared', 'demo-stand-in-ran']) {
    document.addEventListener(type, () => void refresh());
  }

  const mount = () => {
    document.body.append(panel);
    void refresh();
    void window.CookieConsent?.ready.then(refresh);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
