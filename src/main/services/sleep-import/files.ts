/**
 * Reading an import file as a stream of text, whether it came as itself or
 * inside a ZIP archive (yauzl). Nothing here loads a whole file: callers get
 * chunks and the number of bytes read so far, and can stop at any time.
 */
import { createReadStream } from 'node:fs'
import { open as openFile } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'

/** Thrown when the user cancels; the service answers "cancelled" and writes nothing. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled. Nothing was changed.')
  }
}

/** A file Stillwell will not read, with the reason in words for the user. */
export class ImportRefused extends Error {}

/** Decompressed size no archive entry may exceed. */
export const MAX_ENTRY_BYTES = 4 * 1024 ** 3
/** A genuine Apple export compresses about 46:1; far beyond that is a ZIP bomb. */
export const MAX_COMPRESSION_RATIO = 200

export interface TextSource {
  /** Display name of what is read ("export.zip › apple_health_export/export.xml"). */
  name: string
  /** Bytes the progress bar counts to. */
  totalBytes: number
  open(): Promise<Readable>
}

export async function isZip(path: string): Promise<boolean> {
  const handle = await openFile(path, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50
  } finally {
    await handle.close()
  }
}

export function plainFile(path: string, name: string, size: number): TextSource {
  return { name, totalBytes: size, open: () => Promise.resolve(createReadStream(path, { highWaterMark: 256 * 1024 })) }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) reject(new ImportRefused('This ZIP file is damaged or not a ZIP file, so nothing was read from it.'))
      else resolve(zip)
    })
  })
}

/**
 * The entries of a ZIP whose names `want` accepts, each checked against the
 * bomb limits before anything is inflated. The archive stays open until
 * `close` is called.
 */
export async function zipEntries(
  path: string,
  label: string,
  want: (fileName: string) => boolean
): Promise<{ sources: TextSource[]; close: () => void }> {
  const zip = await openZip(path)
  const entries: yauzl.Entry[] = []
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/') && want(entry.fileName)) {
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
        if (entry.uncompressedSize > MAX_ENTRY_BYTES || (entry.uncompressedSize > 10 * 1024 ** 2 && ratio > MAX_COMPRESSION_RATIO)) {
          reject(
            new ImportRefused(
              `“${entry.fileName}” would expand ${Math.round(ratio)} times, to ${Math.round(entry.uncompressedSize / 1024 ** 2)} MB — far more than a real export does. ` +
                'Stillwell did not unpack it. Export your data again and choose the new file.'
            )
          )
          return
        }
        entries.push(entry)
      }
      zip.readEntry()
    })
    zip.on('end', () => resolve())
    zip.on('error', () => reject(new ImportRefused('This ZIP file is damaged, so nothing was read from it.')))
    zip.readEntry()
  }).catch((error: unknown) => {
    zip.close()
    throw error
  })
  const sources = entries.map<TextSource>((entry) => ({
    name: `${label} › ${entry.fileName}`,
    totalBytes: entry.uncompressedSize,
    open: () =>
      new Promise<Readable>((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) reject(new ImportRefused(`“${entry.fileName}” inside the ZIP could not be read.`))
          else resolve(stream)
        })
      })
  }))
  return { sources, close: () => zip.close() }
}

/**
 * Feeds a source to `onText` chunk by chunk (UTF-8), reporting bytes read.
 * Stops with {@link ImportCancelled} when the signal fires.
 */
export async function readText(
  source: TextSource,
  onText: (text: string) => void,
  onBytes: (bytes: number) => void,
  signal: AbortSignal
): Promise<void> {
  const stream = await source.open()
  const decoder = new TextDecoder('utf-8', { fatal: false })
  let read = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal.aborted) throw new ImportCancelled()
      read += chunk.length
      onBytes(read)
      onText(decoder.decode(chunk, { stream: true }))
      // Let other calls (progress, cancel) in between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    onText(decoder.decode())
  } catch (error) {
    if (error instanceof ImportCancelled || error instanceof ImportRefused) throw error
    const message = error instanceof Error ? error.message : String(error)
    if (/size|exceed|too many|invalid/i.test(message)) throw new ImportRefused(`The file could not be read to its end (${message}). Nothing was changed.`)
    throw error
  } finally {
    stream.destroy()
  }
}
