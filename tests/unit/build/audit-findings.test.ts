import { describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain JavaScript build script without type declarations
import { findingsOf, parseFindings } from '../../../src/build/audit-findings.mjs'

const read = parseFindings as (text: string) => { id: string; severity: string; file: string; line: number }[]
const shape = findingsOf as (issues: unknown[]) => unknown[]

const runnerIssue = (severity: string) => ({
  id: 'OPEN_EXTERNAL_JS_CHECK',
  severity: { name: severity, value: 2 },
  confidence: { name: 'TENTATIVE', value: 0 },
  file: '/app/src/main/index.ts',
  location: { line: 93, column: 14 },
  sample: 'shell.openExternal(url)'
})

describe('reading the security audit’s findings', () => {
  it('keeps each finding’s severity exactly as the tool gave it', () => {
    const findings = read(JSON.stringify(shape([runnerIssue('MEDIUM'), runnerIssue('HIGH'), runnerIssue('LOW')])))
    expect(findings.map((f) => f.severity)).toEqual(['MEDIUM', 'HIGH', 'LOW'])
    expect(findings[0]).toMatchObject({ id: 'OPEN_EXTERNAL_JS_CHECK', file: '/app/src/main/index.ts', line: 93 })
  })

  it('fails, naming the finding, when any one cannot be read, instead of counting it as low', () => {
    // The kind of row the text report once produced: fields shifted, the severity lost.
    const garbled = { id: '5:0" https:/github.com/doyensec/electronegativity', severity: undefined, file: 'x', line: 1, column: 0 }
    expect(() => read(JSON.stringify([...shape([runnerIssue('MEDIUM')]), garbled]))).toThrow(/1 finding\(s\) could not be read:\n {2}finding 2: /)
    expect(() => read(JSON.stringify(shape([runnerIssue('SEVERE')])))).toThrow(/finding 1: severity/)
    expect(() => read(JSON.stringify(shape([{ ...runnerIssue('HIGH'), location: undefined }])))).toThrow(/finding 1: line/)
    expect(() => read('issue, severity\nX, HIGH')).toThrow(/not valid JSON/)
    expect(() => read('{"id":"X"}')).toThrow(/not a list/)
  })
})
