import type { ComponentProps, CSSProperties } from 'react'
import { useBillingI18n } from '../i18n'
import { cx } from './cx'
import { VisuallyHidden } from './VisuallyHidden'

export interface SkeletonProps extends ComponentProps<'div'> {
  width?: CSSProperties['width']
  height?: CSSProperties['height']
}

/** A grey placeholder block; decorative, so hidden from assistive tech. */
export function Skeleton({ width, height, className, style, ...props }: SkeletonProps) {
  return (
    <div
      aria-hidden="true"
      data-slot="skeleton"
      className={cx('bp-skeleton', className)}
      style={{ width, height, ...style }}
      {...props}
    />
  )
}

export interface LoadingStateProps extends ComponentProps<'div'> {
  /** How many placeholder rows to draw. */
  rows?: number
  /** Read to screen readers; default "Loading…". */
  label?: string
}

/** Placeholder rows shaped like the content, plus one "Loading…" for screen readers. */
export function LoadingState({ rows = 3, label, className, ...props }: LoadingStateProps) {
  const { messages } = useBillingI18n()
  return (
    <div role="status" data-slot="loading-state" className={cx('bp-loading', className)} {...props}>
      <VisuallyHidden>{label ?? messages.ui.loading}</VisuallyHidden>
      {Array.from({ length: rows }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders with no identity of their own
        <div key={`row-${row}`} className="bp-loading-row" aria-hidden="true">
          <Skeleton className="bp-skeleton-text" width={`${60 - (row % 3) * 12}%`} />
          <Skeleton className="bp-skeleton-text" width="16%" />
        </div>
      ))}
    </div>
  )
}

/**
 * "Loading…" for screen readers only, for waits that should not move the layout (a dialog whose
 * code is on its way).
 */
export function LoadingStatus({ label }: { label?: string }) {
  const { messages } = useBillingI18n()
  return (
    <VisuallyHidden role="status" data-slot="loading-status">
      {label ?? messages.ui.loading}
    </VisuallyHidden>
  )
}
