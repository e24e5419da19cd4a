import { useLayoutEffect, useMemo, useState, type RefObject } from 'react'

export interface WindowRow {
  index: number
  /** Offset from the top of the first row, in px. */
  start: number
  size: number
}

export interface RowWindowOptions {
  count: number
  /** Each row's height, known from its data: nothing is measured while scrolling. */
  rowHeight: (index: number) => number
  viewportRef: RefObject<HTMLElement | null>
  /** Space above the first row inside the viewport (a sticky header). */
  offsetTop: number
  /** Rows kept beyond each edge of the viewport. */
  overscan: number
  /** A row that stays rendered wherever it is (the one holding focus). */
  keep: number | null
  /** The viewport height assumed before layout (a server render, jsdom), so rows still render. */
  initialHeight: number
}

// Runs before paint in the browser; on the server the first render is all there is.
const useBrowserLayoutEffect = typeof window === 'undefined' ? () => {} : useLayoutEffect

/** Index of the last row starting at or above `offset`; `starts` ascends. */
function rowAt(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle] <= offset) low = middle
    else high = middle - 1
  }
  return low
}

/**
 * The rows of a long list to put in the DOM: those in the viewport plus `overscan` each side.
 * Heights come from the data, so this is arithmetic on the scroll position; the viewport's
 * scroll and size are watched, and nothing else.
 */
export function useRowWindow({
  count,
  rowHeight,
  viewportRef,
  offsetTop,
  overscan,
  keep,
  initialHeight,
}: RowWindowOptions) {
  const [view, setView] = useState({ top: 0, height: initialHeight })

  useBrowserLayoutEffect(() => {
    const viewport = viewportRef.current
    if (!viewport) return
    const read = () => {
      // Without layout the viewport measures 0: keep the assumed height then.
      const height = viewport.clientHeight || initialHeight
      const top = viewport.scrollTop
      setView((current) => (current.top === top && current.height === height ? current : { top, height }))
    }
    read()
    viewport.addEventListener('scroll', read, { passive: true })
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read)
    observer?.observe(viewport)
    return () => {
      viewport.removeEventListener('scroll', read)
      observer?.disconnect()
    }
  }, [viewportRef, initialHeight])

  const { starts, totalSize } = useMemo(() => {
    const starts = new Array<number>(count)
    let offset = 0
    for (let index = 0; index < count; index++) {
      starts[index] = offset
      offset += rowHeight(index)
    }
    return { starts, totalSize: offset }
  }, [count, rowHeight])

  const rows = useMemo(() => {
    if (count === 0) return []
    const top = Math.max(0, view.top - offsetTop)
    const first = Math.max(0, rowAt(starts, top) - overscan)
    const last = Math.min(count - 1, rowAt(starts, top + view.height) + overscan)
    const indexes: number[] = []
    for (let index = first; index <= last; index++) indexes.push(index)
    if (keep !== null && keep < count && (keep < first || keep > last)) {
      indexes.push(keep)
      indexes.sort((a, b) => a - b)
    }
    return indexes.map((index): WindowRow => ({ index, start: starts[index], size: rowHeight(index) }))
  }, [count, starts, view, offsetTop, overscan, keep, rowHeight])

  return { rows, totalSize }
}
