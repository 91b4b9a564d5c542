import Cookies from 'js-cookie';

/** The attributes a cookie is written or removed with. */
export interface CookieAttributes {
  expires?: number;
  path?: string;
  domain?: string;
  sameSite?: 'Lax';
  secure?: boolean;
}

/** A cookie name as js-cookie wrote it; a name that is not valid percent-encoding is kept as it is. */
function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The only code that reads or writes cookies (through js-cookie). */
export const cookieJar = {
  get: (name: string): string | undefined => Cookies.get(name),
  set: (name: string, value: string, attributes: CookieAttributes): void => void Cookies.set(name, value, attributes),
  remove: (name: string, attributes: CookieAttributes): void => Cookies.remove(name, attributes),
  /** The names of every cookie the page can see, decoded as js-cookie encodes them. */
  names: (): string[] => Object.keys(Cookies.get()).map(decodeName),
};
