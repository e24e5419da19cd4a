import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { Money } from '../../adapter/types'
import { type BillingLocale, LOCALES } from '../../i18n/locales'
import { isCurrencyCode } from '../../money/currencies'
import { ACCENT, CONTENT, Canvas, INK, MARGIN, MUTED, RIGHT } from './canvas'
import { formatDocumentDate, formatDocumentMoney } from './format'
import type { DocumentKind } from './links'
import { DOCUMENT_TEXT, type DocumentStatus, type DocumentText } from './text'

export interface BillingDocument {
  /** `receipt` is a wallet top-up or auto-recharge receipt. */
  kind: DocumentKind
  locale: BillingLocale
  /** The host's brand, printed at the top. */
  brandName: string
  number: string
  /** ISO 8601. */
  issuedAt: string
  billedTo: {
    name: string
    company?: string | null
    email?: string | null
    addressLines: string[]
    taxId?: string | null
  } | null
  /** Integer minor units. */
  lines: Array<{ description: string; amount: Money }>
  total: Money
  /** e.g. "Visa •••• 4242". */
  paymentMethod?: string | null
  /** On a wallet receipt: the balance right after it. */
  balanceAfter?: Money | null
  status: DocumentStatus
}

const BODY = 10
const ROW_PAD = 6
const ROW_LEADING = 13
const MAX_DESCRIPTION_LINES = 3
const MAX_ADDRESS_LINES = 6
/** Rows and totals stay above this; the footer sits below. */
const BOTTOM = 72
const FOOTER_Y = 36

interface Context {
  c: Canvas
  doc: BillingDocument
  t: DocumentText
  title: string
  money: (money: Money) => string
  /** Width of the right-aligned amount column. */
  amountColumn: number
}

/** An A4 PDF (standard fonts, no images) of an invoice or receipt. */
export async function renderBillingDocument(doc: BillingDocument): Promise<Uint8Array> {
  assertDocument(doc)
  const t = DOCUMENT_TEXT[doc.locale]
  const title = t.title[doc.kind]
  const pdf = await PDFDocument.create()
  pdf.setTitle(`${title} ${doc.number} — ${doc.brandName}`)
  pdf.setAuthor(doc.brandName)
  pdf.setSubject(title)
  pdf.setLanguage(doc.locale)
  pdf.setCreator('react-billing-panel')
  // Both dates from the document, so the same document always renders to the same bytes.
  pdf.setCreationDate(new Date(doc.issuedAt))
  pdf.setModificationDate(new Date(doc.issuedAt))

  const c = new Canvas(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  )
  const money = (m: Money) => {
    const symbol = formatDocumentMoney(m, doc.locale)
    return c.canEncode(symbol) ? symbol : formatDocumentMoney(m, doc.locale, true)
  }
  const widest = doc.lines.reduce(
    (max, line) => Math.max(max, c.width(money(line.amount), { size: BODY })),
    c.width(money(doc.total), { bold: true, size: 12 }),
  )
  const ctx: Context = { c, doc, t, title, money, amountColumn: Math.min(CONTENT / 2, Math.max(110, widest + 24)) }

  c.addPage()
  drawHeader(ctx)
  drawBilledTo(ctx)
  drawTableHeader(ctx)
  for (const line of doc.lines) drawLine(ctx, line)
  drawTotals(ctx)
  drawFooters(ctx)
  return pdf.save()
}

function drawHeader({ c, doc, t, title }: Context): void {
  const top = c.y
  c.text(doc.brandName, MARGIN, top - 20, { bold: true, size: 20, maxWidth: CONTENT * 0.55 })
  c.text(title, RIGHT, top - 16, { bold: true, size: 16, color: ACCENT, align: 'right', maxWidth: CONTENT * 0.4 })
  const meta: Array<[string, string, boolean]> = [
    [t.number, doc.number, false],
    [t.issuedAt, formatDocumentDate(doc.issuedAt, doc.locale), false],
    [t.status, t.statuses[doc.status], true],
  ]
  let y = top - 36
  for (const [label, value, isStatus] of meta) {
    const color = isStatus && doc.status === 'paid' ? ACCENT : INK
    const width = c.text(value, RIGHT, y, { size: 9, bold: isStatus, color, align: 'right', maxWidth: CONTENT * 0.3 })
    c.text(label, RIGHT - width - 6, y, { size: 9, color: MUTED, align: 'right' })
    y -= 14
  }
  c.y = y - 8
  c.rule(c.y, ACCENT, 1.5)
  c.y -= 26
}

function drawBilledTo({ c, doc, t }: Context): void {
  const to = doc.billedTo
  if (!to) return
  c.text(t.billedTo, MARGIN, c.y, { bold: true, size: 8, color: MUTED })
  c.y -= 15
  c.text(to.name, MARGIN, c.y, { bold: true, size: BODY, maxWidth: CONTENT })
  const rest = [
    to.company,
    ...to.addressLines.slice(0, MAX_ADDRESS_LINES),
    to.email,
    to.taxId && `${t.taxId}: ${to.taxId}`,
  ]
  for (const line of rest) {
    if (!line?.trim()) continue
    c.y -= 14
    c.text(line, MARGIN, c.y, { size: BODY, maxWidth: CONTENT })
  }
  c.y -= 34
}

function drawTableHeader({ c, t }: Context): void {
  c.text(t.description, MARGIN, c.y, { bold: true, size: 8, color: MUTED })
  c.text(t.amount, RIGHT, c.y, { bold: true, size: 8, color: MUTED, align: 'right' })
  c.y -= 8
  c.rule(c.y, MUTED, 0.75)
}

function drawLine(ctx: Context, line: BillingDocument['lines'][number]): void {
  const { c } = ctx
  const description = c.wrap(line.description, { size: BODY }, CONTENT - ctx.amountColumn, MAX_DESCRIPTION_LINES)
  const rows = description.length > 0 ? description : ['']
  const height = 2 * ROW_PAD + BODY + (rows.length - 1) * ROW_LEADING
  if (c.y - height < BOTTOM) {
    continuationPage(ctx)
    drawTableHeader(ctx)
  }
  let baseline = c.y - ROW_PAD - 8
  c.text(ctx.money(line.amount), RIGHT, baseline, { size: BODY, align: 'right' })
  for (const row of rows) {
    c.text(row, MARGIN, baseline, { size: BODY })
    baseline -= ROW_LEADING
  }
  c.y -= height
  c.rule(c.y)
}

function drawTotals(ctx: Context): void {
  const { c, doc, t } = ctx
  if (c.y - (doc.paymentMethod ? 60 : 40) - (doc.balanceAfter ? 14 : 0) < BOTTOM) continuationPage(ctx)
  c.rule(c.y, INK, 1, RIGHT - ctx.amountColumn - 90)
  c.y -= 20
  const width = c.text(ctx.money(doc.total), RIGHT, c.y, { bold: true, size: 12, align: 'right' })
  c.text(t.total, RIGHT - width - 16, c.y, { bold: true, size: 11, align: 'right' })
  if (doc.paymentMethod) {
    c.y -= 26
    const label = doc.status === 'paid' ? t.paidWith : t.paymentMethod
    const labelWidth = c.text(label, MARGIN, c.y, { size: 9, color: MUTED })
    c.text(doc.paymentMethod, MARGIN + labelWidth + 6, c.y, { size: 9, maxWidth: CONTENT - labelWidth - 6 })
  }
  if (doc.balanceAfter) {
    c.y -= doc.paymentMethod ? 14 : 26
    const labelWidth = c.text(t.balanceAfter, MARGIN, c.y, { size: 9, color: MUTED })
    c.text(ctx.money(doc.balanceAfter), MARGIN + labelWidth + 6, c.y, { size: 9 })
  }
}

/** Later pages repeat who and what in a compact header. */
function continuationPage({ c, doc, title }: Context): void {
  c.addPage()
  c.text(doc.brandName, MARGIN, c.y - 11, { bold: true, size: 11, maxWidth: CONTENT * 0.55 })
  c.text(`${title} ${doc.number}`, RIGHT, c.y - 11, { size: 9, color: MUTED, align: 'right', maxWidth: CONTENT * 0.4 })
  c.y -= 20
  c.rule(c.y)
  c.y -= 22
}

function drawFooters({ c, doc, t, title }: Context): void {
  c.pages.forEach((page, index) => {
    c.page = page
    c.rule(FOOTER_Y + 14)
    const pageLabel = t.page(index + 1, c.pages.length)
    const right = c.text(pageLabel, RIGHT, FOOTER_Y, { size: 8, color: MUTED, align: 'right' })
    const left = `${doc.brandName} · ${title} ${doc.number}`
    c.text(left, MARGIN, FOOTER_Y, { size: 8, color: MUTED, maxWidth: CONTENT - right - 24 })
  })
}

/** The service builds these; a bad field is a bug there, so name it instead of failing deep in Intl. */
function assertDocument(doc: BillingDocument): void {
  if (!Object.hasOwn(DOCUMENT_TEXT, doc.locale))
    throw new TypeError(`react-billing-panel: BillingDocument.locale must be one of ${LOCALES.join(', ')}`)
  if (doc.kind !== 'invoice' && doc.kind !== 'receipt')
    throw new TypeError("react-billing-panel: BillingDocument.kind must be 'invoice' or 'receipt'")
  if (doc.status !== 'paid' && doc.status !== 'failed')
    throw new TypeError("react-billing-panel: BillingDocument.status must be 'paid' or 'failed'")
  if (Number.isNaN(Date.parse(doc.issuedAt)))
    throw new TypeError('react-billing-panel: BillingDocument.issuedAt must be an ISO 8601 date')
  const amounts = [doc.total, ...doc.lines.map((line) => line.amount)]
  if (!amounts.every((m) => Number.isSafeInteger(m?.amount) && isCurrencyCode(m?.currency))) {
    throw new TypeError(
      'react-billing-panel: BillingDocument amounts must be integer minor units with an upper-case ISO 4217 currency',
    )
  }
}
