import { DropdownMenu } from 'radix-ui'
import type { ComponentProps, ReactNode } from 'react'
import { useBillingI18n } from '../i18n'
import { Button } from './Button'
import { cx } from './cx'
import { MoreIcon } from './icons'
import { PortalTheme, usePortalContainer } from './PortalTheme'

export interface MenuProps extends ComponentProps<typeof DropdownMenu.Content> {
  /** Name of the trigger, e.g. "Actions for Visa •••• 4242". Default "More actions". */
  label?: string
  /** Replace the default "⋯" button. */
  trigger?: ReactNode
  open?: boolean
  onOpenChange?: (open: boolean) => void
}

/** Row actions behind a "⋯" button. Fill with MenuItem. */
export function Menu({ label, trigger, open, onOpenChange, className, children, ...props }: MenuProps) {
  const { messages } = useBillingI18n()
  const container = usePortalContainer()
  return (
    <DropdownMenu.Root open={open} onOpenChange={onOpenChange} modal={false}>
      <DropdownMenu.Trigger asChild>
        {trigger ?? (
          <Button variant="ghost" size="sm" iconOnly aria-label={label ?? messages.ui.moreActions}>
            <MoreIcon />
          </Button>
        )}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal container={container}>
        <PortalTheme>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            data-slot="menu"
            className={cx('bp-menu', className)}
            {...props}
          >
            {children}
          </DropdownMenu.Content>
        </PortalTheme>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

export interface MenuItemProps extends ComponentProps<typeof DropdownMenu.Item> {
  destructive?: boolean
  icon?: ReactNode
}

export function MenuItem({ destructive = false, icon, className, children, ...props }: MenuItemProps) {
  return (
    <DropdownMenu.Item
      data-slot="menu-item"
      data-variant={destructive ? 'danger' : 'default'}
      className={cx('bp-menu-item', className)}
      {...props}
    >
      {icon}
      {children}
    </DropdownMenu.Item>
  )
}
