import { useEffect, useRef } from 'react'
import { createPortal } from 'react-dom'
import { PortalTheme, usePortalContainer } from './PortalTheme'
import { LoadingState } from './Skeleton'

export interface DialogLoadingProps {
  /** The title the dialog will have, so the frame that opens already says what it is. */
  title: string
  /** Escape or a click outside: the person no longer wants the dialog. */
  onDismiss: () => void
}

/**
 * Stands in for a dialog whose code is still on its way: the same frame and title over the
 * page, with placeholder rows. It does not take focus, so the button that asked for the dialog
 * keeps it, and the dialog returns focus there when it closes.
 */
export function DialogLoading({ title, onDismiss }: DialogLoadingProps) {
  const container = usePortalContainer()
  const dismiss = useRef(onDismiss)
  dismiss.current = onDismiss

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dismiss.current()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  if (typeof document === 'undefined') return null
  return createPortal(
    <PortalTheme>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a click beside the frame, as beside a dialog; Escape is the keyboard's way */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the document-wide Escape listener above covers keyboards */}
      <div className="bp-dialog-overlay" data-slot="dialog-overlay" onClick={() => dismiss.current()} />
      <div className="bp-dialog" data-slot="dialog-loading" aria-busy="true">
        <div className="bp-dialog-header">
          <p className="bp-dialog-title">{title}</p>
        </div>
        <div className="bp-dialog-body">
          <LoadingState rows={3} />
        </div>
      </div>
    </PortalTheme>,
    container ?? document.body,
  )
}
