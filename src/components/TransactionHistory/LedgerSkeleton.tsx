import { Skeleton, VisuallyHidden } from '../../ui'
import { rowHeight, type LedgerLayout } from './LedgerTable'

const PLACEHOLDER_ROWS = ['a', 'b', 'c', 'd', 'e', 'f']

/** Rows shaped like the loaded ones, so nothing jumps when the first page arrives. */
export function LedgerSkeleton({ layout, label }: { layout: LedgerLayout; label: string }) {
  return (
    <div role="status" className="bp-tx-skeleton" data-slot="transactions-loading" data-layout={layout}>
      <VisuallyHidden>{label}</VisuallyHidden>
      <div aria-hidden="true">
        {layout === 'table' && (
          <div className="bp-tx-header-row bp-tx-skeleton-row">
            <Skeleton width={48} height="0.75em" />
            <Skeleton width={96} height="0.75em" />
            <Skeleton width={64} height="0.75em" className="bp-tx-skeleton-amount" />
          </div>
        )}
        {PLACEHOLDER_ROWS.map((key, row) => (
          <div key={key} className="bp-tx-skeleton-row" style={{ height: rowHeight(layout, undefined) }}>
            <Skeleton width={layout === 'table' ? 96 : '35%'} height="0.9em" />
            <Skeleton width={`${46 - (row % 3) * 9}%`} height="0.9em" />
            <Skeleton width={72} height="1.3em" className="bp-tx-skeleton-badge" />
            <Skeleton width={80} height="0.9em" className="bp-tx-skeleton-amount" />
          </div>
        ))}
      </div>
    </div>
  )
}
