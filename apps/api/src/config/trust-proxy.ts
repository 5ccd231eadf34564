import { BlockList, isIP } from 'node:net';

/** Express's names for address ranges (proxy-addr): 127.0.0.1/8 and ::1, 169.254/16 and fe80::/10, private ranges. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Express's `trust proxy` setting: whose `X-Forwarded-For` to believe. A whole number counts
 * hops (the last N proxies in front of the API, whoever they are); otherwise a comma-separated
 * list of addresses, CIDR ranges and the names above. Throws a message naming the bad entry.
 */
export function parseTrustProxy(value: string): number | string[] {
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (NAMED_RANGES.includes(entry) || isIP(entry) !== 0) continue;
    const [address = '', prefix = '', ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = Number(prefix);
    const valid =
      family !== 0 &&
      rest.length === 0 &&
      /^\d+$/.test(prefix) &&
      bits <= (family === 4 ? 32 : 128);
    if (!valid) {
      throw new Error(
        `"${entry}" is not a hop count, an address, a CIDR range or one of ${NAMED_RANGES.join(', ')}`,
      );
    }
    new BlockList().addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return entries;
}
