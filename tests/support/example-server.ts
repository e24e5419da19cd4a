/**
 * The example server as a real process (`node --import tsx examples/server/main.ts`), for tests
 * that need several instances or a crash. Each process is stopped by its own pid.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface ExampleServer {
  url: string
  pid: number
  /** `SIGKILL` is a crash: no shutdown hook runs. */
  kill(signal?: NodeJS.Signals): Promise<void>
  output(): string
}

export function startExampleServer(env: Record<string, string>): Promise<ExampleServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'examples/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', BILLING_CORS_ORIGINS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const match = /Billing API on (http:\/\/[^\s/]+)\/v1/.exec(log)
      if (match && child.pid) {
        child.stdout?.off('data', onData)
        child.stdout?.on('data', (c: Buffer) => {
          log += c.toString()
        })
        resolve({
          url: match[1],
          pid: child.pid,
          output: () => log,
          async kill(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal)
            await exited
          },
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
    })
    child.once('exit', (code, signal) =>
      reject(new Error(`example server exited (${code ?? signal}) before listening:\n${log}`)),
    )
  })
}
