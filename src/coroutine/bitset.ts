// A fixed-size set of small non-negative integers (MIR locals), the domain of every dataflow analysis in
// this folder. Example: over a body with 40 locals, `BitSet.empty(40)` is {} and after `.add(3)`,
// `.add(17)` it is {3, 17}; `a.union(b)` adds b's members to a and says whether a changed — the one
// question a fixpoint loop asks.

export class BitSet {
  private constructor(
    /** How many members the domain has: members are 0 … size - 1. */
    readonly size: number,
    private readonly words: Uint32Array,
  ) {}

  static empty(size: number): BitSet {
    return new BitSet(size, new Uint32Array((size + 31) >>> 5));
  }

  static full(size: number): BitSet {
    const s = BitSet.empty(size);
    for (let i = 0; i < size; i++) s.add(i);
    return s;
  }

  static of(size: number, members: Iterable<number>): BitSet {
    const s = BitSet.empty(size);
    for (const m of members) s.add(m);
    return s;
  }

  clone(): BitSet {
    return new BitSet(this.size, this.words.slice());
  }

  has(i: number): boolean {
    if (i < 0 || i >= this.size) return false;
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  add(i: number): void {
    this.check(i);
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  remove(i: number): void {
    this.check(i);
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }

  clear(): void {
    this.words.fill(0);
  }

  /** Adds every member of `other`; true when this set changed. */
  union(other: BitSet): boolean {
    this.sameDomain(other);
    let changed = false;
    for (let w = 0; w < this.words.length; w++) {
      const next = (this.words[w]! | other.words[w]!) >>> 0;
      if (next !== this.words[w]) {
        this.words[w] = next;
        changed = true;
      }
    }
    return changed;
  }

  /** Keeps only the members also in `other`. */
  intersect(other: BitSet): void {
    this.sameDomain(other);
    for (let w = 0; w < this.words.length; w++) this.words[w]! &= other.words[w]!;
  }

  /** Removes every member of `other`. */
  subtract(other: BitSet): void {
    this.sameDomain(other);
    for (let w = 0; w < this.words.length; w++) this.words[w]! &= ~other.words[w]!;
  }

  /** Makes this set equal to `other`. */
  assign(other: BitSet): void {
    this.sameDomain(other);
    this.words.set(other.words);
  }

  equals(other: BitSet): boolean {
    if (other.size !== this.size) return false;
    for (let w = 0; w < this.words.length; w++) if (this.words[w] !== other.words[w]) return false;
    return true;
  }

  isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  /** Members in increasing order. */
  toArray(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) if (this.has(i)) out.push(i);
    return out;
  }

  [Symbol.iterator](): Iterator<number> {
    return this.toArray()[Symbol.iterator]();
  }

  toString(): string {
    return `{${this.toArray().map((i) => `_${i}`).join(", ")}}`;
  }

  private check(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.size)
      throw new Error(`internal error: bit ${i} outside a set of ${this.size}; please report`);
  }

  private sameDomain(other: BitSet): void {
    if (other.size !== this.size)
      throw new Error(`internal error: combining bit sets of sizes ${this.size} and ${other.size}; please report`);
  }
}
