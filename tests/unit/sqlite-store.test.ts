/**
 * The SQLite store's writer thread, as a host's process sees it: a script that opens a store,
 * writes and closes ends with its work on disk, and one that never calls close() still exits.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../src/server/sqlite'

const dir = mkdtempSync(path.join(tmpdir(), 'billing-sqlite-store-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const root = path.resolve(import.meta.dirname, '../..')
const account = (id: string, currency = 'USD') => ({
  id,
  currency,
  locale: 'es',
  topUpMin: 500,
  topUpMax: 100_000,
  topUpPresets: [2500, 5000],
  createdAt: '2026-12-01T00:00:00.000Z',
})

function script(body: string): Promise<{ code: number | null; out: string }> {
  const source = `import { createSqliteStore } from ${JSON.stringify(path.join(root, 'src/server/sqlite.ts'))}\n${body}`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })))
}

describe('the SQLite store on a file', () => {
  it('a script that migrates, writes and closes exits cleanly with its writes on disk', async () => {
    const filename = path.join(dir, 'closed.sqlite')
    const run = await script(`
      const store = createSqliteStore({ filename: ${JSON.stringify(filename)} })
      console.log('version', await store.migrate())
      await store.transaction((tx) => tx.insertAccount(${JSON.stringify(account('acct_script', 'EUR'))}))
      await store.close()
      console.log('closed')
    `)
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/version \d+\nclosed/)
    const store = createSqliteStore({ filename })
    await store.migrate()
    expect(await store.read.account('acct_script')).toMatchObject({ currency: 'EUR' })
    await store.close()
  })

  it('a process that never closes the store still ends when its work is done', async () => {
    const run = await script(`
      const store = createSqliteStore({ filename: ${JSON.stringify(path.join(dir, 'open.sqlite'))} })
      await store.migrate()
      console.log('migrated')
    `)
    expect(run).toEqual({ code: 0, out: 'migrated\n' })
  })

  it('work that throws rolls its transaction back, and the next one commits', async () => {
    const store = createSqliteStore({ filename: path.join(dir, 'rollback.sqlite') })
    await store.migrate()
    const boom = store.transaction(async (tx) => {
      await tx.insertAccount(account('acct_rolled_back'))
      throw new Error('the charge was declined')
    })
    await expect(boom).rejects.toThrow('the charge was declined')
    expect(await store.read.account('acct_rolled_back')).toBeUndefined()
    await store.transaction((tx) => tx.insertAccount(account('acct_after')))
    expect(await store.read.account('acct_after')).toBeDefined()
    await store.close()
  })
})
