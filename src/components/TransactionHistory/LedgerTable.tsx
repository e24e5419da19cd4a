// biome-ignore-all lint/a11y/useSemanticElements: virtualised rows are absolutely positioned divs; ARIA table roles keep the table semantics that CSS display changes strip from <table> elements in some browsers
// biome-ignore-all lint/a11y/useFocusableInteractive: these rows and cells are read, not operated (a table, not a grid)
import { memo, useCallback, useEffect, useRef, useState, type CSSProperties, type FocusEvent } from 'react'
import type { InvoiceRef, LedgerEntry } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { LedgerRow, type InvoiceAction } from './LedgerRow'
import { transactionsText } from './messages'
import { useRowWindow } from './useRowWindow'

/** The columns, in order; each cell's class is `bp-tx-<column>`, as in LedgerRow. */
const COLUMNS = ['date', 'description', 'type', 'status', 'amount', 'balance', 'invoice'] as const

export type LedgerLayout = 'table' | 'cards'

/**
 * Row heights are known from the entry alone (a card grows a line for its invoice): nothing is
 * measured while scrolling, and the scrollbar stays put.
 */
export function rowHeight(layout: LedgerLayout, entry: LedgerEntry | undefined): number {
  if (layout === 'table') return 52
  return entry?.invoice ? 122 : 92
}
const HEADER_HEIGHT: Record<LedgerLayout, number> = { table: 40, cards: 0 }
/** Rows kept beyond each edge of the viewport, so a fast flick never shows blank space. */
const OVERSCAN = 4
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 20

export interface LedgerTableProps {
  rows: readonly LedgerEntry[]
  /** Entries matching the filter, when known. */
  totalCount: number | null
  layout: LedgerLayout
  /** Most the scroll viewport grows to. */
  height: CSSProperties['maxHeight']
  hasNextPage: boolean
  /** Waiting for the next page, or it failed: no automatic loading until retried. */
  pausedLoading: boolean
  fetchNextPage: () => void
  invoices: boolean
  pendingInvoice: { id: string; action: InvoiceAction } | null
  onInvoice: (invoice: InvoiceRef, action: InvoiceAction) => void
}

/**
 * The ledger as an ARIA table whose rows are virtualised: only what is in view (plus a few) is
 * in the DOM, with `aria-rowcount` and `aria-rowindex` telling screen readers where they are.
 */
export const LedgerTable = memo(function LedgerTable({
  rows,
  totalCount,
  layout,
  height,
  hasNextPage,
  pausedLoading,
  fetchNextPage,
  invoices,
  pendingInvoice,
  onInvoice,
}: LedgerTableProps) {
  const billingI18n = useBillingI18n()
  const m = transactionsText(billingI18n)
  const viewportRef = useRef<HTMLDivElement>(null)
  // The row holding focus stays rendered when scrolled away, so focus is never dropped.
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null)
  const headerHeight = HEADER_HEIGHT[layout]
  const heightOf = useCallback((index: number) => rowHeight(layout, rows[index]), [layout, rows])
  const { rows: items, totalSize } = useRowWindow({
    count: rows.length,
    rowHeight: heightOf,
    viewportRef,
    offsetTop: headerHeight,
    overscan: OVERSCAN,
    keep: focusedIndex,
    initialHeight: 480,
  })

  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1
  // The focused row may be far below the viewport; the rows in view decide when to load.
  const lastVisible =
    focusedIndex !== null && lastIndex === focusedIndex && items.length > 1 ? items[items.length - 2].index : lastIndex

  useEffect(() => {
    if (hasNextPage && !pausedLoading && lastVisible >= rows.length - PREFETCH_ROWS) fetchNextPage()
  }, [hasNextPage, pausedLoading, lastVisible, rows.length, fetchNextPage])

  const onFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
    setFocusedIndex(row ? Number(row.dataset.index) : null)
  }, [])
  const onBlur = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null
    if (!next || !event.currentTarget.contains(next)) setFocusedIndex(null)
  }, [])

  const known = totalCount ?? (hasNextPage ? null : rows.length)
  const columns = m.columns

  return (
    <div
      ref={viewportRef}
      // Focusable so the list scrolls with arrow keys and Page Up/Down.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled
      tabIndex={0}
      role="region"
      aria-label={m.viewportLabel}
      className="bp-tx-viewport"
      data-slot="transaction-viewport"
      style={{ maxHeight: height }}
    >
      <div
        role="table"
        aria-label={m.tableLabel}
        aria-rowcount={known === null ? -1 : known + 1}
        className="bp-tx-table"
        data-layout={layout}
      >
        <div role="rowgroup" className="bp-tx-head">
          <div role="row" aria-rowindex={1} className="bp-tx-row bp-tx-header-row">
            {COLUMNS.map((column) => (
              <div key={column} role="columnheader" className={`bp-tx-cell bp-tx-${column}`}>
                {columns[column]}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="bp-tx-body" style={{ height: totalSize }} onFocus={onFocus} onBlur={onBlur}>
          {items.map((item) => {
            const entry = rows[item.index]
            return (
              <LedgerRow
                key={entry.id}
                entry={entry}
                index={item.index}
                start={item.start}
                height={item.size}
                cards={layout === 'cards'}
                invoices={invoices}
                pending={pendingInvoice && entry.invoice?.id === pendingInvoice.id ? pendingInvoice.action : null}
                onInvoice={onInvoice}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
})
