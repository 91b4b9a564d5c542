/**
 * Stand-in for a third-party analytics tag. Like the real thing it sets its cookies as soon as it
 * runs; the cookies it sets come from `data-cookies` ("_ga:P2Y,_gid:P1D") on its script tag, so it
 * sets only what the page's config declares. The widget runs it only with consent to analytics.
 */
(() => {
  const script = document.currentScript;
  const SECONDS = { Y: 31536000, M: 2592000, W: 604800, D: 86400 };
  const read = (name) => document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1);
  const declared = (script?.dataset.cookies ?? '').split(',').map((entry) => entry.trim().split(':')).filter(([name]) => name);
  const newId = () => `GA1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(Date.now() / 1000)}`;

  for (const [name, lifetime] of declared) {
    const [, count, unit] = /^P(\d+)([YMWD])$/.exec(lifetime ?? '') ?? [];
    const maxAge = count ? `; max-age=${count * SECONDS[unit]}` : '';
    // An analytics cookie keeps its visitor id across visits: only its expiry is renewed.
    document.cookie = `${name}=${read(name) ?? newId()}; path=/; SameSite=Lax${maxAge}`;
  }

  const names = declared.map(([name]) => name);
  const badges = document.getElementById('stand-in-badges') ?? document.body;
  const badge = document.createElement('span');
  badge.className = 'stand-in-badge';
  badge.textContent = `Analytics stand-in ran: counted this page view${names.length ? ` (set ${names.join(', ')})` : ''}`;
  badges.append(badge);

  (window.demoRan ??= []).push('analytics');
  document.dispatchEvent(new CustomEvent('demo-stand-in-ran', { detail: { name: 'analytics', cookies: names } }));
})();
