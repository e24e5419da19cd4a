import type { ComponentProps, CSSProperties } from 'react'
import { cx } from './cx'

// Inline, so it hides even where our stylesheet is absent (the same rules as Radix's).
const HIDDEN: CSSProperties = {
  position: 'absolute',
  border: 0,
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  wordWrap: 'normal',
}

/** Text for screen readers only. */
export function VisuallyHidden({ className, style, ...props }: ComponentProps<'span'>) {
  return (
    <span
      data-slot="visually-hidden"
      className={cx('bp-visually-hidden', className)}
      style={{ ...HIDDEN, ...style }}
      {...props}
    />
  )
}
