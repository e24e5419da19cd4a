import type { TestProject } from 'vitest/node'
import { createServer, type ViteDevServer } from 'vite'

declare module 'vitest' {
  export interface ProvidedContext {
    demoUrl: string
  }
}

let server: ViteDevServer | undefined

/** Serves the demo host page on 127.0.0.1 for the journeys, as `npm run dev` would. */
export async function setup(project: TestProject) {
  server = await createServer({
    configFile: 'demo/vite.config.ts',
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', open: false, strictPort: false },
    define: { 'import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY': 'undefined' },
  })
  await server.listen()
  const address = server.httpServer?.address()
  if (!address || typeof address === 'string') throw new Error('The demo server did not start.')
  project.provide('demoUrl', `http://127.0.0.1:${address.port}`)
}

export async function teardown() {
  await server?.close()
}
