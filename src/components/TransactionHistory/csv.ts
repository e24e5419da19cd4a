import type { LedgerEntry, LedgerEntryStatus, LedgerEntryType, LedgerPage } from '../../adapter/types'
import { interpolate, type BillingMessages } from '../../i18n'
import { formatMoneyPlain } from '../../money'
import { statusLabel, typeLabel } from './labels'
import { transactionsMessages } from './messages'

/** The localised words a CSV file needs: its header row and the names of types and statuses. */
export interface CsvLabels {
  columns: BillingMessages['transactions']['export']['columns']
  types: Record<LedgerEntryType, string>
  statuses: Record<LedgerEntryStatus, string>
}

/** Labels from the catalog slice in use (host overrides included), English by default. */
export function csvLabels(source: BillingMessages['transactions'] = transactionsMessages): CsvLabels {
  const m = source
  return { columns: m.export.columns, types: m.types, statuses: m.statuses }
}

/** Spreadsheets run a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/

/**
 * One CSV field: text that a spreadsheet would run as a formula gets a leading `'`, and fields
 * with a comma, quote or line break are quoted. Amounts we wrote ourselves ("-12.50") stay
 * numbers; anything else starting with "-" is treated as text.
 */
export function csvField(value: string | number | null | undefined, kind: 'text' | 'number' = 'text'): string {
  let text = value == null ? '' : String(value)
  const isNumber = kind === 'number' && PLAIN_DECIMAL.test(text)
  if (!isNumber && FORMULA_START.test(text)) text = `'${text}`
  if (/[",\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`
  return text
}

const LINE_END = '\r\n'

function headerLine(labels: CsvLabels): string {
  const c = labels.columns
  return [c.date, c.description, c.type, c.status, c.amount, c.currency, c.balance, c.invoice, c.id]
    .map((label) => csvField(label))
    .join(',')
}

function entryLine(entry: LedgerEntry, labels: CsvLabels): string {
  const amount = entry.amount ? formatMoneyPlain(entry.amount) : ''
  const balance = entry.balanceAfter ? formatMoneyPlain(entry.balanceAfter) : ''
  const currency = entry.amount?.currency ?? entry.balanceAfter?.currency ?? ''
  return [
    csvField(entry.createdAt),
    csvField(entry.description),
    csvField(typeLabel(labels.types, entry.type)),
    csvField(statusLabel(labels.statuses, entry.status)),
    csvField(amount, 'number'),
    csvField(currency),
    csvField(balance, 'number'),
    csvField(entry.invoice?.number ?? ''),
    csvField(entry.id),
  ].join(',')
}

export interface ToCsvOptions {
  /** Start with the localised header row. Default true. */
  header?: boolean
}

/**
 * Ledger entries as RFC 4180 CSV (CRLF line ends): dates as ISO 8601, amounts as plain
 * decimals with a currency column, types and statuses in the labels' language.
 */
export function toCsv(
  entries: readonly LedgerEntry[],
  labels: CsvLabels = csvLabels(),
  options: ToCsvOptions = {},
): string {
  const lines = entries.map((entry) => entryLine(entry, labels))
  if (options.header ?? true) lines.unshift(headerLine(labels))
  return lines.length > 0 ? lines.join(LINE_END) + LINE_END : ''
}

export interface ExportProgress {
  exported: number
  /** Entries matching the filter, when the adapter says. */
  total: number | null
}

export interface ExportLedgerCsvOptions {
  labels?: CsvLabels
  onProgress?: (progress: ExportProgress) => void
  /** Checked between pages. */
  signal?: AbortSignal
}

/**
 * Builds the CSV of every entry the pages hold, page by page, reporting progress. Pass
 * `fetchLedgerPages(adapter, { filter })` (src/data/export) as `pages`.
 */
export async function exportLedgerCsv(
  pages: AsyncIterable<LedgerPage>,
  { labels = csvLabels(), onProgress, signal }: ExportLedgerCsvOptions = {},
): Promise<{ csv: string; count: number }> {
  const chunks = [toCsv([], labels)]
  const seen = new Set<string>()
  let total: number | null = null
  for await (const page of pages) {
    if (signal?.aborted) throw new DOMException('The export was canceled.', 'AbortError')
    const fresh = page.entries.filter((entry) => !seen.has(entry.id))
    for (const entry of fresh) seen.add(entry.id)
    if (fresh.length > 0) chunks.push(toCsv(fresh, labels, { header: false }))
    if (typeof page.totalCount === 'number') total = Math.max(page.totalCount, seen.size)
    onProgress?.({ exported: seen.size, total })
  }
  return { csv: chunks.join(''), count: seen.size }
}

/** "transactions-2026-11-26.csv", from the catalog's template and a calendar day. */
export function csvFileName(template: string, day: string): string {
  return interpolate(template, { date: day })
}

/**
 * Saves the CSV through a Blob URL. The byte-order mark makes spreadsheet apps read it as
 * UTF-8, so "Recarga automática" keeps its accent.
 */
export function downloadCsv(csv: string, fileName: string, doc: Document = document): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  doc.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
