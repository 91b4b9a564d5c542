/**
 * The address kept with a record when the service is told to keep one: an IPv4 address to its /24
 * and an IPv6 address to its /48, enough to tell a network apart, not a household. Null for
 * anything that is not an address.
 */
export function truncateAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ipv4 = mapped ? mapped[1] : address;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ipv4);
  if (octets) return octets.slice(1).every((octet) => Number(octet) <= 255) ? `${octets[1]}.${octets[2]}.${octets[3]}.0/24` : null;
  if (!/^[0-9a-f:]+$/i.test(address) || !address.includes(':')) return null;
  // Expand "::" to the missing zero groups, then keep the first three groups (48 bits).
  const [head, tail, extra] = address.split('::');
  if (extra !== undefined) return null;
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if ((tail === undefined ? missing !== 0 : missing < 1) || [...left, ...right].some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return null;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  return `${groups.slice(0, 3).map((group) => group.replace(/^0+(?=.)/, '').toLowerCase()).join(':')}::/48`;
}
