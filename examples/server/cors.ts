/**
 * CORS for a browser page on another origin (the Vite dev server). Framework-free like the
 * handler: wraps any `(Request) => Promise<Response>`.
 */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-CSRF-Token'
const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS'

export function withCors(
  handler: (request: Request) => Promise<Response>,
  options: { origins: readonly string[]; credentials?: boolean },
): (request: Request) => Promise<Response> {
  const origins = new Set(options.origins)
  const headersFor = (origin: string | null): Record<string, string> => {
    if (!origin || !origins.has(origin)) return {}
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': 'Retry-After',
      Vary: 'Origin',
      ...(options.credentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
    }
  }
  return async (request) => {
    const origin = request.headers.get('Origin')
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...headersFor(origin),
          'Access-Control-Allow-Methods': ALLOWED_METHODS,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
        },
      })
    }
    const response = await handler(request)
    const extra = headersFor(origin)
    if (Object.keys(extra).length === 0) return response
    const headers = new Headers(response.headers)
    for (const [name, value] of Object.entries(extra)) headers.set(name, value)
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}
