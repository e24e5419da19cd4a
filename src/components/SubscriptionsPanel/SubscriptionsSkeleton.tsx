import { Skeleton, VisuallyHidden } from '../../ui'

/** Two groups of placeholder cards; fixed, so their keys are too. */
const PLACEHOLDERS = [
  { key: 'first', cards: ['first-a', 'first-b'] },
  { key: 'second', cards: ['second-a'] },
]

/** Shaped like the loaded panel (group headings over cards), so nothing jumps when data arrives. */
export function SubscriptionsSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="bp-subscriptions-body" data-slot="subscriptions-loading">
      <VisuallyHidden>{label}</VisuallyHidden>
      {PLACEHOLDERS.map((group) => (
        <div key={group.key} className="bp-subscription-group" aria-hidden="true">
          <div className="bp-subscription-group-header">
            <Skeleton width="38%" height="1.1em" />
            <Skeleton width="62%" height="0.9em" />
          </div>
          <div className="bp-subscription-list">
            {group.cards.map((card) => (
              <div key={card} className="bp-subscription-card bp-card bp-subscription-skeleton">
                <div className="bp-subscription-main">
                  <Skeleton width="45%" height="1.2em" />
                  <Skeleton width="22%" height="1.2em" />
                </div>
                <Skeleton width="70%" height="0.9em" />
                <Skeleton width="35%" height="0.9em" />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  )
}
