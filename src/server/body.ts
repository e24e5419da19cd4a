/**
 * Request bodies with a ceiling, for every route the server mounts: refused at once when
 * Content-Length already says too much, and cut off as soon as the bytes read pass the ceiling
 * (a client that lies about Content-Length cannot make the server buffer more).
 */

/** The raw bytes, or null when the body is larger than `maxBytes`. */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) return null
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/** The body as UTF-8 text, or null when it is larger than `maxBytes`. */
export async function readTextWithin(request: Request, maxBytes: number): Promise<string | null> {
  const bytes = await readBodyWithin(request, maxBytes)
  return bytes && new TextDecoder().decode(bytes)
}
