/**
 * Lookups of names a page, a visitor or a stored cookie supplies (a `data-category`, a service, an
 * `<html lang>`, a key of the config) in plain objects. A plain object inherits "constructor",
 * "toString", "__proto__" and the rest of `Object.prototype`, so `map[name]` finds a function for
 * them: only the object's own properties count. Pure, no DOM.
 */

/** True only when `name` is an own property of `map` whose value is `true`. */
export const isOwnTrue = (map: Readonly<Record<string, unknown>> | null | undefined, name: string): boolean =>
  !!map && Object.hasOwn(map, name) && map[name] === true;

/** `map[name]` when it is an own property of `map`, else undefined. */
export const ownValue = <T>(map: Readonly<Record<string, T>> | null | undefined, name: string): T | undefined =>
  map && Object.hasOwn(map, name) ? map[name] : undefined;
