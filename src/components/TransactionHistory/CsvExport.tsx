import { useEffect, useRef } from 'react'
import { useBillingI18n } from '../../i18n'
import { Button, DownloadIcon, Notice, useErrorMessage } from '../../ui'
import { countMessage, formatCount } from './count'
import type { useCsvExport } from './useCsvExport'
import { transactionsText } from './messages'

type Exporter = ReturnType<typeof useCsvExport>

/**
 * "Export CSV", and while it runs its progress and a Cancel button beside it. The button keeps
 * focus (pending, not removed), and focus comes back to it when the export is canceled.
 */
export function ExportAction({ exporter }: { exporter: Exporter }) {
  const i18n = useBillingI18n()
  const m = transactionsText(i18n).export
  const { state } = exporter
  const buttonRef = useRef<HTMLButtonElement>(null)
  const running = state.status === 'running'
  const wasRunning = useRef(running)

  useEffect(() => {
    // Cancel disappears with the run; without this, focus would fall to the page.
    if (wasRunning.current && !running && buttonRef.current && !buttonRef.current.contains(document.activeElement)) {
      const active = document.activeElement
      if (!active || active === document.body) buttonRef.current.focus()
    }
    wasRunning.current = running
  }, [running])

  return (
    <div className="bp-tx-export" data-slot="transactions-export" data-state={state.status}>
      {running && (
        <span className="bp-tx-export-progress">
          <progress
            aria-label={m.progressLabel}
            max={state.total ?? undefined}
            value={state.total === null ? undefined : state.exported}
          />
          <span className="bp-tx-export-count">
            {state.total === null
              ? i18n.t(m.runningUnknown, { done: formatCount(i18n.intlLocale, state.exported) })
              : i18n.t(m.running, {
                  done: formatCount(i18n.intlLocale, state.exported),
                  total: formatCount(i18n.intlLocale, state.total),
                })}
          </span>
          <Button size="sm" variant="ghost" onClick={exporter.cancel} data-slot="transactions-export-cancel">
            {m.cancel}
          </Button>
        </span>
      )}
      <Button ref={buttonRef} pending={running} pendingLabel={m.started} onClick={() => void exporter.start()}>
        <DownloadIcon />
        {m.button}
      </Button>
    </div>
  )
}

/** What the last export came to: done, canceled, or why it stopped (with a retry). */
export function ExportNotice({ exporter }: { exporter: Exporter }) {
  const i18n = useBillingI18n()
  const m = transactionsText(i18n).export
  const errorMessage = useErrorMessage()
  const { state } = exporter
  const dismiss = (
    <Button size="sm" variant="ghost" onClick={exporter.dismiss}>
      {transactionsText(i18n).invoice.dismiss}
    </Button>
  )
  // Each outcome was announced when it happened; these stay on screen as role="note".
  if (state.status === 'done') {
    return (
      <Notice tone="success" role="note" data-slot="transactions-export-done" action={dismiss}>
        {countMessage(i18n, m.done, state.count, { file: state.fileName })}
      </Notice>
    )
  }
  if (state.status === 'canceled') {
    return (
      <Notice tone="info" role="note" data-slot="transactions-export-canceled" action={dismiss}>
        {m.canceled}
      </Notice>
    )
  }
  if (state.status === 'error') {
    return (
      <Notice
        tone="danger"
        role="note"
        data-slot="transactions-export-error"
        action={
          <>
            <Button size="sm" onClick={() => void exporter.start()}>
              {m.retry}
            </Button>
            {dismiss}
          </>
        }
      >
        {i18n.t(m.error, { error: errorMessage(state.error) })}
      </Notice>
    )
  }
  return null
}
