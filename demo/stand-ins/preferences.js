/**
 * Stand-in for a script that recognises returning visitors. It remembers the date of the last
 * visit in the cookie named by `data-cookies` ("cc_demo_pref:P1Y") and greets the visitor in the
 * element with id `data-greeting` (default "greeting"). The widget runs it only with consent to
 * preferences.
 */
(() => {
  const script = document.currentScript;
  const SECONDS = { Y: 31536000, M: 2592000, W: 604800, D: 86400 };
  const read = (name) => document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1);
  const declared = (script?.dataset.cookies ?? '').split(',').map((entry) => entry.trim().split(':')).filter(([name]) => name);
  const today = new Date().toISOString().slice(0, 10);

  let lastVisit;
  for (const [name, lifetime] of declared) {
    lastVisit ??= read(name);
    const [, count, unit] = /^P(\d+)([YMWD])$/.exec(lifetime ?? '') ?? [];
    const maxAge = count ? `; max-age=${count * SECONDS[unit]}` : '';
    document.cookie = `${name}=${today}; path=/; SameSite=Lax${maxAge}`;
  }

  const greeting = document.getElementById(script?.dataset.greeting ?? 'greeting');
  if (greeting) {
    greeting.textContent = lastVisit
      ? `Welcome back. We last saw you on ${new Date(lastVisit).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.`
      : 'Welcome. We will recognise you when you come back.';
  }

  const names = declared.map(([name]) => name);
  const badges = document.getElementById('stand-in-badges') ?? document.body;
  const badge = document.createElement('span');
  badge.className = 'stand-in-badge';
  badge.textContent = `Preferences stand-in ran${names.length ? ` (set ${names.join(', ')})` : ''}`;
  badges.append(badge);

  (window.demoRan ??= []).push('preferences');
  document.dispatchEvent(new CustomEvent('demo-stand-in-ran', { detail: { name: 'preferences', cookies: names } }));
})();
