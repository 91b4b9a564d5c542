/**
 * The demo sites' own code. A real site's server sets its session cookie with each response; the
 * demo is plain static files, so this script sets it instead: the cookie named in
 * `data-session-cookie` on its script tag. The cookie is strictly necessary, so the script runs
 * without consent, as a normal script the widget does not hold back.
 */
(() => {
  const name = document.currentScript?.dataset.sessionCookie;
  if (!name || document.cookie.split('; ').some((pair) => pair.startsWith(`${name}=`))) return;
  const id = Array.from({ length: 4 }, () => Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0')).join('');
  // No expiry: a session cookie, gone when the browser closes, as the configs declare it.
  document.cookie = `${name}=${id}; path=/; SameSite=Lax`;
})();
