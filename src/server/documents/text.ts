import type { BillingLocale } from '../../i18n/locales'
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
  /** On a receipt: the wallet balance right after it. */
  balanceAfter: string
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
    balanceAfter: 'Saldo de la cartera después',
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
    balanceAfter: 'Wallet balance after',
    page: (page, count) => `Page ${page} of ${count}`,
  },
  'pt-BR': {
    title: { invoice: 'Fatura', receipt: 'Recibo' },
    number: 'Nº',
    issuedAt: 'Data de emissão',
    status: 'Situação',
    statuses: { paid: 'Pago', failed: 'Falhou' },
    billedTo: 'Faturado para',
    taxId: 'CPF/CNPJ',
    description: 'Descrição',
    amount: 'Valor',
    total: 'Total',
    paidWith: 'Pago com',
    paymentMethod: 'Forma de pagamento',
    walletTopUp: 'Recarga de saldo',
    autoRecharge: 'Recarga automática',
    balanceAfter: 'Saldo da carteira depois',
    page: (page, count) => `Página ${page} de ${count}`,
  },
  fr: {
    title: { invoice: 'Facture', receipt: 'Reçu' },
    number: 'N°',
    issuedAt: 'Date d’émission',
    status: 'Statut',
    statuses: { paid: 'Payé', failed: 'Échoué' },
    billedTo: 'Facturé à',
    taxId: 'Numéro fiscal',
    description: 'Description',
    amount: 'Montant',
    total: 'Total',
    paidWith: 'Payé avec',
    paymentMethod: 'Moyen de paiement',
    walletTopUp: 'Rechargement du solde',
    autoRecharge: 'Rechargement automatique',
    balanceAfter: 'Solde du portefeuille après',
    page: (page, count) => `Page ${page} sur ${count}`,
  },
  de: {
    title: { invoice: 'Rechnung', receipt: 'Beleg' },
    number: 'Nr.',
    issuedAt: 'Rechnungsdatum',
    status: 'Status',
    statuses: { paid: 'Bezahlt', failed: 'Fehlgeschlagen' },
    billedTo: 'Rechnungsempfänger',
    taxId: 'Steuernummer',
    description: 'Beschreibung',
    amount: 'Betrag',
    total: 'Gesamt',
    paidWith: 'Bezahlt mit',
    paymentMethod: 'Zahlungsmethode',
    walletTopUp: 'Guthabenaufladung',
    autoRecharge: 'Automatische Aufladung',
    balanceAfter: 'Guthaben danach',
    page: (page, count) => `Seite ${page} von ${count}`,
  },
  it: {
    title: { invoice: 'Fattura', receipt: 'Ricevuta' },
    number: 'N.',
    issuedAt: 'Data di emissione',
    status: 'Stato',
    statuses: { paid: 'Pagato', failed: 'Non riuscito' },
    billedTo: 'Intestata a',
    taxId: 'Codice fiscale / P. IVA',
    description: 'Descrizione',
    amount: 'Importo',
    total: 'Totale',
    paidWith: 'Pagato con',
    paymentMethod: 'Metodo di pagamento',
    walletTopUp: 'Ricarica del saldo',
    autoRecharge: 'Ricarica automatica',
    balanceAfter: 'Saldo del portafoglio dopo',
    page: (page, count) => `Pagina ${page} di ${count}`,
  },
}
