import type { ConsentConfig } from '../core/config/config-types.js';
import { planCleanup } from '../core/cleanup-plan.js';
import { cookieJar } from './cookie-jar.js';
import { storageArea, storageKeys } from './web-storage.js';

/** Deletes the cookies and storage keys of withdrawn or refused categories, as `planCleanup` plans them for this page. */
export function cleanUpCategories(config: Pick<ConsentConfig, 'cookies' | 'storage'>, categories: readonly string[], win: Window = window): void {
  if (!categories.length) return;
  // An area is opened only when a declaration of these categories is in it: the first touch of
  // localStorage on a page loads it from the browser, synchronously.
  const declared = (area: 'local' | 'session') => config.storage.some((entry) => entry.area === area && categories.includes(entry.category));
  const local = declared('local') ? storageArea(win, 'localStorage') : null;
  const session = declared('session') ? storageArea(win, 'sessionStorage') : null;
  const plan = planCleanup(config, categories, {
    host: win.location.hostname,
    cookieNames: cookieJar.names(),
    localStorage: storageKeys(local),
    sessionStorage: storageKeys(session),
  });
  for (const { name, domain, path } of plan.cookies) cookieJar.remove(name, domain ? { domain, path } : { path });
  for (const key of plan.localStorage) local?.removeItem(key);
  for (const key of plan.sessionStorage) session?.removeItem(key);
}
