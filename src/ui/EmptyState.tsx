import type { ComponentProps, ReactNode } from 'react'
import { cx } from './cx'

export interface EmptyStateProps extends Omit<ComponentProps<'div'>, 'title'> {
  icon?: ReactNode
  title: ReactNode
  description?: ReactNode
  /** The next step, e.g. an "Add card" button. */
  action?: ReactNode
  /** Heading level that fits the surrounding outline. */
  as?: 'h2' | 'h3' | 'h4' | 'p'
}

export function EmptyState({
  icon,
  title,
  description,
  action,
  as: Heading = 'h3',
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div data-slot="empty-state" className={cx('bp-empty', className)} {...props}>
      {icon && (
        <span className="bp-empty-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      <Heading className="bp-empty-title">{title}</Heading>
      {description && <p className="bp-empty-description">{description}</p>}
      {action && <div className="bp-empty-action">{action}</div>}
    </div>
  )
}
