import { execFile, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` package: its own temp data dir, its
 * own port on 127.0.0.1, trust auth, durability off (nothing here needs to survive a crash).
 * Run as the `postgres` OS user when we are root, since the server refuses to run as root.
 */

const run = promisify(execFile)
const ROOT = '/usr/lib/postgresql'

export interface PostgresCluster {
  /** Superuser URL of the cluster's `postgres` database. */
  url: string
  port: number
  stop(): Promise<void>
}

function binDir(): string {
  const versions = existsSync(ROOT)
    ? readdirSync(ROOT)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(ROOT, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0) {
    throw new Error(
      `No PostgreSQL server binaries under ${ROOT}/<version>/bin. Install them with ` +
        '`sudo apt-get install -y postgresql` (Debian/Ubuntu), or point the tests at a running server ' +
        'with BILLING_TEST_DATABASE_URL=postgres://user@host:port/db.',
    )
  }
  return path.join(ROOT, versions[0], 'bin')
}

const asRoot = process.getuid?.() === 0

/** The command line for one of the server binaries, as the `postgres` user when we are root. */
function command(bin: string, name: string, args: string[]): [string, string[]] {
  const file = path.join(bin, name)
  return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]
}

async function runBinary(bin: string, name: string, args: string[]) {
  const [file, argv] = command(bin, name, args)
  try {
    return await run(file, argv, { encoding: 'utf8' })
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string }
    throw new Error(`${name} failed: ${stderr || stdout || (error as Error).message}`, { cause: error })
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

async function initdb(bin: string, dir: string) {
  const base = ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']
  try {
    await runBinary(bin, 'initdb', [...base, '--locale=C.UTF-8'])
  } catch (error) {
    if (!/locale/i.test((error as Error).message)) throw error
    // initdb cleans the data dir after a failure, so it can run again at once.
    await runBinary(bin, 'initdb', [...base, '--locale=C'])
  }
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = binDir()
  const dir = await mkdtemp(path.join(tmpdir(), 'billing-pg-'))
  let started = false
  const stopArgs = ['-D', dir, '-m', 'immediate', '-w', 'stop']
  // Vitest's teardown stops it normally; this covers a run that exits without one.
  const onExit = () => {
    if (!started) return
    try {
      execFileSync(...command(bin, 'pg_ctl', stopArgs), { stdio: 'ignore' })
    } catch {}
  }
  process.once('exit', onExit)
  const stop = async () => {
    process.off('exit', onExit)
    if (started) {
      started = false
      await runBinary(bin, 'pg_ctl', stopArgs)
    }
    await rm(dir, { recursive: true, force: true })
  }

  try {
    if (asRoot) await run('chown', ['postgres:', dir])
    await initdb(bin, dir)
    const log = path.join(dir, 'log')
    // A port picked here can be taken before the server binds it; try a fresh one then.
    for (let tries = 1; ; tries++) {
      const port = await freePort()
      const settings = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
      try {
        await runBinary(bin, 'pg_ctl', ['-D', dir, '-o', settings, '-l', log, '-w', 'start'])
        started = true
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop }
      } catch (error) {
        const serverLog = await readFile(log, 'utf8').catch(() => '')
        if (tries >= 3 || !/could not bind|address already in use/i.test(serverLog)) {
          throw new Error(`${(error as Error).message}\n${serverLog}`, { cause: error })
        }
      }
    }
  } catch (error) {
    await stop().catch(() => {})
    throw error
  }
}

export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

/** A fresh, empty database on the server at `baseUrl`, named at random. */
export async function createTestDatabase(baseUrl: string): Promise<TestDatabase> {
  const name = `billing_test_${randomBytes(6).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    // FORCE ends connections a failed test left open.
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}
