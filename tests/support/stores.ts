/**
 * Migrated stores for server tests, of either kind, cleaned up after each test: a SQLite file in a
 * temp dir or a fresh database on the suite's PostgreSQL cluster. `open()` connects another
 * instance to the same database.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, inject } from 'vitest'
import { openStore } from '../../examples/server/test-kit'
import type { BillingStore } from '../../src/server/store/repository'
import { createTestDatabase } from './postgres-cluster'

export type StoreKind = 'sqlite' | 'postgres'

export interface SharedStore {
  store: BillingStore
  open(): Promise<BillingStore>
}

/** Registers the after-each cleanup; `cleanups` also takes the test's own servers and files. */
export function storeKit() {
  const cleanups: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn()
  })

  /** A migrated store, and a way to open a second connection (another instance) to it. */
  async function sharedStore(kind: StoreKind, filename?: string): Promise<SharedStore> {
    let open: () => Promise<BillingStore>
    if (kind === 'postgres') {
      const db = await createTestDatabase(inject('postgresUrl'))
      cleanups.push(() => db.drop())
      open = async () => {
        const store = await openStore({ postgresUrl: db.url })
        cleanups.push(() => store.close())
        return store
      }
    } else {
      let file = filename
      if (!file) {
        const dir = mkdtempSync(path.join(tmpdir(), 'billing-test-'))
        cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
        file = path.join(dir, 'billing.sqlite')
      }
      const at = file
      open = async () => {
        const store = await openStore({ filename: at })
        cleanups.push(() => store.close().catch(() => {}))
        return store
      }
    }
    return { store: await open(), open }
  }

  return {
    cleanups,
    sharedStore,
    emptyStore: async (kind: StoreKind) => (await sharedStore(kind)).store,
  }
}

/** A movable clock: tests move time forward instead of waiting for it. */
export function movableClock(start = new Date('2026-11-26T15:00:00Z')) {
  let t = start.getTime()
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) }
}
