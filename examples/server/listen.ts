import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from '../../src/server/node'

export interface RunningServer {
  /** e.g. "http://127.0.0.1:8787" */
  url: string
  server: Server
  /** Stops accepting, drops open connections and resolves once the port is free. */
  close(): Promise<void>
}

/** Serves a web-standard handler with Node's http module. Port 0 picks a free port. */
export function listen(
  handler: (request: Request) => Promise<Response>,
  options: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const server = createServer(toNodeListener(handler))
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://${host}:${port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
