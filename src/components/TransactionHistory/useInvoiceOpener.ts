import { useCallback, useRef, useState } from 'react'
import { safeUrl } from '../../adapter/sanitize'
import type { InvoiceRef } from '../../adapter/types'
import { useInvoiceLinks } from '../../data'
import { useBillingI18n } from '../../i18n'
import { useAnnounce, useErrorMessage } from '../../ui'
import type { InvoiceAction } from './LedgerRow'
import { transactionsText } from './messages'

export interface InvoiceNotice {
  tone: 'danger' | 'warning'
  text: string
  /** A link the user can follow by hand when the browser blocked the new tab. */
  link?: { href: string; label: string; download?: string }
}

/** Opens a URL in a new tab without giving the page a handle back to ours. */
function openInNewTab(url: string): boolean {
  const opened = window.open(url, '_blank')
  if (!opened) return false
  try {
    opened.opener = null
  } catch {
    // Some browsers refuse the write for cross-origin windows; the tab is open all the same.
  }
  return true
}

/** A blob: URL is ours (same origin), so it can be saved under a file name. */
function saveFromBlobUrl(url: string, fileName: string) {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
}

/**
 * View and download invoices. Links are asked of the adapter at click time (signed URLs expire)
 * and never cached; a URL that is not http(s) (or blob: for downloads) is never opened, even if
 * an adapter skipped the boundary checks.
 */
export function useInvoiceOpener() {
  const billingI18n = useBillingI18n()
  const { t } = billingI18n
  const m = transactionsText(billingI18n).invoice
  const errorMessage = useErrorMessage()
  const announce = useAnnounce()
  const links = useInvoiceLinks()
  const getLinks = useRef(links.mutateAsync)
  getLinks.current = links.mutateAsync
  const inFlight = useRef(new Set<string>())
  const [pending, setPending] = useState<{ id: string; action: InvoiceAction } | null>(null)
  const [notice, setNotice] = useState<InvoiceNotice | null>(null)

  const fail = useCallback(
    (next: InvoiceNotice) => {
      setNotice(next)
      announce(next.text, next.tone === 'danger' ? 'assertive' : 'polite')
    },
    [announce],
  )

  const open = useCallback(
    async (invoice: InvoiceRef, action: InvoiceAction) => {
      const key = `${invoice.id}|${action}`
      // A second click while the link is on its way opens nothing twice.
      if (inFlight.current.has(key)) return
      inFlight.current.add(key)
      setPending({ id: invoice.id, action })
      setNotice(null)
      const number = invoice.number
      try {
        const result = await getLinks.current(invoice.id)
        const raw = action === 'view' ? result.viewUrl : result.downloadUrl
        if (!raw) {
          const what = action === 'view' ? m.actionView : m.actionDownload
          fail({ tone: 'warning', text: t(m.unavailable, { number, action: what }) })
          return
        }
        const url = safeUrl(raw, { allowBlob: action === 'download' })
        if (!url) {
          fail({ tone: 'danger', text: t(m.unsafe, { number }) })
          return
        }
        if (url.startsWith('blob:')) {
          saveFromBlobUrl(url, `${number}.pdf`)
        } else if (!openInNewTab(url)) {
          fail({
            tone: 'warning',
            text: t(m.blocked, { number }),
            link: { href: url, label: t(m.openLink, { number }) },
          })
        }
      } catch (error) {
        fail({ tone: 'danger', text: `${t(m.error, { number })} ${errorMessage(error)}` })
      } finally {
        inFlight.current.delete(key)
        setPending((current) => (current?.id === invoice.id && current.action === action ? null : current))
      }
    },
    [fail, errorMessage, t, m],
  )

  return { open, pending, notice, dismiss: useCallback(() => setNotice(null), []) }
}
