import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { CsvMapping, ImportFormatName, ImportProgress } from '../../src/shared/contract'
import type { TestApp } from './app'

export const SLEEP_FIXTURES = join(__dirname, '..', 'fixtures', 'sleep-import')

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** Hands a file over the way the page does: uploadBegin, then base64 pieces in order. */
export async function uploadBytes(app: TestApp, name: string, bytes: Buffer, chunk = 64 * 1024): Promise<string> {
  const { fileId } = unwrap(await app.invoke('sleepImport.uploadBegin', { name, size: bytes.length }))
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    unwrap(await app.invoke('sleepImport.uploadChunk', { fileId, offset, base64: bytes.subarray(offset, offset + chunk).toString('base64') }))
  }
  return fileId
}

export async function uploadFile(app: TestApp, path: string): Promise<string> {
  return uploadBytes(app, basename(path), readFileSync(path))
}

/** Reads a handed-over file to its preview (or its refusal) through the handler table. */
export async function readImport(
  app: TestApp,
  fileId: string,
  format: ImportFormatName,
  zone: string,
  mapping?: CsvMapping
): Promise<{ jobId: string; progress: ImportProgress }> {
  const { jobId } = unwrap(await app.invoke('sleepImport.start', { fileId, format, zone, ...(mapping ? { mapping } : {}) }))
  await app.services.sleepImport.finished(jobId)
  const progress = unwrap(await app.invoke('sleepImport.progress', { jobId }))
  return { jobId, progress }
}

export { unwrap }
