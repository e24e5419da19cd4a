/**
 * The statements of schema version 2: what a card processor needs us to remember (its customer
 * per account, the PaymentIntent behind each processor key, the events already handled, the
 * disputes). Spread into `readQueries` / `writeQueries`, so they run inside the same
 * transactions as the rest of the store.
 */
import type { Row, SqlDialect, SqlExecutor } from './driver'

export interface ProcessorChargeRecord {
  processorKey: string
  accountId: string
  intentId: string
  /** How much of it has been refunded so far, as already written to the ledger. */
  refundedAmount: number
}

export interface ProcessorDisputeRecord {
  id: string
  chargeId: string | null
  intentId: string | null
  amount: number
  currency: string
  reason: string | null
  status: string
  createdAt: string
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v))

const toCharge = (r: Row): ProcessorChargeRecord => ({
  processorKey: String(r.processor_key),
  accountId: String(r.account_id),
  intentId: String(r.intent_id),
  refundedAmount: Number(r.refunded_amount),
})

export function processorReadQueries(sql: SqlExecutor, _dialect: SqlDialect) {
  return {
    processorCustomer: async (accountId: string) =>
      str(
        (await sql.get<Row>('SELECT customer_id FROM processor_customers WHERE account_id = ?', [accountId]))
          ?.customer_id,
      ),
    processorAccountForCustomer: async (customerId: string) =>
      str(
        (await sql.get<Row>('SELECT account_id FROM processor_customers WHERE customer_id = ?', [customerId]))
          ?.account_id,
      ),
    processorCharge: async (processorKey: string) => {
      const row = await sql.get('SELECT * FROM processor_charges WHERE processor_key = ?', [processorKey])
      return row ? toCharge(row) : undefined
    },
    processorChargeByIntent: async (intentId: string) => {
      const row = await sql.get('SELECT * FROM processor_charges WHERE intent_id = ?', [intentId])
      return row ? toCharge(row) : undefined
    },
    processorEventSeen: async (eventId: string) =>
      Boolean(await sql.get('SELECT 1 AS x FROM processor_events WHERE event_id = ?', [eventId])),
    processorDisputes: async (accountId: string) =>
      (await sql.all('SELECT * FROM processor_disputes WHERE account_id = ? ORDER BY created_at, id', [accountId])).map(
        (r): ProcessorDisputeRecord => ({
          id: String(r.id),
          chargeId: str(r.charge_id),
          intentId: str(r.intent_id),
          amount: Number(r.amount),
          currency: String(r.currency),
          reason: str(r.reason),
          status: String(r.status),
          createdAt: String(r.created_at),
        }),
      ),
    /** The saved card (not removed) with this processor id, whichever account holds it. */
    processorCardOwner: async (providerId: string) => {
      const row = await sql.get<Row>(
        'SELECT account_id, id FROM payment_methods WHERE provider_id = ? AND removed_at IS NULL',
        [providerId],
      )
      return row ? { accountId: String(row.account_id), id: String(row.id) } : undefined
    },
  }
}

export function processorWriteQueries(sql: SqlExecutor, _dialect: SqlDialect) {
  return {
    /** False when the account already has one (the caller reads the winner back). */
    insertProcessorCustomer: async (accountId: string, customerId: string, at: string) =>
      (
        await sql.run(
          'INSERT INTO processor_customers (account_id, customer_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          [accountId, customerId, at],
        )
      ).changes > 0,
    insertProcessorCharge: (c: Omit<ProcessorChargeRecord, 'refundedAmount'>, at: string) =>
      sql.run(
        'INSERT INTO processor_charges (processor_key, account_id, intent_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [c.processorKey, c.accountId, c.intentId, at],
      ),
    setProcessorRefunded: (intentId: string, refundedAmount: number) =>
      sql.run('UPDATE processor_charges SET refunded_amount = ? WHERE intent_id = ?', [refundedAmount, intentId]),
    /** False when the event was already recorded. */
    insertProcessorEvent: async (eventId: string, type: string, at: string) =>
      (
        await sql.run(
          'INSERT INTO processor_events (event_id, type, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          [eventId, type, at],
        )
      ).changes > 0,
    insertProcessorDispute: async (accountId: string, d: ProcessorDisputeRecord) =>
      (
        await sql.run(
          `INSERT INTO processor_disputes (account_id, id, charge_id, intent_id, amount, currency, reason, status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          [accountId, d.id, d.chargeId, d.intentId, d.amount, d.currency, d.reason, d.status, d.createdAt],
        )
      ).changes > 0,
    updateCardDetails: (
      accountId: string,
      id: string,
      c: { brand: string; last4: string; expMonth: number | null; expYear: number | null },
    ) =>
      sql.run(
        'UPDATE payment_methods SET brand = ?, last4 = ?, exp_month = ?, exp_year = ? WHERE account_id = ? AND id = ?',
        [c.brand, c.last4, c.expMonth, c.expYear, accountId, id],
      ),
  }
}
