import { timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname } from 'node:path'
import type { EventName, Result } from '../../shared/contract'
import { MAX_EXPORT_FILE_BYTES } from '../../shared/domain/export-limits'
import { CONTENT_SECURITY_POLICY, CSP_HEADER_ONLY } from '../../shared/csp'
import { MAX_CALLS_PER_REQUEST } from '../../shared/harness-bridge'
import { handle } from '../ipc/handle'
import { contentType, rendererFile, rendererRoot } from '../renderer-files'
import { startAnswersElement, withHeadElement } from '../start-answers'
import type { HandlerTable } from '../ipc/handlers'

/**
 * The largest bridge call the harness reads: room for the largest file an
 * import accepts (MAX_EXPORT_FILE_BYTES, twice a ten-year export) even when many
 * of its characters need escaping inside the call's JSON.
 */
export const MAX_BODY_BYTES = 2 * MAX_EXPORT_FILE_BYTES
const SECURITY_HEADERS = {
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; ${CSP_HEADER_ONLY}`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
}

export interface HarnessServerOptions {
  handlers: HandlerTable
  rendererDir: string
  /** Every bridge call must carry it; it is handed to the page inside index.html. */
  token: string
  log: (message: string, error: unknown) => void
}

export interface HarnessServer {
  server: Server
  listen(port: number): Promise<number>
  /** Pushes an event to every open page (Server-Sent Events). */
  broadcast(event: EventName, payload: unknown): void
  close(): Promise<void>
}

/**
 * The development and test stand-in for Electron's IPC: serves the built
 * renderer and the same handler table over loopback HTTP. Bound to 127.0.0.1
 * only; a call needs the per-run token, the page's own Origin and Host.
 */
export function createHarnessServer(options: HarnessServerOptions): HarnessServer {
  const root = rendererRoot(options.rendererDir)
  const streams = new Set<ServerResponse>()
  let origin = ''

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.log('Harness request failed', error)
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, 'Internal error')
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    if (req.headers.host !== new URL(origin).host) return send(res, 421, {}, 'Wrong host')
    if (url.pathname === '/bridge/invoke') return invoke(req, res)
    if (url.pathname === '/bridge/events') return subscribe(req, res, url)
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, {}, 'Method not allowed')
    return serveFile(res, url.pathname)
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, {}, 'Method not allowed')
    if (req.headers.origin !== origin) return reply(res, 403, refusal('forbidden', 'Calls are accepted only from the Stillwell page.'))
    if (!sameToken(req.headers['x-stillwell-token'])) return reply(res, 403, refusal('forbidden', 'Missing or wrong bridge token.'))
    const body = await readBody(req)
    if (body === null) return reply(res, 413, refusal('invalid-input', 'The request is too large.'))
    let message: unknown
    try {
      message = JSON.parse(body)
    } catch {
      return reply(res, 400, refusal('invalid-input', 'The request is not valid JSON.'))
    }
    if (Array.isArray(message)) {
      // Calls the page made in the same moment (the first screen's, say), answered in one response: one
      // fetch costs the page milliseconds where an IPC message costs microseconds. Each call goes through
      // the handler table on its own, in order, exactly as if sent alone.
      if (message.length === 0 || message.length > MAX_CALLS_PER_REQUEST) {
        return reply(res, 400, refusal('invalid-input', `A request holds 1 to ${MAX_CALLS_PER_REQUEST} calls.`))
      }
      const results: Result<unknown>[] = []
      for (const item of message as unknown[]) results.push(await handleOne(item))
      return send(res, 200, JSON_HEADERS, JSON.stringify(results))
    }
    if (!isCall(message)) return reply(res, 400, NOT_A_CALL)
    reply(res, 200, await handleOne(message))
  }

  function handleOne(message: unknown): Promise<Result<unknown>> {
    if (!isCall(message)) return Promise.resolve(NOT_A_CALL)
    return handle(options.handlers, message.channel, message.input, { log: options.log })
  }

  function subscribe(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!sameToken(url.searchParams.get('token') ?? undefined)) return send(res, 403, {}, 'Forbidden')
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', ...SECURITY_HEADERS })
    res.write(': connected\n\n')
    streams.add(res)
    req.on('close', () => streams.delete(res))
  }

  async function serveFile(res: ServerResponse, pathname: string): Promise<void> {
    let file: string | null
    try {
      file = rendererFile(root, pathname)
    } catch {
      // A malformed escape such as "/%ff" names no file.
      return send(res, 400, {}, 'Bad request')
    }
    if (file === null) return send(res, 404, {}, 'Not found')
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return send(res, 404, {}, 'Not found')
    }
    const type = contentType(file)
    if (extname(file) === '.html') {
      const bridge = `<meta name="stillwell-bridge" content="${options.token}" />`
      const start = await startAnswersElement(options.handlers, { log: options.log })
      const html = withHeadElement(withHeadElement(body.toString('utf8'), bridge), start)
      return send(res, 200, { 'content-type': type, 'cache-control': 'no-store', ...SECURITY_HEADERS }, html)
    }
    send(res, 200, { 'content-type': type, ...SECURITY_HEADERS }, body)
  }

  function sameToken(candidate: string | string[] | undefined): boolean {
    if (typeof candidate !== 'string') return false
    const a = Buffer.from(candidate)
    const b = Buffer.from(options.token)
    return a.length === b.length && timingSafeEqual(a, b)
  }

  return {
    server,
    listen(port) {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => {
          const address = server.address()
          const actual = typeof address === 'object' && address ? address.port : port
          origin = `http://127.0.0.1:${actual}`
          resolve(actual)
        })
      })
    },
    broadcast(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const stream of streams) stream.write(frame)
    },
    close() {
      for (const stream of streams) stream.end()
      streams.clear()
      return new Promise((resolve) => {
        server.close(() => resolve())
        // Open pages keep connections alive; a stopping harness drops them rather than waiting.
        server.closeAllConnections()
      })
    }
  }
}

const NOT_A_CALL = refusal('invalid-input', 'The request must be an object with a channel.')

function isCall(message: unknown): message is { channel?: unknown; input?: unknown } {
  return message !== null && typeof message === 'object' && !Array.isArray(message)
}

function refusal(code: 'forbidden' | 'invalid-input', message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }

function reply(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON_HEADERS, JSON.stringify(result))
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, headers)
  res.end(body)
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // An oversized body is read to its end and dropped, so the refusal can still be answered.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
