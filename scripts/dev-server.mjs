// `npm run dev:server`: the reference billing server (openapi.yaml over SQLite) and the demo
// page wired to it through the HTTP adapter.
import { spawn } from 'node:child_process'

const children = [
  spawn('npx', ['tsx', 'examples/server/main.ts'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--config', 'demo/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, VITE_BILLING_ADAPTER: 'http' },
  }),
]
const stop = () => {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children)
  child.on('exit', (code) => {
    stop()
    process.exitCode = code ?? 0
  })
