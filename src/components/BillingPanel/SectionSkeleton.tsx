import { useBillingI18n } from '../../i18n/context'
import { Skeleton } from '../../ui/Skeleton'
import { VisuallyHidden } from '../../ui/VisuallyHidden'
import type { BillingSection } from './sections'

/** The sections whose code loads on demand (Payments ships with the panel). */
export type LaterSection = Exclude<BillingSection, 'payments'>

// Cards and rows per section, roughly as tall as what loads, so the page does not jump.
const SHAPES: Record<LaterSection, readonly number[]> = {
  subscriptions: [3, 2],
  wallet: [3, 6],
}

/** Stands in for a section while its code loads: one "Loading…" for screen readers. */
export function SectionSkeleton({ section }: { section: LaterSection }) {
  const { messages } = useBillingI18n()
  return (
    <div
      role="status"
      className="bp-section-stack bp-section-skeleton"
      data-slot="billing-section-loading"
      data-section={section}
    >
      <VisuallyHidden>{messages.ui.loading}</VisuallyHidden>
      {SHAPES[section].map((rows, card) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders with no identity of their own
        <div key={card} className="bp-card bp-section-skeleton-card" aria-hidden="true">
          <Skeleton width="30%" height="1.25em" />
          <Skeleton width="55%" height="0.9em" />
          <div className="bp-section-skeleton-rows">
            {Array.from({ length: rows }, (_, row) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <div key={row} className="bp-section-skeleton-row">
                <Skeleton width={`${64 - (row % 3) * 14}%`} height="1em" />
                <Skeleton width="18%" height="1em" />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  )
}
