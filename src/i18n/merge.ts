/** Deep merging of message catalogs: a leaf module, so component catalogs can merge their parts. */
export type DeepPartial<T> = T extends string
  ? string
  : T extends (...args: never[]) => unknown
    ? T
    : { [K in keyof T]?: DeepPartial<T[K]> }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Host overrides win; anything they leave out falls back to the catalog. */
export function mergeMessages<T>(base: T, overrides: DeepPartial<T> | undefined): T {
  if (!overrides) return base
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (value === undefined) continue
    const current = out[key]
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeMessages(current as never, value as never) : value
  }
  return out as T
}

/** Two parts of one component's English (say, its view's and its dialogs'), deep-merged into the whole slice. */
export function joinMessages<A extends object, B extends object>(first: A, second: B): A & B {
  return mergeMessages(first as A & B, second as DeepPartial<A & B>)
}
