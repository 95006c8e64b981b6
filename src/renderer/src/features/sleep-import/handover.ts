import { call } from '../../api'

/** Bytes per piece: under the contract's per-call limit once in base64. */
const PIECE_BYTES = 1024 * 1024

function base64Of(bytes: Uint8Array): string {
  let binary = ''
  const step = 0x8000
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step))
  return btoa(binary)
}

/**
 * Hands a file the user chose over to the main process piece by piece, so
 * the page never holds more than one piece of a large export. The page never
 * names a path: the main side writes a private temporary file and answers a
 * token for it. The size limit is the main side's (uploadBegin refuses in words).
 */
export async function handOver(file: File, onProgress: (fraction: number) => void, cancelled: () => boolean): Promise<{ fileId: string } | null> {
  if (file.size === 0) throw new Error('That file is empty. Choose the export file itself.')
  const { fileId } = await call('sleepImport.uploadBegin', { name: file.name, size: file.size })
  for (let offset = 0; offset < file.size; offset += PIECE_BYTES) {
    if (cancelled()) return null
    const piece = new Uint8Array(await file.slice(offset, offset + PIECE_BYTES).arrayBuffer())
    await call('sleepImport.uploadChunk', { fileId, offset, base64: base64Of(piece) })
    onProgress(Math.min(1, (offset + piece.length) / file.size))
  }
  return { fileId }
}
