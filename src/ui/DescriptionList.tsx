import type { ComponentProps, ReactNode } from 'react'
import { cx } from './cx'

export type DescriptionListProps = ComponentProps<'dl'>

/** Term/value pairs ("Next renewal — 1 May 2025"). Fill with DescriptionItem. */
export function DescriptionList({ className, ...props }: DescriptionListProps) {
  return <dl data-slot="description-list" className={cx('bp-dl', className)} {...props} />
}

export interface DescriptionItemProps extends Omit<ComponentProps<'div'>, 'term'> {
  term: ReactNode
  children: ReactNode
}

export function DescriptionItem({ term, children, className, ...props }: DescriptionItemProps) {
  return (
    <div data-slot="description-item" className={cx('bp-dl-item', className)} {...props}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}
