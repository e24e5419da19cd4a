'use client'
import type { ReactNode } from 'react'
import { Deferred, DialogLoading } from '../../ui'
import type { LazyDialogState } from './useLazyDialog'

export interface LazyDialogProps {
  dialog: LazyDialogState
  /** The dialog's title: while its code is on the way, an open dialog shows as a frame with it. */
  loadingTitle: string
  children: ReactNode
}

/** Where a lazy dialog renders once first opened, with the dialog's frame while its code loads. */
export function LazyDialog({ dialog, loadingTitle, children }: LazyDialogProps) {
  if (!dialog.mounted) return null
  const { open, onOpenChange } = dialog.props
  return (
    <Deferred fallback={open && <DialogLoading title={loadingTitle} onDismiss={() => onOpenChange(false)} />}>
      {children}
    </Deferred>
  )
}
