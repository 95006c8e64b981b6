/**
 * The part of jStat (the `jstat` package, which ships no types) that the app
 * uses: Student's t distribution in src/shared/domain/stats.ts.
 */
declare module 'jstat' {
  interface StudentT {
    /** P(T ≤ x) with `dof` degrees of freedom (fractional allowed). */
    cdf(x: number, dof: number): number
    /** The x with P(T ≤ x) = p. */
    inv(p: number, dof: number): number
  }
  const jStat: { readonly studentt: StudentT }
  export default jStat
}
