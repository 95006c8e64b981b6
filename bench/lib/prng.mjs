// A tiny seeded PRNG so seeded data is the same on every machine and run.

/** mulberry32: 32-bit state, period 2^32 — plenty for bench data. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a: turns a string (e.g. "42:journal") into a 32-bit seed. */
export function hash32(text) {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Convenience helpers over one generator. */
export function createRandom(seed) {
  const next = mulberry32(seed)
  return {
    next,
    /** Integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** true with probability p. */
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** Roughly normal (sum of three uniforms), clamped to [min, max]. */
    around: (mean, spread, min = -Infinity, max = Infinity) =>
      Math.min(max, Math.max(min, mean + ((next() + next() + next() - 1.5) * (2 * spread)) / 1.5))
  }
}
