export type StorageArea = 'localStorage' | 'sessionStorage';

/** localStorage or sessionStorage, or null where the browser denies it (privacy modes, sandboxed frames). */
export function storageArea(win: Window, area: StorageArea): Storage | null {
  try {
    return win[area];
  } catch {
    return null;
  }
}

/** The keys of a storage area; none where it cannot be read. */
export function storageKeys(storage: Storage | null): string[] {
  try {
    return storage ? Object.keys(storage) : [];
  } catch {
    return [];
  }
}
