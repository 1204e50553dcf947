import "server-only";
import { BlockList, isIP } from "node:net";

/** Why an address is not a public internet address. */
export type NonPublicKind =
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "unique-local"
  | "shared (CGNAT)"
  | "multicast"
  | "cloud metadata"
  | "reserved";

interface Range {
  cidr: string;
  kind: NonPublicKind;
}

// Metadata first: it sits inside link-local / unique-local and deserves the sharper label.
const IPV4_RANGES: readonly Range[] = [
  { cidr: "169.254.169.254/32", kind: "cloud metadata" },
  { cidr: "100.100.100.200/32", kind: "cloud metadata" },
  { cidr: "0.0.0.0/8", kind: "unspecified" },
  { cidr: "10.0.0.0/8", kind: "private" },
  { cidr: "100.64.0.0/10", kind: "shared (CGNAT)" },
  { cidr: "127.0.0.0/8", kind: "loopback" },
  { cidr: "169.254.0.0/16", kind: "link-local" },
  { cidr: "172.16.0.0/12", kind: "private" },
  { cidr: "192.0.0.0/24", kind: "reserved" },
  { cidr: "192.0.2.0/24", kind: "reserved" },
  { cidr: "192.168.0.0/16", kind: "private" },
  { cidr: "198.18.0.0/15", kind: "reserved" },
  { cidr: "198.51.100.0/24", kind: "reserved" },
  { cidr: "203.0.113.0/24", kind: "reserved" },
  { cidr: "224.0.0.0/4", kind: "multicast" },
  { cidr: "240.0.0.0/4", kind: "reserved" },
];

const IPV6_RANGES: readonly Range[] = [
  { cidr: "fd00:ec2::254/128", kind: "cloud metadata" },
  { cidr: "::/128", kind: "unspecified" },
  { cidr: "::1/128", kind: "loopback" },
  // Deprecated IPv4-compatible form (::a.b.c.d); nothing public lives there.
  { cidr: "::/96", kind: "reserved" },
  { cidr: "64:ff9b:1::/48", kind: "private" },
  { cidr: "100::/64", kind: "reserved" },
  { cidr: "2001:db8::/32", kind: "reserved" },
  { cidr: "fc00::/7", kind: "unique-local" },
  { cidr: "fe80::/10", kind: "link-local" },
  { cidr: "fec0::/10", kind: "private" },
  { cidr: "ff00::/8", kind: "multicast" },
];

function compile(ranges: readonly Range[], family: "ipv4" | "ipv6") {
  return ranges.map(({ cidr, kind }) => {
    const [address, prefix] = cidr.split("/");
    const list = new BlockList();
    list.addSubnet(address, Number(prefix), family);
    return { list, kind };
  });
}

const V4 = compile(IPV4_RANGES, "ipv4");
const V6 = compile(IPV6_RANGES, "ipv6");

/** The eight 16-bit groups of an IPv6 address (accepts a dotted IPv4 tail). */
export function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0];
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => Number.parseInt(g, 16));
}

function v4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** IPv4 address carried inside an IPv6 one (mapped, NAT64, 6to4), which is where the packet really goes. */
export function embeddedIPv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return v4FromGroups(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4FromGroups(g[6], g[7]);
  if (g[0] === 0x2002) return v4FromGroups(g[1], g[2]);
  return undefined;
}

/** The kind of non-public address `ip` is, or undefined when it is a public address. */
export function classifyIp(ip: string): NonPublicKind | undefined {
  const family = isIP(ip);
  if (family === 4) return V4.find((r) => r.list.check(ip, "ipv4"))?.kind;
  if (family === 6) {
    const inner = embeddedIPv4(ip);
    if (inner) return classifyIp(inner);
    return V6.find((r) => r.list.check(ip, "ipv6"))?.kind;
  }
  return undefined;
}
