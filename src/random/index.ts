/**
 * The project's seeded PRNG, for the generator and the solver alike: sfc32 (Chris
 * Doty-Humphrey's Small Fast Counting generator) seeded through splitmix32. Never Math.random: the same seed must give the same
 * bytes on every machine. `fork(label)` derives an independent stream from the seed and a
 * label, so that drawing more numbers in one part of the model does not shift another.
 */

/** FNV-1a over the UTF-16 code units of `text`. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One step of splitmix32: spreads a seed over all 32 bits. */
function splitmix32(state: number): [next: number, value: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return [next, (z ^ (z >>> 15)) >>> 0];
}

export class Random {
  /** The 32-bit seed this stream started from; forks derive from it, not from the state. */
  readonly seed: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Any finite number is a seed; integers beyond 32 bits keep their high bits. */
  constructor(seed: number) {
    const low = Math.trunc(seed) >>> 0;
    const high = Math.trunc(seed / 4294967296) >>> 0;
    this.seed = (low ^ Math.imul(high, 0x9e3779b1)) >>> 0;
    let s = this.seed;
    let v: number;
    [s, v] = splitmix32(s);
    this.a = v;
    [s, v] = splitmix32(s);
    this.b = v;
    [s, v] = splitmix32(s);
    this.c = v;
    this.d = 1;
    // The first outputs of sfc32 are weakly mixed; discard them.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** An independent stream for one part of the model, named by `label`. */
  fork(label: string): Random {
    return new Random((this.seed ^ hashText(label)) >>> 0);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`empty range ${min}..${max}`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A multiple of `step` in [min, max] (both multiples of `step`). */
  step(min: number, max: number, step: number): number {
    return min + step * this.int(0, Math.floor((max - min) / step));
  }

  /** Uniform in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item, drawn with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    if (!(total > 0)) throw new RangeError('weights must sum to more than zero');
    let x = this.next() * total;
    for (const [item, w] of entries) {
      x -= w;
      if (x < 0) return item;
    }
    return entries[entries.length - 1][0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }
}
