/**
 * A small, fast, seeded pseudo-random number generator for the demo-data generator.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state) seeded through
 * splitmix32: the same seed always gives the same sequence, on every platform, so the same seed
 * gives the same data set, ids included. Not for anything secret.
 */

/** 32-bit FNV-1a over the given parts: turns (seed, label, …) into a 32-bit seed. */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = `${typeof part}:${String(part)}|`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** ASCII codes of the two hex digits of each byte */
const HEX_CODES = new Uint8Array(512);
for (let i = 0; i < 256; i++) {
  const h = i.toString(16).padStart(2, '0');
  HEX_CODES[2 * i] = h.charCodeAt(0);
  HEX_CODES[2 * i + 1] = h.charCodeAt(1);
}
const UUID_CHARS = new Uint16Array(36);
UUID_CHARS[8] = UUID_CHARS[13] = UUID_CHARS[18] = UUID_CHARS[23] = 45; // '-'

function putByte(pos: number, byte: number): void {
  UUID_CHARS[pos] = HEX_CODES[2 * byte]!;
  UUID_CHARS[pos + 1] = HEX_CODES[2 * byte + 1]!;
}

function putWord(pos: number, w: number): void {
  putByte(pos, w >>> 24);
  putByte(pos + 2, (w >>> 16) & 255);
  putByte(pos + 4, (w >>> 8) & 255);
  putByte(pos + 6, w & 255);
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    let s = (typeof seed === 'number' && Number.isInteger(seed) ? seed : hashSeed(seed)) >>> 0;
    // splitmix32 spreads even small, similar seeds (1, 2, 3 …) over the whole state
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 16; i++) this.next();
  }

  /** the next unsigned 32-bit integer */
  next(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** a float in [0, 1) */
  float(): number {
    return this.next() / 4294967296;
  }

  /** an integer in [min, max], both included */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** true with probability p */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** pick by weight: [[value, weight], …] */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.float() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    const last = items[items.length - 1];
    if (!last) throw new RangeError('weighted() from an empty list');
    return last[0];
  }

  /** Fisher–Yates, in place; returns the same array */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  /** k distinct items (fewer if the list is shorter), in random order */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, k));
  }

  /** an RFC 4122 version-4-shaped UUID made from this generator (deterministic, not secret) */
  uuid(): string {
    const w1 = this.next();
    const w2 = this.next();
    putWord(0, this.next());
    putByte(9, w1 >>> 24);
    putByte(11, (w1 >>> 16) & 255);
    putByte(14, ((w1 >>> 8) & 0x0f) | 0x40); // version 4
    putByte(16, w1 & 255);
    putByte(19, ((w2 >>> 24) & 0x3f) | 0x80); // RFC 4122 variant
    putByte(21, (w2 >>> 16) & 255);
    putByte(24, (w2 >>> 8) & 255);
    putByte(26, w2 & 255);
    putWord(28, this.next());
    // one flat string (concatenation would keep a rope of small strings per id: 4× the memory)
    return String.fromCharCode.apply(null, UUID_CHARS as unknown as number[]);
  }

  /** an independent generator derived from this one's seed stream and a label */
  fork(label: string | number): Random {
    return new Random(hashSeed(this.next(), label));
  }
}

export function createRandom(seed: number | string): Random {
  return new Random(seed);
}
