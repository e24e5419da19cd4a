import { vi } from 'vitest'

/**
 * Code that arrives on first use, under the test's control. A name in `offline` makes fetching
 * that code fail, as it would without a network or after a deploy replaced the file, until the
 * test says the network is back; `holdChunks()` keeps every fetch waiting until the test lets the
 * code arrive. `loads` lists what was fetched, in order.
 */
export const chunks = { offline: new Set<string>(), loads: [] as string[], slow: null as Promise<void> | null }

export function resetChunks() {
  chunks.offline.clear()
  chunks.loads.length = 0
  chunks.slow = null
}

export function holdChunks() {
  let arrive = () => {}
  chunks.slow = new Promise<void>((resolve) => {
    arrive = resolve
  })
  return () => arrive()
}

function chunk(name: string) {
  return async (importOriginal: () => Promise<unknown>) => {
    chunks.loads.push(name)
    if (chunks.offline.has(name)) throw new TypeError('Failed to fetch dynamically imported module')
    await chunks.slow
    return importOriginal()
  }
}

/**
 * A fresh page: which code has arrived is remembered for the page's life, so each test throws
 * the modules away, serves each of `mocked` (chunk name → module path, relative to tests/*) as a
 * chunk, then imports what it renders with `load`.
 */
export async function freshPage<T>(mocked: Record<string, string>, load: () => Promise<T>): Promise<T> {
  // A fetch the previous test started must land before the page is thrown away.
  await vi.dynamicImportSettled()
  vi.resetModules()
  for (const [name, path] of Object.entries(mocked)) {
    vi.doUnmock(path)
    vi.doMock(path, chunk(name))
  }
  return load()
}
