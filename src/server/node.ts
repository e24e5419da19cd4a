/**
 * Serves a web-standard handler from Node's `http.createServer`. It describes the Node objects
 * by shape instead of importing `node:http`, so this module stays importable in every runtime.
 */

/** The parts of `http.IncomingMessage` used here. */
export interface NodeRequestLike {
  method?: string
  url?: string
  headers: Record<string, string | string[] | undefined>
  /** A TLS socket has `encrypted: true`. */
  socket?: object | null
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown
  on(event: 'end' | 'close', listener: () => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  pause(): unknown
  resume(): unknown
}

/** The parts of `http.ServerResponse` used here. */
export interface NodeResponseLike {
  statusCode: number
  headersSent?: boolean
  writableEnded?: boolean
  setHeader(name: string, value: string | string[]): unknown
  write(chunk: Uint8Array): boolean
  end(chunk?: Uint8Array | string): unknown
  on(event: 'close', listener: () => void): unknown
  once?(event: 'drain', listener: () => void): unknown
  destroy?(error?: Error): unknown
}

export interface NodeListenerOptions {
  /** Origin used to build `request.url` when the Host header is missing. Default "http://localhost". */
  fallbackOrigin?: string
}

interface BodyStream {
  stream: ReadableStream<Uint8Array>
  /** Drops whatever the handler did not read, so a keep-alive socket is ready for the next request. */
  discard(): void
}

function bodyStream(req: NodeRequestLike): BodyStream {
  let finished = false
  const discard = () => {
    finished = true
    req.resume()
  }
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk) => {
          if (finished) return
          controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk))
          if ((controller.desiredSize ?? 1) <= 0) req.pause()
        })
        req.on('end', () => {
          if (finished) return
          finished = true
          controller.close()
        })
        req.on('error', (error) => {
          if (finished) return
          finished = true
          controller.error(error)
        })
      },
      pull() {
        req.resume()
      },
      // The handler stopped reading (a body over the limit): the answer must still reach the client.
      cancel: discard,
    },
    { highWaterMark: 16 },
  )
  return { stream, discard }
}

function toRequest(
  req: NodeRequestLike,
  signal: AbortSignal,
  fallbackOrigin: string,
): { request: Request; discard(): void } {
  const host = req.headers.host
  const origin =
    typeof host === 'string' && host !== ''
      ? `${(req.socket as { encrypted?: boolean } | null | undefined)?.encrypted ? 'https' : 'http'}://${host}`
      : fallbackOrigin
  let url: URL
  try {
    url = new URL(req.url ?? '/', origin)
  } catch {
    url = new URL(req.url ?? '/', fallbackOrigin)
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else headers.set(name, value)
  }
  const method = (req.method ?? 'GET').toUpperCase()
  const body = method !== 'GET' && method !== 'HEAD' ? bodyStream(req) : null
  const request = new Request(url, {
    method,
    headers,
    signal,
    ...(body ? { body: body.stream, duplex: 'half' } : {}),
  } as RequestInit)
  return { request, discard: () => body?.discard() }
}

async function writeResponse(response: Response, res: NodeResponseLike): Promise<void> {
  res.statusCode = response.status
  const cookies = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : []
  response.headers.forEach((value, name) => {
    if (name.toLowerCase() !== 'set-cookie') res.setHeader(name, value)
  })
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (!res.write(value) && res.once) await new Promise<void>((resolve) => res.once?.('drain', resolve))
  }
  res.end()
}

/**
 * ```ts
 * import { createServer } from 'node:http'
 * createServer(toNodeListener(createBillingHandler({ resolve }))).listen(8787)
 * ```
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
  options: NodeListenerOptions = {},
): (req: NodeRequestLike, res: NodeResponseLike) => void {
  const fallbackOrigin = options.fallbackOrigin ?? 'http://localhost'
  return (req, res) => {
    const controller = new AbortController()
    res.on('close', () => {
      if (!res.writableEnded) controller.abort()
    })
    void (async () => {
      const { request, discard } = toRequest(req, controller.signal, fallbackOrigin)
      try {
        const response = await handler(request)
        discard()
        await writeResponse(response, res)
      } catch {
        discard()
        if (!res.headersSent) {
          res.statusCode = 500
          res.setHeader('Content-Type', 'application/json; charset=utf-8')
          res.end(JSON.stringify({ error: { code: 'unknown', message: 'The billing service failed.' } }))
        } else {
          res.destroy?.()
        }
      }
    })()
  }
}
