'use client'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type CSSProperties,
} from 'react'
import type { LedgerEntry, LedgerPage } from '../../adapter/types'
import { useCapabilities, useLedger } from '../../data'
import { useBillingI18n } from '../../i18n'
import { Button, EmptyState, Notice, SpinnerIcon, useAnnounce, useControllableState } from '../../ui'
import { ResourceSection } from '../shared/ResourceSection'
import { countMessage, formatCount } from './count'
import { ExportAction, ExportNotice } from './CsvExport'
import {
  ALL_TRANSACTIONS,
  dayString,
  isFilterActive,
  isRangeInvalid,
  toLedgerFilter,
  type TransactionFilter,
} from './filter'
import { LedgerFilters } from './LedgerFilters'
import { LedgerSkeleton } from './LedgerSkeleton'
import { LedgerTable, type LedgerLayout } from './LedgerTable'
import { useDisplayTimeZone } from './timeZone'
import { useCsvExport } from './useCsvExport'
import { useInvoiceOpener } from './useInvoiceOpener'
import { transactionsText } from './messages'

export interface TransactionHistoryProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /** The filter (controlled), e.g. from the host's URL. See `TransactionFilter`. */
  filter?: TransactionFilter
  /** The first filter when uncontrolled. Default: every type, all time. */
  defaultFilter?: TransactionFilter
  /** Each time the user changes the filter, with the new one. */
  onFilterChange?: (filter: TransactionFilter) => void
  /** Entries per adapter call. Default 50. */
  pageSize?: number
  /** Most the scrolling list grows to (px or any CSS length). Default 480. */
  height?: CSSProperties['maxHeight']
  /** The title's heading level, to fit the host page's outline. Default 2. */
  headingLevel?: 2 | 3 | 4
}

/** Below this width (of the list itself) rows stack as cards. */
const TABLE_MIN_WIDTH = 960

interface Flattened {
  pages: readonly LedgerPage[]
  rows: LedgerEntry[]
  seen: Set<string>
}

/**
 * All loaded entries in one list. Pages only ever get appended while scrolling, so the list
 * grows by the new page instead of being rebuilt (10 000 rows, a page every few frames).
 */
function useRows(pages: readonly LedgerPage[] | undefined): LedgerEntry[] {
  const cache = useRef<Flattened | null>(null)
  return useMemo(() => {
    if (!pages) return []
    const previous = cache.current
    const appended =
      previous !== null && previous.pages.length <= pages.length && previous.pages.every((page, i) => page === pages[i])
    const rows = appended ? [...previous.rows] : []
    const seen = appended ? previous.seen : new Set<string>()
    for (const page of pages.slice(appended ? previous.pages.length : 0)) {
      for (const entry of page.entries) {
        // An adapter that repeats an entry across pages would otherwise show it twice.
        if (seen.has(entry.id)) continue
        seen.add(entry.id)
        rows.push(entry)
      }
    }
    cache.current = { pages, rows, seen }
    return rows
  }, [pages])
}

/** The layout follows the component's own width, not the window's: hosts put it in columns. */
function useLayout(): [React.RefCallback<HTMLElement>, LedgerLayout] {
  const [layout, setLayout] = useState<LedgerLayout>('table')
  const [element, setElement] = useState<HTMLElement | null>(null)
  useLayoutEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return
    const update = (width: number) => {
      // 0 means no layout (jsdom, a hidden tab): keep what we have.
      if (width > 0) setLayout(width >= TABLE_MIN_WIDTH ? 'table' : 'cards')
    }
    update(element.getBoundingClientRect().width)
    const observer = new ResizeObserver((entries) => update(entries[0]?.contentRect.width ?? 0))
    observer.observe(element)
    return () => observer.disconnect()
  }, [element])
  return [setElement, layout]
}

/**
 * Charges and transaction history: one ledger of subscription charges, wallet top-ups,
 * usage, refunds and credits, filtered by the adapter, loaded page by page as the list
 * scrolls, with invoices to view and download and a CSV export of the current filter.
 */
export function TransactionHistory({
  filter: filterProp,
  defaultFilter = ALL_TRANSACTIONS,
  onFilterChange,
  pageSize = 50,
  height = 480,
  headingLevel = 2,
  ...props
}: TransactionHistoryProps) {
  const i18n = useBillingI18n()
  const m = transactionsText(i18n)
  const capabilities = useCapabilities()
  const timeZone = useDisplayTimeZone()
  const [filter, setFilter] = useControllableState<TransactionFilter>(filterProp, defaultFilter, onFilterChange)
  const [measureRef, layout] = useLayout()

  // While the custom range runs backwards the list keeps the last range that made sense.
  const rangeInvalid = isRangeInvalid(filter.range)
  const lastValid = useRef(filter)
  if (!rangeInvalid) lastValid.current = filter
  const applied = rangeInvalid ? lastValid.current : filter
  // Presets are relative to today: the adapter filter changes when the day does, not before.
  const today = dayString(new Date(), timeZone)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `today` stands for the clock
  const ledgerFilter = useMemo(() => toLedgerFilter(applied, { timeZone }), [applied, timeZone, today])
  const filterKey = JSON.stringify(ledgerFilter)

  const ledger = useLedger(ledgerFilter, { pageSize })
  const rows = useRows(ledger.data?.pages)
  const firstPage = ledger.data?.pages[0]
  const totalCount = typeof firstPage?.totalCount === 'number' ? Math.max(firstPage.totalCount, rows.length) : null
  const exporter = useCsvExport(ledgerFilter, timeZone)
  const invoices = useInvoiceOpener()

  const { fetchNextPage, hasNextPage, isFetchingNextPage, isFetchNextPageError } = ledger

  // After the user changes the filter, say what the list now holds (nothing is said on first load).
  const announce = useAnnounce()
  const announcedFilter = useRef(filterKey)
  const loaded = ledger.data !== undefined
  const resultCount = totalCount ?? rows.length
  useEffect(() => {
    if (!loaded || announcedFilter.current === filterKey) return
    announcedFilter.current = filterKey
    announce(resultCount === 0 ? m.noResults.title : countMessage(i18n, m.showingAll, resultCount))
  }, [announce, filterKey, i18n, loaded, m, resultCount])
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])
  const clearFilters = () => setFilter(ALL_TRANSACTIONS)

  const filtered = isFilterActive(applied)
  const state = rows.length > 0 ? 'ready' : filtered ? 'no-results' : 'empty'
  const list = () => {
    if (rows.length === 0) {
      return filtered ? (
        <EmptyState
          as={headingLevel === 4 ? 'p' : (`h${headingLevel + 1}` as 'h3')}
          title={m.noResults.title}
          description={m.noResults.description}
          action={<Button onClick={clearFilters}>{m.noResults.clear}</Button>}
          data-slot="transactions-no-results"
        />
      ) : (
        <EmptyState
          as={headingLevel === 4 ? 'p' : (`h${headingLevel + 1}` as 'h3')}
          title={m.empty.title}
          description={m.empty.description}
          data-slot="transactions-empty"
        />
      )
    }
    return (
      <>
        <LedgerTable
          key={filterKey}
          rows={rows}
          totalCount={totalCount}
          layout={layout}
          height={height}
          hasNextPage={hasNextPage}
          pausedLoading={isFetchingNextPage || isFetchNextPageError}
          fetchNextPage={loadMore}
          invoices={capabilities.invoices}
          pendingInvoice={invoices.pending}
          onInvoice={invoices.open}
        />
        <div className="bp-tx-footer" data-slot="transactions-footer">
          <span className="bp-tx-count">
            {hasNextPage && totalCount !== null
              ? i18n.t(m.showing, {
                  shown: formatCount(i18n.intlLocale, rows.length),
                  total: formatCount(i18n.intlLocale, totalCount),
                })
              : countMessage(i18n, m.showingAll, hasNextPage ? rows.length : (totalCount ?? rows.length))}
          </span>
          {isFetchingNextPage && (
            <span className="bp-tx-loading-more">
              <SpinnerIcon className="bp-spinner" />
              {m.loadingMore}
            </span>
          )}
        </div>
        {isFetchNextPageError && (
          <Notice
            tone="danger"
            data-slot="transactions-load-more-error"
            action={
              <Button size="sm" onClick={loadMore}>
                {i18n.messages.ui.retry}
              </Button>
            }
          >
            {m.loadMoreError}
          </Notice>
        )}
      </>
    )
  }

  return (
    <ResourceSection
      {...props}
      slot="transaction-history"
      query={ledger}
      messages={m}
      headingLevel={headingLevel}
      loading={<LedgerSkeleton layout={layout} label={m.loading} />}
      actions={<ExportAction exporter={exporter} />}
      state={state}
      data-layout={layout}
      ready={list}
      body={(content) => (
        <div ref={measureRef} className="bp-tx-body-wrap">
          <LedgerFilters value={filter} onValueChange={setFilter} />
          <ExportNotice exporter={exporter} />
          {invoices.notice && (
            <Notice
              tone={invoices.notice.tone}
              // Already announced; this is the lasting message.
              role="note"
              data-slot="invoice-notice"
              action={
                <>
                  {invoices.notice.link && (
                    <a
                      className="bp-button"
                      data-variant="secondary"
                      data-size="sm"
                      href={invoices.notice.link.href}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {invoices.notice.link.label}
                    </a>
                  )}
                  <Button size="sm" variant="ghost" onClick={invoices.dismiss}>
                    {m.invoice.dismiss}
                  </Button>
                </>
              }
            >
              {invoices.notice.text}
            </Notice>
          )}
          {content}
        </div>
      )}
    />
  )
}
