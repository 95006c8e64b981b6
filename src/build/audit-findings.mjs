// Reads Electronegativity's findings as data (the objects its runner returns,
// passed on as JSON), never as text: a finding that does not have exactly the
// expected shape is a parse failure, so a MEDIUM or HIGH finding can never be
// misread and counted as low.
import { z } from 'zod'

const Finding = z.object({
  id: z.string().regex(/^[A-Z0-9_]+$/, 'a check name in capitals'),
  severity: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']),
  confidence: z.enum(['TENTATIVE', 'FIRM', 'CERTAIN']),
  file: z.string().min(1),
  line: z.number().int().min(0),
  column: z.number().int().min(0)
})

/**
 * Parses the JSON list of findings. Returns every finding, or throws naming
 * each one that could not be read (its index and what was wrong).
 * @param {string} text
 * @returns {{ id: string, severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH', confidence: string, file: string, line: number, column: number }[]}
 */
export function parseFindings(text) {
  let raw
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new Error(`the findings are not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (!Array.isArray(raw)) throw new Error('the findings are not a list')
  const problems = []
  const findings = raw.map((item, index) => {
    const parsed = Finding.safeParse(item)
    if (parsed.success) return parsed.data
    const issue = parsed.error.issues[0]
    problems.push(`finding ${index + 1}: ${issue?.path.join('.') || '(whole)'} ${issue?.message ?? 'is malformed'} in ${JSON.stringify(item).slice(0, 200)}`)
    return null
  })
  if (problems.length > 0) throw new Error(`${problems.length} finding(s) could not be read:\n  ${problems.join('\n  ')}`)
  return /** @type {ReturnType<typeof parseFindings>} */ (findings)
}

/**
 * Turns the runner's issue objects into plain JSON-ready findings, keeping a
 * field as it is when it has an unexpected form, so parseFindings refuses it.
 * @param {unknown[]} issues
 */
export function findingsOf(issues) {
  return issues.map((issue) => {
    const i = /** @type {Record<string, any>} */ (issue ?? {})
    return {
      id: i.id,
      severity: i.severity?.name ?? i.severity,
      confidence: i.confidence?.name ?? i.confidence,
      file: i.file,
      line: i.location?.line,
      column: i.location?.column
    }
  })
}
