import type { BillingLocale } from '../../i18n/catalog'
import type { DocumentKind } from './links'

export type DocumentStatus = 'paid' | 'failed'

/** Every string a billing document prints, per locale. */
export interface DocumentText {
  title: Record<DocumentKind, string>
  number: string
  issuedAt: string
  status: string
  statuses: Record<DocumentStatus, string>
  billedTo: string
  taxId: string
  description: string
  amount: string
  total: string
  /** Label before the card on a paid document. */
  paidWith: string
  /** The same label when the payment failed: nothing was paid with it. */
  paymentMethod: string
  /** Line descriptions the service can use for receipts. */
  walletTopUp: string
  autoRecharge: string
  page: (page: number, count: number) => string
}

export const DOCUMENT_TEXT: Record<BillingLocale, DocumentText> = {
  es: {
    title: { invoice: 'Factura', receipt: 'Recibo' },
    number: 'Nº',
    issuedAt: 'Fecha de emisión',
    status: 'Estado',
    statuses: { paid: 'Pagado', failed: 'Fallido' },
    billedTo: 'Facturado a',
    taxId: 'ID fiscal',
    description: 'Descripción',
    amount: 'Importe',
    total: 'Total',
    paidWith: 'Pagado con',
    paymentMethod: 'Método de pago',
    walletTopUp: 'Recarga de saldo',
    autoRecharge: 'Recarga automática',
    page: (page, count) => `Página ${page} de ${count}`,
  },
  en: {
    title: { invoice: 'Invoice', receipt: 'Receipt' },
    number: 'No.',
    issuedAt: 'Issue date',
    status: 'Status',
    statuses: { paid: 'Paid', failed: 'Failed' },
    billedTo: 'Billed to',
    taxId: 'Tax ID',
    description: 'Description',
    amount: 'Amount',
    total: 'Total',
    paidWith: 'Paid with',
    paymentMethod: 'Payment method',
    walletTopUp: 'Wallet top-up',
    autoRecharge: 'Auto-recharge',
    page: (page, count) => `Page ${page} of ${count}`,
  },
}
