import { Tabs as RadixTabs } from 'radix-ui'
import type { ComponentProps } from 'react'
import { cx } from './cx'

/** Radix Tabs with our classes; `value`/`onValueChange` let a host router drive the section. */
export function Tabs({ className, ...props }: ComponentProps<typeof RadixTabs.Root>) {
  return <RadixTabs.Root data-slot="tabs" className={cx('bp-tabs', className)} {...props} />
}

export function TabsList({ className, ...props }: ComponentProps<typeof RadixTabs.List>) {
  return <RadixTabs.List data-slot="tab-list" className={cx('bp-tab-list', className)} {...props} />
}

export function Tab({ className, ...props }: ComponentProps<typeof RadixTabs.Trigger>) {
  return <RadixTabs.Trigger data-slot="tab" className={cx('bp-tab', className)} {...props} />
}

export function TabPanel({ className, ...props }: ComponentProps<typeof RadixTabs.Content>) {
  return <RadixTabs.Content data-slot="tab-panel" className={cx('bp-tab-panel', className)} {...props} />
}
