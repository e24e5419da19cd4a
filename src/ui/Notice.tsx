import type { ComponentProps, ReactNode } from 'react'
import { cx } from './cx'
import { AlertIcon, CheckIcon, InfoIcon } from './icons'

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral'

export interface NoticeProps extends Omit<ComponentProps<'div'>, 'title'> {
  tone?: Exclude<Tone, 'neutral'>
  title?: ReactNode
  /** A button or link beside the text, e.g. "Add a card". */
  action?: ReactNode
  /** Hide the tone icon. */
  icon?: ReactNode | false
}

const ICONS = { info: InfoIcon, success: CheckIcon, warning: AlertIcon, danger: AlertIcon }

/** Inline banner. Danger interrupts (role=alert); the rest wait their turn (role=status). */
export function Notice({ tone = 'info', title, action, icon, className, children, role, ...props }: NoticeProps) {
  const ToneIcon = ICONS[tone]
  return (
    <div
      role={role ?? (tone === 'danger' ? 'alert' : 'status')}
      data-slot="notice"
      data-tone={tone}
      className={cx('bp-notice', className)}
      {...props}
    >
      {icon !== false && <span className="bp-notice-icon">{icon ?? <ToneIcon />}</span>}
      <div className="bp-notice-content">
        {title && <p className="bp-notice-title">{title}</p>}
        {children && <div className="bp-notice-text">{children}</div>}
      </div>
      {action && <div className="bp-notice-action">{action}</div>}
    </div>
  )
}
