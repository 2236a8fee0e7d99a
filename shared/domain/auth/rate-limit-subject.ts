// Not `import … from 'node:net'`: an ES import of a built-in reads every export, and net's
// BlockList and SocketAddress load only when read (about 1 ms of each cold start, for nothing).
const { isIPv4, isIPv6 } = process.getBuiltinModule('node:net');

/**
 * What a per-IP rate limit counts a caller as. One customer line gets a whole IPv6 /64
 * (2^64 addresses), so an IPv6 address counts as its /64 prefix, written as `2001:db8:0:1::/64`
 * however the address was spelled; an IPv4 address counts as itself, and so does one written
 * IPv4-mapped (`::ffff:198.51.100.7`, as a dual-stack socket reports it). Anything else (say,
 * `unknown`) is kept as it is. The full address is still what approvals record (client-ip.ts).
 */
export function rateLimitSubject(ip: string): string {
  const address = ip.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return ip;
  const hextets = expandIPv6(address.toLowerCase());
  if (hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff) {
    return [hextets[6]! >> 8, hextets[6]! & 0xff, hextets[7]! >> 8, hextets[7]! & 0xff].join('.');
  }
  return `${hextets
    .slice(0, 4)
    .map((h) => h.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 as two groups). */
function expandIPv6(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const groups = (part: string) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const front = groups(head);
  if (tail === undefined) return front;
  const back = groups(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}
