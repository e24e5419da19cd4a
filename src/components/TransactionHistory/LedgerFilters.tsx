import { DropdownMenu } from 'radix-ui'
import { memo, useId, type ComponentPropsWithoutRef } from 'react'
import type { LedgerEntryType } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import {
  Button,
  CheckIcon,
  ChevronDownIcon,
  cx,
  Field,
  PortalTheme,
  Select,
  TextInput,
  usePortalContainer,
} from '../../ui'
import {
  ALL_TRANSACTIONS,
  FILTERABLE_TYPES,
  isFilterActive,
  isRangeInvalid,
  RANGE_PRESETS,
  type RangePreset,
  type TransactionFilter,
} from './filter'
import { typeLabel } from './labels'

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
  const { messages } = useBillingI18n()
  const m = messages.transactions.filters
  const invalid = isRangeInvalid(value.range)
  const setRange = (range: TransactionFilter['range']) => onValueChange({ ...value, range })

  return (
    <fieldset data-slot="ledger-filters" className={cx('bp-tx-filters', className)} {...props}>
      <legend className="bp-visually-hidden">{m.label}</legend>
      <TypeMenu types={value.types} onTypesChange={(types) => onValueChange({ ...value, types })} />
      <Field label={m.range} className="bp-tx-filter-range">
        <Select
          value={value.range.preset}
          onValueChange={(preset) => setRange({ ...value.range, preset: preset as RangePreset })}
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

function TypeMenu({
  types,
  onTypesChange,
}: {
  types: LedgerEntryType[]
  onTypesChange: (types: LedgerEntryType[]) => void
}) {
  const { messages, plural } = useBillingI18n()
  const m = messages.transactions
  const container = usePortalContainer()
  const id = useId()
  const labelId = `${id}-label`
  const valueId = `${id}-value`
  const selected = FILTERABLE_TYPES.filter((type) => types.includes(type))
  const summary =
    selected.length === 0
      ? m.filters.typeAll
      : selected.length === 1
        ? typeLabel(m.types, selected[0])
        : plural(m.filters.typeCount, selected.length)

  const toggle = (type: LedgerEntryType, checked: boolean) => {
    const next = checked ? [...selected, type] : selected.filter((t) => t !== type)
    // Keep the catalog's order whatever order they were ticked in.
    onTypesChange(FILTERABLE_TYPES.filter((t) => next.includes(t)))
  }

  return (
    <div className="bp-field bp-tx-filter-type" data-slot="field">
      <span id={labelId} className="bp-field-label">
        {m.filters.type}
      </span>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button
            variant="secondary"
            className="bp-input bp-tx-type-trigger"
            aria-labelledby={`${labelId} ${valueId}`}
            data-slot="ledger-type-filter"
            data-active={selected.length > 0 ? '' : undefined}
          >
            <span id={valueId} className="bp-tx-type-value">
              {summary}
            </span>
            <ChevronDownIcon />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={container}>
          <PortalTheme>
            <DropdownMenu.Content
              align="start"
              sideOffset={4}
              aria-labelledby={labelId}
              className="bp-menu bp-tx-type-menu"
              data-slot="menu"
            >
              {FILTERABLE_TYPES.map((type) => {
                const checked = selected.includes(type)
                return (
                  <DropdownMenu.CheckboxItem
                    key={type}
                    checked={checked}
                    onCheckedChange={(next) => toggle(type, next === true)}
                    // Keep the menu open: several types are usually ticked in a row.
                    onSelect={(event) => event.preventDefault()}
                    className="bp-menu-item bp-tx-check-item"
                  >
                    <span className="bp-tx-checkbox" data-state={checked ? 'checked' : 'unchecked'} aria-hidden="true">
                      <DropdownMenu.ItemIndicator>
                        <CheckIcon />
                      </DropdownMenu.ItemIndicator>
                    </span>
                    {typeLabel(m.types, type)}
                  </DropdownMenu.CheckboxItem>
                )
              })}
              <DropdownMenu.Separator className="bp-tx-menu-separator" />
              <DropdownMenu.Item
                className="bp-menu-item"
                disabled={selected.length === 0}
                onSelect={() => onTypesChange([])}
              >
                {m.filters.typeAll}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </PortalTheme>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  )
}
