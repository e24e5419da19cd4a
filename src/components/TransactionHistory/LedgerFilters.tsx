import { memo, type ComponentPropsWithoutRef } from 'react'
import { useBillingI18n } from '../../i18n'
import { Button, cx, Field, NativeSelect, TextInput } from '../../ui'
import {
  ALL_TRANSACTIONS,
  isFilterActive,
  isRangeInvalid,
  RANGE_PRESETS,
  type RangePreset,
  type TransactionFilter,
} from './filter'
import { TypeFilter } from './TypeFilter'
import { transactionsText } from './messages'

export interface LedgerFiltersProps extends Omit<ComponentPropsWithoutRef<'fieldset'>, 'defaultValue' | 'onChange'> {
  value: TransactionFilter
  onValueChange: (filter: TransactionFilter) => void
}

/**
 * Type (several at once) and date range, presets or custom days. It only describes the filter;
 * the list asks the adapter with it (nothing is filtered in the browser).
 */
export const LedgerFilters = memo(function LedgerFilters({
  value,
  onValueChange,
  className,
  ...props
}: LedgerFiltersProps) {
  const billingI18n = useBillingI18n()
  const m = transactionsText(billingI18n).filters
  const invalid = isRangeInvalid(value.range)
  const setRange = (range: TransactionFilter['range']) => onValueChange({ ...value, range })

  return (
    <fieldset data-slot="ledger-filters" className={cx('bp-tx-filters', className)} {...props}>
      <legend className="bp-visually-hidden">{m.label}</legend>
      <TypeFilter types={value.types} onTypesChange={(types) => onValueChange({ ...value, types })} />
      <Field label={m.range} className="bp-tx-filter-range">
        {/* The platform's select: a handful of presets, best on phones, nothing extra to ship. */}
        <NativeSelect
          value={value.range.preset}
          onChange={(event) => setRange({ ...value.range, preset: event.target.value as RangePreset })}
          options={RANGE_PRESETS.map((preset) => ({ value: preset, label: m.presets[preset] }))}
        />
      </Field>
      {value.range.preset === 'custom' && (
        <>
          <Field label={m.from} className="bp-tx-filter-day">
            <TextInput
              type="date"
              value={value.range.from ?? ''}
              max={value.range.to ?? undefined}
              onChange={(event) => setRange({ ...value.range, from: event.target.value || null })}
            />
          </Field>
          <Field label={m.to} className="bp-tx-filter-day" error={invalid ? m.rangeInvalid : undefined}>
            <TextInput
              type="date"
              value={value.range.to ?? ''}
              min={value.range.from ?? undefined}
              onChange={(event) => setRange({ ...value.range, to: event.target.value || null })}
            />
          </Field>
        </>
      )}
      {isFilterActive(value) && (
        <Button
          variant="ghost"
          className="bp-tx-filter-clear"
          data-slot="ledger-filters-clear"
          onClick={() => onValueChange(ALL_TRANSACTIONS)}
        >
          {m.clear}
        </Button>
      )}
    </fieldset>
  )
})
