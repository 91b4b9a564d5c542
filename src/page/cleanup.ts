import type { ConsentConfig } from '../core/config/config-types.js';
import { planCleanup } from '../core/cleanup-plan.js';
import { cookieJar } from './cookie-jar.js';
import { storageArea, storageKeys } from './web-storage.js';

/** Deletes the cookies and storage keys of withdrawn or refused categories, as `planCleanup` plans them for this page. */
export function cleanUpCategories(config: Pick<ConsentConfig, 'cookies' | 'storage'>, categories: readonly string[], win: Window = window): void {
  if (!categories.length) return;
  const local = storageArea(win, 'localStorage');
  const session = storageArea(win, 'sessionStorage');
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
