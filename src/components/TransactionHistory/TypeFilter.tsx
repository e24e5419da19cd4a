import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react'
import type { LedgerEntryType } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { Button, CheckIcon, ChevronDownIcon } from '../../ui'
import { FILTERABLE_TYPES } from './filter'
import { typeLabel } from './labels'
import { transactionsText } from './messages'

export interface TypeFilterProps {
  types: LedgerEntryType[]
  onTypesChange: (types: LedgerEntryType[]) => void
}

const ITEM = '[role^="menuitem"]:not([aria-disabled="true"])'

/**
 * Several entry types at once, as a menu button with checkbox items (ARIA menu pattern: arrows,
 * Home/End, Space or Enter to tick, Escape back to the button). Drawn in place under its button
 * rather than through a popper library, so the filter bar costs next to nothing to ship.
 */
export function TypeFilter({ types, onTypesChange }: TypeFilterProps) {
  const billingI18n = useBillingI18n()
  const { plural } = billingI18n
  const m = transactionsText(billingI18n)
  const id = useId()
  const labelId = `${id}-label`
  const valueId = `${id}-value`
  const menuId = `${id}-menu`
  const [open, setOpen] = useState(false)
  const field = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const selected = FILTERABLE_TYPES.filter((type) => types.includes(type))
  const summary =
    selected.length === 0
      ? m.filters.typeAll
      : selected.length === 1
        ? typeLabel(m.types, selected[0])
        : plural(m.filters.typeCount, selected.length)

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])]

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>(ITEM)?.focus()
  }, [open])

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) trigger.current?.focus()
  }

  const toggle = (type: LedgerEntryType) => {
    const next = selected.includes(type) ? selected.filter((t) => t !== type) : [...selected, type]
    // Keep the catalog's order whatever order they were ticked in.
    onTypesChange(FILTERABLE_TYPES.filter((t) => next.includes(t)))
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items()
    const at = list.indexOf(document.activeElement as HTMLElement)
    const moves: Record<string, number> = {
      ArrowDown: (at + 1) % list.length,
      ArrowUp: (at - 1 + list.length) % list.length,
      Home: 0,
      End: list.length - 1,
    }
    if (event.key in moves) {
      event.preventDefault()
      list[moves[event.key]]?.focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close(true)
    }
  }

  /** Space or Enter on an item does what a click does (and does not scroll the page). */
  const activate = (run: () => void) => ({
    onClick: run,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== ' ' && event.key !== 'Enter') return
      event.preventDefault()
      run()
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      if (event.currentTarget.getAttribute('aria-disabled') !== 'true') event.currentTarget.focus()
    },
  })

  // Tab away, or a click anywhere else: the menu closes, focus goes where the person sent it.
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!field.current?.contains(event.relatedTarget as Node | null)) setOpen(false)
  }

  return (
    <div ref={field} className="bp-field bp-tx-filter-type" data-slot="field">
      <span id={labelId} className="bp-field-label">
        {m.filters.type}
      </span>
      <Button
        ref={trigger}
        variant="secondary"
        className="bp-input bp-tx-type-trigger"
        aria-labelledby={`${labelId} ${valueId}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-slot="ledger-type-filter"
        data-state={open ? 'open' : 'closed'}
        data-active={selected.length > 0 ? '' : undefined}
        onClick={() => setOpen((was) => !was)}
        onBlur={onBlur}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        <span id={valueId} className="bp-tx-type-value">
          {summary}
        </span>
        <ChevronDownIcon />
      </Button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-labelledby={labelId}
          className="bp-menu bp-tx-type-menu"
          data-slot="menu"
          onKeyDown={onMenuKeyDown}
          onBlur={onBlur}
        >
          {FILTERABLE_TYPES.map((type) => {
            const checked = selected.includes(type)
            return (
              // Keeps the menu open: several types are usually ticked in a row.
              <div
                key={type}
                role="menuitemcheckbox"
                aria-checked={checked}
                tabIndex={-1}
                className="bp-menu-item bp-tx-check-item"
                {...activate(() => toggle(type))}
              >
                <span className="bp-tx-checkbox" data-state={checked ? 'checked' : 'unchecked'} aria-hidden="true">
                  {checked && <CheckIcon />}
                </span>
                {typeLabel(m.types, type)}
              </div>
            )
          })}
          <hr className="bp-tx-menu-separator" />
          <div
            role="menuitem"
            tabIndex={-1}
            aria-disabled={selected.length === 0 || undefined}
            data-disabled={selected.length === 0 ? '' : undefined}
            className="bp-menu-item"
            {...activate(() => {
              if (selected.length === 0) return
              onTypesChange([])
              close(true)
            })}
          >
            {m.filters.typeAll}
          </div>
        </div>
      )}
    </div>
  )
}
