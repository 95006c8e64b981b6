/**
 * True when two types describe the same values: used where a hand-written
 * domain type and a zod schema must agree, so the build fails when one of
 * them changes alone. Write `const agree: SameShape<A, B> = true`.
 */
export type SameShape<A, B> = [A, B] extends [B, A] ? true : false
