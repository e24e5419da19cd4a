import { useCallback, useEffect, useRef, useState } from 'react'
import { toBillingError, type BillingError } from '../../adapter/errors'
import type { LedgerFilter } from '../../adapter/types'
import { useLedgerPages } from '../../data/export'
import { useBillingI18n } from '../../i18n'
import { describeError, useAnnounce } from '../../ui'
import { countMessage } from './count'
import { dayString } from './filter'
import { transactionsText } from './messages'

export type CsvExportState =
  | { status: 'idle' }
  | { status: 'running'; exported: number; total: number | null }
  | { status: 'done'; count: number; fileName: string }
  | { status: 'canceled' }
  | { status: 'error'; error: BillingError }

/** Entries per adapter call while exporting: the most adapters usually allow. */
const EXPORT_PAGE_SIZE = 200

/**
 * Exports the ledger under a filter to a CSV download, page by page, with progress and cancel.
 * One export at a time; leaving the page cancels it.
 */
export function useCsvExport(filter: LedgerFilter, timeZone: string | undefined) {
  const i18n = useBillingI18n()
  const m = transactionsText(i18n)
  const announce = useAnnounce()
  const readPages = useLedgerPages()
  const [state, setState] = useState<CsvExportState>({ status: 'idle' })
  const running = useRef<AbortController | null>(null)

  useEffect(() => () => running.current?.abort(), [])

  const start = useCallback(async () => {
    if (running.current) return
    const controller = new AbortController()
    running.current = controller
    setState({ status: 'running', exported: 0, total: null })
    announce(m.export.started)
    try {
      // The CSV code is only wanted by people who export, so it is fetched on the first click.
      const { csvFileName, csvLabels, downloadCsv, exportLedgerCsv } = await import('./csv')
      if (controller.signal.aborted) return
      const { csv, count } = await exportLedgerCsv(
        readPages({ filter, pageSize: EXPORT_PAGE_SIZE, signal: controller.signal }),
        {
          labels: csvLabels(m),
          signal: controller.signal,
          onProgress: ({ exported, total }) => {
            if (!controller.signal.aborted) setState({ status: 'running', exported, total })
          },
        },
      )
      if (controller.signal.aborted) return
      const fileName = csvFileName(m.export.fileName, dayString(new Date(), timeZone))
      downloadCsv(csv, fileName)
      setState({ status: 'done', count, fileName })
      announce(countMessage(i18n, m.export.done, count, { file: fileName }))
    } catch (error) {
      if (controller.signal.aborted) return
      const billingError = toBillingError(error)
      setState({ status: 'error', error: billingError })
      announce(i18n.t(m.export.error, { error: describeError(billingError, i18n.messages.common.errors) }), 'assertive')
    } finally {
      if (running.current === controller) running.current = null
    }
  }, [announce, filter, i18n, m, readPages, timeZone])

  const cancel = useCallback(() => {
    const controller = running.current
    if (!controller) return
    controller.abort()
    running.current = null
    setState({ status: 'canceled' })
    announce(m.export.canceled)
  }, [announce, m])

  const dismiss = useCallback(() => setState({ status: 'idle' }), [])

  return { state, start, cancel, dismiss }
}
