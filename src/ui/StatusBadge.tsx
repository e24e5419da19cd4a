import type { ComponentProps, ReactNode } from 'react'
import { cx } from './cx'
import type { Tone } from './Notice'

export interface StatusBadgeProps extends ComponentProps<'span'> {
  /** Machine status, exposed as `data-state` for host styling ("active", "past_due"…). */
  status: string
  tone?: Tone
  icon?: ReactNode
  /** The visible, localised status text. Colour alone never carries the status. */
  children: ReactNode
}

export function StatusBadge({ status, tone = 'neutral', icon, className, children, ...props }: StatusBadgeProps) {
  return (
    <span
      data-slot="status-badge"
      data-status={status}
      data-state={status}
      data-tone={tone}
      className={cx('bp-badge', className)}
      {...props}
    >
      {icon}
      {children}
    </span>
  )
}
