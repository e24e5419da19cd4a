import type { ComponentProps } from 'react'
import { useBillingContext } from '../provider/context'
import { useRootProps } from '../provider/root'
import { cx } from './cx'

/**
 * Portalled content leaves `.bp-root`, so it would lose the tokens and theme. This wrapper
 * carries them (class, data-theme and the host's appearance variables) into the portal.
 */
export function PortalTheme({ className, style, ...props }: ComponentProps<'div'>) {
  const root = useRootProps('portal', undefined, style)
  return <div {...props} {...root} className={cx(root.className, className)} />
}

/** Where portals go: the host's container (e.g. a shadow root) or document.body. */
export function usePortalContainer(): HTMLElement | undefined {
  return useBillingContext().portalContainer ?? undefined
}
