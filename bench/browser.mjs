// Shared helpers for the Chromium benchmarks: a Vite dev server for a bench page and a
// headless Debian Chromium driven by playwright-core.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { chromium } from 'playwright-core'
import { createServer } from 'vite'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]

export async function startBenchServer() {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [react()],
    server: { host: '127.0.0.1', port: 0, strictPort: false },
    optimizeDeps: {
      include: [
        'react',
        'react-dom',
        'react-dom/client',
        'react/jsx-dev-runtime',
        '@tanstack/react-query',
        'radix-ui',
        '@stripe/react-stripe-js',
        '@stripe/stripe-js/pure',
      ],
    },
  })
  await server.listen()
  const address = server.httpServer?.address()
  const port = typeof address === 'object' && address ? address.port : 5173
  return { server, url: `http://127.0.0.1:${port}` }
}

export async function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}
