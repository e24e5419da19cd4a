import type { SliceSource } from '../../i18n/slice'
const en = {
  title: 'Billing information',
  description:
    'It appears on your invoices and receipts. Keep it current: some regions require it for recurring charges.',
  loading: 'Loading billing information…',
  loadError: "Billing information couldn't be loaded",
  edit: 'Edit',
  /** The Edit button's full name for screen readers, and the form's name. Starts with the visible "Edit". */
  editLabel: 'Edit billing information',
  empty: {
    title: 'No billing information yet',
    description: 'Add the name and address to show on your invoices and receipts.',
    readOnly: 'No billing information has been added to this account.',
    add: 'Add billing information',
  },
  view: {
    name: 'Name',
    company: 'Company',
    email: 'Email for invoices and receipts',
    address: 'Billing address',
    taxId: 'Tax ID',
    noTaxId: 'Not provided',
    walletReceipts: 'Wallet top-up receipts',
    receiptsOn: 'Emailed to {email}',
    receiptsOff: 'Not sent (default)',
  },
  form: {
    /** Shown in the view too: the tax ID's type, and the notice after saving. */
    taxTypes: {
      eu_vat: 'EU VAT number',
      es_cif: 'NIF / CIF (Spain)',
      mx_rfc: 'RFC (Mexico)',
      br_cnpj: 'CNPJ (Brazil)',
      br_cpf: 'CPF (Brazil)',
      ar_cuit: 'CUIT (Argentina)',
      co_nit: 'NIT (Colombia)',
      cl_tin: 'RUT (Chile)',
      pe_ruc: 'RUC (Peru)',
      us_ein: 'EIN (United States)',
      gb_vat: 'VAT number (United Kingdom)',
      ca_bn: 'Business Number (Canada)',
      other: 'Other',
    },
    saved: 'Billing information saved.',
  },
}

/** The strings the card shows; the form's own are in `formMessages.ts`, loaded with it. */
export type BillingProfileViewMessages = typeof en
/**
 * The English strings, built in. Other languages live in `src/locales/<tag>/billingProfile.ts`: a key added
 * here needs its translation there in every language (tsc and tests/unit/locales.test.ts say which).
 */
export const billingProfileMessages: BillingProfileViewMessages = en

/** This component's strings in the provider's locale, with the host's overrides. */
export function billingProfileText(i18n: SliceSource): BillingProfileViewMessages {
  return i18n.slice('billingProfile', billingProfileMessages)
}
