/**
 * Numbers pairs of 32-bit integers — a vertex's rounded coordinates, an edge's two vertex
 * numbers — 0, 1, 2 … in the order first seen: an open-addressing hash table over typed
 * arrays. A `Map` keyed by `a * range + b` does the same several times slower, as such keys
 * beyond 2³¹ are heap numbers (hundreds of milliseconds for the 460,000 corners of 66,000 cells).
 *
 * @example
 * ```ts
 * const corners = new PairIndex(1000);
 * corners.idOf(12, -7); // 0
 * corners.idOf(3, 4); // 1
 * corners.idOf(12, -7); // 0
 * corners.get(5, 5); // -1
 * ```
 */
export class PairIndex {
  #first: Int32Array;
  #second: Int32Array;
  /** Each slot's number + 1; 0 for an empty slot. */
  #slots: Int32Array;
  #mask: number;
  #size = 0;

  /** @param expected - about how many pairs will be numbered (the table grows beyond) */
  constructor(expected: number) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.#first = new Int32Array(capacity);
    this.#second = new Int32Array(capacity);
    this.#slots = new Int32Array(capacity);
    this.#mask = capacity - 1;
  }

  /** How many pairs have a number. */
  get size(): number {
    return this.#size;
  }

  /** The number of the pair, given it now if it has none. */
  idOf(a: number, b: number): number {
    const slot = this.#find(a, b);
    const known = this.#slots[slot];
    if (known !== 0) return known - 1;
    const id = this.#size++;
    this.#first[slot] = a;
    this.#second[slot] = b;
    this.#slots[slot] = id + 1;
    if (this.#size * 2 > this.#slots.length) this.#grow();
    return id;
  }

  /** The number of the pair, or −1 when it has none. */
  get(a: number, b: number): number {
    return this.#slots[this.#find(a, b)] - 1;
  }

  /** The slot holding the pair, or the empty slot where it would go (linear probing). */
  #find(a: number, b: number): number {
    // Two multiplicative hashes (Knuth's golden ratio and MurmurHash3's constant), mixed.
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0;
    h ^= h >>> 15;
    let slot = h & this.#mask;
    while (this.#slots[slot] !== 0) {
      if (this.#first[slot] === a && this.#second[slot] === b) return slot;
      slot = (slot + 1) & this.#mask;
    }
    return slot;
  }

  #grow(): void {
    const first = this.#first;
    const second = this.#second;
    const slots = this.#slots;
    const capacity = slots.length * 2;
    this.#first = new Int32Array(capacity);
    this.#second = new Int32Array(capacity);
    this.#slots = new Int32Array(capacity);
    this.#mask = capacity - 1;
    for (let s = 0; s < slots.length; s++) {
      if (slots[s] === 0) continue;
      const slot = this.#find(first[s], second[s]);
      this.#first[slot] = first[s];
      this.#second[slot] = second[s];
      this.#slots[slot] = slots[s];
    }
  }
}
