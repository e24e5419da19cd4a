/**
 * Invoices and receipts: numbered per account (one sequence), ids unique, and served as real
 * PDFs through signed links that are short-lived and bound to the account they belong to.
 */
import { BillingError } from '../../adapter/errors'
import type { InvoiceLinks } from '../../adapter/types'
import { signDocumentToken, verifyDocumentToken } from '../documents/links'
import type { BillingDocument } from '../documents/pdf'
import type { InvoiceRecord } from '../store/records'
import { type ServiceDeps, type WriteScope, iso, localeOf, newId, notFound, requireAccount } from './context'

async function issue(scope: WriteScope, kind: InvoiceRecord['kind']): Promise<InvoiceRecord> {
  const seq = await scope.tx.nextDocumentNumber(scope.account.id)
  const prefix = kind === 'invoice' ? 'INV' : 'RCP'
  const record: InvoiceRecord = {
    id: newId(kind === 'invoice' ? 'in' : 'rcpt'),
    number: `${prefix}-${scope.at.getUTCFullYear()}-${String(seq).padStart(5, '0')}`,
    kind,
    createdAt: iso(scope.at),
  }
  await scope.tx.insertInvoice(scope.account.id, record)
  return record
}

export const issueInvoice = (scope: WriteScope) => issue(scope, 'invoice')
export const issueReceipt = (scope: WriteScope) => issue(scope, 'receipt')

export async function getInvoiceLinks(deps: ServiceDeps, accountId: string, invoiceId: string): Promise<InvoiceLinks> {
  const account = await requireAccount(deps, accountId)
  const invoice = typeof invoiceId === 'string' ? await deps.store.read.invoice(accountId, invoiceId) : undefined
  if (!invoice) throw notFound(`invoice ${invoiceId}`)
  const settings = deps.documents
  if (!settings) return { viewUrl: null, downloadUrl: null, expiresAt: null }
  const expiresAt = new Date(deps.now().getTime() + settings.linkTtlMs)
  const token = signDocumentToken({
    secret: settings.secret,
    accountId,
    kind: invoice.kind,
    id: invoice.id,
    expiresAt,
    locale: localeOf(account),
  })
  const base = `${settings.baseUrl.replace(/\/+$/, '')}/${token}`
  return { viewUrl: base, downloadUrl: `${base}?download=1`, expiresAt: iso(expiresAt) }
}

function documentLines(entries: Awaited<ReturnType<ServiceDeps['store']['read']['entriesForInvoice']>>) {
  return entries.map((e) => ({
    description: e.description,
    amount: { amount: Math.abs(e.amount ?? 0), currency: e.currency },
  }))
}

/** A receipt's wallet balance after it: that of its last wallet entry. */
function balanceAfterOf(entries: Awaited<ReturnType<ServiceDeps['store']['read']['entriesForInvoice']>>) {
  const last = entries.findLast((e) => e.balanceAfter !== null)
  return last ? { amount: last.balanceAfter as number, currency: last.currency } : null
}

/** Builds the document a verified token names, from the account's own rows only. */
export async function loadDocument(deps: ServiceDeps, accountId: string, invoiceId: string): Promise<BillingDocument> {
  const settings = deps.documents
  if (!settings) throw new BillingError('unavailable', { message: 'Documents are not configured.' })
  const reads = deps.store.read
  const [account, invoice, entries, profile] = await Promise.all([
    reads.account(accountId),
    reads.invoice(accountId, invoiceId),
    reads.entriesForInvoice(accountId, invoiceId),
    reads.profile(accountId),
  ])
  if (!account || !invoice) throw notFound(`invoice ${invoiceId}`)
  const lines = documentLines(entries)
  const currency = entries[0]?.currency ?? account.currency
  const card = entries.find((e) => e.paymentMethodId)?.paymentMethodId
  const method = card ? await reads.paymentMethod(accountId, card) : undefined
  return {
    kind: invoice.kind,
    locale: localeOf(account),
    brandName: settings.brandName,
    number: invoice.number,
    issuedAt: invoice.createdAt,
    billedTo: profile
      ? {
          name: profile.name,
          company: profile.company,
          email: profile.email,
          addressLines: [
            profile.line1,
            profile.line2,
            [profile.postalCode, profile.city, profile.region].filter(Boolean).join(' '),
            profile.country,
          ].filter((l): l is string => Boolean(l)),
          taxId: profile.taxIdValue,
        }
      : null,
    lines,
    total: { amount: lines.reduce((sum, l) => sum + l.amount.amount, 0), currency },
    paymentMethod: method ? `${method.brand[0].toUpperCase()}${method.brand.slice(1)} •••• ${method.last4}` : null,
    balanceAfter: invoice.kind === 'receipt' ? balanceAfterOf(entries) : null,
    status: entries.every((e) => e.status === 'succeeded') ? 'paid' : 'failed',
  }
}

/**
 * `GET <documents.baseUrl>/<token>`: the PDF of the invoice or receipt the signed token names.
 * Needs no session (it is opened in a new tab); the token alone proves who may read it.
 */
export async function serveDocument(deps: ServiceDeps, request: Request): Promise<Response> {
  const settings = deps.documents
  const plain = (status: number, body: string) =>
    new Response(body, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  if (!settings) return plain(404, 'Not found')
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
  const url = new URL(request.url)
  const token = url.pathname.split('/').filter(Boolean).pop() ?? ''
  const verified = verifyDocumentToken(token, { secret: settings.secret, now: deps.now() })
  if ('error' in verified)
    return plain(verified.error === 'expired' ? 410 : 403, 'This link is not valid or has expired.')
  let document: BillingDocument
  try {
    document = await loadDocument(deps, verified.accountId, verified.id)
  } catch {
    return plain(404, 'Not found')
  }
  // pdf-lib is an optional peer, loaded only when a document is first served.
  const { renderBillingDocument } = await import('../documents/pdf')
  const pdf = await renderBillingDocument(document)
  const disposition = url.searchParams.has('download') ? 'attachment' : 'inline'
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(pdf), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `${disposition}; filename="${document.number}.pdf"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
