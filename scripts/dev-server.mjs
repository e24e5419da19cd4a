// `npm run dev:server`: the example billing server (the shipped service over SQLite, or PostgreSQL
// with DATABASE_URL) and the demo
// page wired to it through the HTTP adapter.
import { spawn } from 'node:child_process'

const children = [
  // The demo's developer drawer spends through POST /dev/usage, which only this flag turns on.
  spawn('npx', ['tsx', 'examples/server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, BILLING_DEMO_USAGE: '1' },
  }),
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
