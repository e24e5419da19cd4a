import { VisuallyHidden as RadixVisuallyHidden } from 'radix-ui'
import type { ComponentProps } from 'react'
import { cx } from './cx'

/** Text for screen readers only. Inline styles, so it hides even where our stylesheet is absent. */
export function VisuallyHidden({ className, ...props }: ComponentProps<typeof RadixVisuallyHidden.Root>) {
  return (
    <RadixVisuallyHidden.Root data-slot="visually-hidden" className={cx('bp-visually-hidden', className)} {...props} />
  )
}
