import type { SliceSource } from '../../i18n/slice'
/** Strings of the transaction history: the ledger, its filters, invoices and the CSV export. */
const en = {
  title: 'Charges and transaction history',
  description:
    'Every charge, wallet top-up, usage, refund and credit on the account, with invoices to view and download.',
  tableLabel: 'Transactions',
  viewportLabel: 'Transactions, scrollable list',
  loading: 'Loading transactions…',
  loadingMore: 'Loading more transactions…',
  loadError: "We couldn't load your transactions.",
  loadMoreError: "We couldn't load more transactions. The ones above are still here.",
  showing: 'Showing {shown} of {total}',
  showingAll: { one: '{count} transaction', other: '{count} transactions' },
  empty: {
    title: 'No transactions yet',
    description: 'Charges, wallet top-ups and usage will appear here as they happen.',
  },
  noResults: {
    title: 'No results for these filters',
    description: 'No transaction matches the types and dates you chose.',
    clear: 'Clear filters',
  },
  columns: {
    date: 'Date',
    description: 'Description',
    type: 'Type',
    status: 'Status',
    amount: 'Amount',
    balance: 'Balance after',
    invoice: 'Invoice',
  },
  /** The balance's visible label on narrow rows, where the column header is not shown. */
  balanceShort: 'Balance',
  types: {
    subscription_charge: 'Subscription charge',
    top_up: 'Wallet top-up',
    auto_recharge: 'Auto-recharge',
    usage: 'Usage',
    refund: 'Refund',
    credit_grant: 'Complimentary credit',
    adjustment: 'Adjustment',
    unknown: 'Other',
  },
  statuses: {
    succeeded: 'Succeeded',
    pending: 'Pending',
    failed: 'Failed',
    refunded: 'Refunded',
    unknown: 'Unknown',
  },
  amountMissing: 'Amount not available',
  noDescription: 'No description',
  filters: {
    label: 'Filter transactions',
    type: 'Type',
    typeAll: 'All types',
    typeCount: { one: '{count} type', other: '{count} types' },
    range: 'Date range',
    presets: {
      all: 'All time',
      last30: 'Last 30 days',
      thisMonth: 'This month',
      last3Months: 'Last 3 months',
      thisYear: 'This year',
      custom: 'Custom dates',
    },
    from: 'From',
    to: 'To',
    rangeInvalid: 'The start date must be on or before the end date.',
    clear: 'Clear filters',
  },
  invoice: {
    view: 'View invoice {number}',
    download: 'Download invoice {number}',
    viewShort: 'View',
    downloadShort: 'Download',
    opening: 'Getting invoice {number}…',
    error: "Couldn't open invoice {number}.",
    unavailable: 'Invoice {number} is not available to {action} right now.',
    unsafe: "Invoice {number} came with a link that isn't safe to open, so it was not opened.",
    blocked: 'Your browser blocked the new tab for invoice {number}.',
    openLink: 'Open invoice {number}',
    actionView: 'view',
    actionDownload: 'download',
    dismiss: 'Dismiss',
  },
  export: {
    button: 'Export CSV',
    running: 'Exported {done} of {total}',
    runningUnknown: 'Exported {done}',
    progressLabel: 'CSV export progress',
    cancel: 'Cancel export',
    started: 'Exporting transactions to CSV…',
    done: { one: 'Exported {count} transaction to {file}.', other: 'Exported {count} transactions to {file}.' },
    canceled: 'Export canceled. Nothing was downloaded.',
    error: 'The export stopped: {error} Nothing was downloaded.',
    retry: 'Try the export again',
    fileName: 'transactions-{date}.csv',
    columns: {
      date: 'Date',
      description: 'Description',
      type: 'Type',
      status: 'Status',
      amount: 'Amount',
      currency: 'Currency',
      balance: 'Balance after',
      invoice: 'Invoice',
      id: 'Transaction ID',
    },
  },
}

export type TransactionsMessages = typeof en
/**
 * The English strings, built in. Other languages live in `src/locales/<tag>/transactions.ts`: a key added
 * here needs its translation there in every language (tsc and tests/unit/locales.test.ts say which).
 */
export const transactionsMessages: TransactionsMessages = en

/** This component's strings in the provider's locale, with the host's overrides. */
export function transactionsText(i18n: SliceSource): TransactionsMessages {
  return i18n.slice('transactions', transactionsMessages)
}
