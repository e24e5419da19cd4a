import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react'
import { cx } from './cx'

type AnyProps = Record<string, unknown>

/**
 * `asChild`: our props on the element passed as the only child instead of our own element.
 * The child's props win, except that classes join, styles merge and both handlers run (the
 * child's first). A few lines rather than Radix's Slot, which would ship with every button.
 */
export function renderAsChild(children: ReactNode, ours: AnyProps): ReactNode {
  if (!isValidElement(children)) return children
  const child = children as ReactElement<AnyProps>
  const theirs = child.props
  const merged: AnyProps = { ...ours, ...theirs }
  for (const key of Object.keys(ours)) {
    const mine = ours[key]
    const other = theirs[key]
    if (/^on[A-Z]/.test(key) && typeof mine === 'function' && typeof other === 'function') {
      merged[key] = (...args: unknown[]) => {
        other(...args)
        mine(...args)
      }
    }
  }
  merged.className = cx(ours.className as string | undefined, theirs.className as string | undefined) || undefined
  if (ours.style || theirs.style) merged.style = { ...(ours.style as object), ...(theirs.style as object) }
  return cloneElement(child, merged)
}
