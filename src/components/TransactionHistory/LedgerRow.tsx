// biome-ignore-all lint/a11y/useSemanticElements: virtualised rows are absolutely positioned divs; ARIA table roles keep the table semantics that CSS display changes strip from <table> elements in some browsers
// biome-ignore-all lint/a11y/useFocusableInteractive: these rows and cells are read, not operated (a table, not a grid)
import { memo } from 'react'
import type { InvoiceRef, LedgerEntry } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { Button, DownloadIcon, StatusBadge, VisuallyHidden } from '../../ui'
import { statusLabel, statusTone, typeLabel } from './labels'
import { transactionsText } from './messages'

export type InvoiceAction = 'view' | 'download'

export interface LedgerRowProps {
  entry: LedgerEntry
  index: number
  /** Offset from the top of the list, in px. */
  start: number
  height: number
  /** Cards show a label beside the balance; the table has a column header for it. */
  cards: boolean
  /** The adapter can hand out invoice links. */
  invoices: boolean
  /** The invoice action of this row waiting for its link. */
  pending: InvoiceAction | null
  onInvoice: (invoice: InvoiceRef, action: InvoiceAction) => void
}

/**
 * One ledger entry as a table row (stacked as a card on narrow screens). Kept to a few
 * elements: a fast scroll mounts a dozen of these every frame.
 */
export const LedgerRow = memo(function LedgerRow({
  entry,
  index,
  start,
  height,
  cards,
  invoices,
  pending,
  onInvoice,
}: LedgerRowProps) {
  const i18n = useBillingI18n()
  const m = transactionsText(i18n)
  const amountSign = entry.amount ? Math.sign(entry.amount.amount) : 0
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-slot="transaction-row"
      data-type={entry.type}
      data-status={entry.status}
      data-state={entry.status}
      className="bp-tx-row"
      style={{ height, transform: `translateY(${start}px)` }}
    >
      <div role="cell" className="bp-tx-cell bp-tx-date">
        {i18n.formatDateTime(entry.createdAt)}
      </div>
      <div role="cell" className="bp-tx-cell bp-tx-description">
        {entry.description.trim() || m.noDescription}
      </div>
      <div role="cell" className="bp-tx-cell bp-tx-type">
        {typeLabel(m.types, entry.type)}
      </div>
      <div role="cell" className="bp-tx-cell bp-tx-status">
        <StatusBadge status={entry.status} tone={statusTone(entry.status)}>
          {statusLabel(m.statuses, entry.status)}
        </StatusBadge>
      </div>
      <div
        role="cell"
        className="bp-tx-cell bp-tx-amount bp-money"
        data-sign={amountSign > 0 ? 'positive' : amountSign < 0 ? 'negative' : 'zero'}
      >
        {entry.amount ? (
          // The sign is written out (+/−): colour only repeats it.
          i18n.formatMoney(entry.amount, { signDisplay: 'exceptZero' })
        ) : (
          <>
            <span aria-hidden="true">—</span>
            <VisuallyHidden>{m.amountMissing}</VisuallyHidden>
          </>
        )}
      </div>
      <div role="cell" className="bp-tx-cell bp-tx-balance bp-money">
        {entry.balanceAfter && (
          <>
            {cards && (
              <span className="bp-tx-cell-label" aria-hidden="true">
                {m.balanceShort}
              </span>
            )}
            {i18n.formatMoney(entry.balanceAfter)}
          </>
        )}
      </div>
      <div role="cell" className="bp-tx-cell bp-tx-invoice">
        {entry.invoice && (
          <InvoiceCell invoice={entry.invoice} invoices={invoices} pending={pending} onInvoice={onInvoice} />
        )}
      </div>
    </div>
  )
})

function InvoiceCell({
  invoice,
  invoices,
  pending,
  onInvoice,
}: {
  invoice: InvoiceRef
  invoices: boolean
  pending: InvoiceAction | null
  onInvoice: (invoice: InvoiceRef, action: InvoiceAction) => void
}) {
  const billingI18n = useBillingI18n()
  const { t } = billingI18n
  const m = transactionsText(billingI18n).invoice
  const view = t(m.view, { number: invoice.number })
  const download = t(m.download, { number: invoice.number })
  if (!invoices) return <span className="bp-tx-invoice-number">{invoice.number}</span>
  return (
    <span className="bp-tx-invoice-actions">
      {/* The number is the "view" link: its name still starts with what is shown. */}
      <Button
        variant="link"
        size="sm"
        className="bp-tx-invoice-number"
        aria-label={view}
        title={view}
        pending={pending === 'view'}
        pendingLabel={t(m.opening, { number: invoice.number })}
        data-slot="invoice-view"
        onClick={() => onInvoice(invoice, 'view')}
      >
        {invoice.number}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        iconOnly
        aria-label={download}
        title={download}
        pending={pending === 'download'}
        pendingLabel={t(m.opening, { number: invoice.number })}
        data-slot="invoice-download"
        onClick={() => onInvoice(invoice, 'download')}
      >
        {pending !== 'download' && <DownloadIcon />}
      </Button>
    </span>
  )
}
