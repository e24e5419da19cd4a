import { Popover } from 'radix-ui'
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { useBillingI18n } from '../i18n'
import { composeEventHandlers, cx } from './cx'
import { useFieldContext, useFieldControl } from './Field'
import { CheckIcon, ChevronDownIcon } from './icons'
import { PortalTheme, usePortalContainer } from './PortalTheme'
import { useControllableState } from './useControllableState'
import { VisuallyHidden } from './VisuallyHidden'

export interface ComboboxOption {
  value: string
  label: string
  /** Other words that should find this option (e.g. the ISO code "MX"). */
  keywords?: readonly string[]
}

export interface ComboboxProps
  extends Omit<ComponentProps<'input'>, 'value' | 'defaultValue' | 'onChange' | 'role' | 'type'> {
  options: readonly ComboboxOption[]
  value?: string
  defaultValue?: string
  onValueChange?: (value: string) => void
  /** Shown when nothing matches; default "No matches". */
  emptyMessage?: ReactNode
}

/** "México" → "mexico": people type without accents, or with them, and both should match. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim()
}

/** Options whose label starts with the query come first, then any that contain it. */
export function filterOptions<T extends ComboboxOption>(options: readonly T[], query: string): T[] {
  const needle = foldForSearch(query)
  if (!needle) return [...options]
  const starts: T[] = []
  const contains: T[] = []
  for (const option of options) {
    const label = foldForSearch(option.label)
    if (label.startsWith(needle)) starts.push(option)
    else if (label.includes(needle) || option.keywords?.some((k) => foldForSearch(k) === needle)) contains.push(option)
  }
  return [...starts, ...contains]
}

/** A text input that filters a long list (≈250 countries) and picks one, by keyboard or pointer. */
export function Combobox({
  options,
  value,
  defaultValue = '',
  onValueChange,
  emptyMessage,
  name,
  disabled,
  className,
  style,
  onKeyDown,
  onBlur,
  onClick,
  ...props
}: ComboboxProps) {
  const { messages, plural } = useBillingI18n()
  const control = useFieldControl()
  const field = useFieldContext()
  const container = usePortalContainer()
  const listboxId = `bp-listbox${useId().replace(/:/g, '')}`
  const anchorRef = useRef<HTMLDivElement>(null)
  const listRef = useRef<HTMLDivElement>(null)

  const [selected, setSelected] = useControllableState(value, defaultValue, onValueChange)
  const [open, setOpen] = useState(false)
  // null while the person is not typing: the input then shows the chosen option's label.
  const [query, setQuery] = useState<string | null>(null)
  const [activeIndex, setActiveIndex] = useState(-1)

  const selectedOption = options.find((option) => option.value === selected)
  const filtered = useMemo(() => filterOptions(options, query ?? ''), [options, query])
  const active = open ? filtered[activeIndex] : undefined
  const optionId = (index: number) => `${listboxId}-${index}`

  useEffect(() => {
    if (!open || activeIndex < 0) return
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [open, activeIndex])

  const openList = () => {
    if (disabled) return
    const current = filtered.findIndex((option) => option.value === selected)
    setActiveIndex(Math.max(current, 0))
    setOpen(true)
  }

  const close = () => {
    setOpen(false)
    setQuery(null)
    setActiveIndex(-1)
  }

  const choose = (option: ComboboxOption) => {
    setSelected(option.value)
    close()
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!open) openList()
        else setActiveIndex((index) => Math.min(index + 1, filtered.length - 1))
        break
      case 'ArrowUp':
        event.preventDefault()
        if (!open) openList()
        else setActiveIndex((index) => Math.max(index - 1, 0))
        break
      case 'Enter':
        // Only swallow Enter when it picks something; otherwise it may submit the form.
        if (open && active) {
          event.preventDefault()
          choose(active)
        }
        break
      case 'Escape':
        if (open || query !== null) {
          event.preventDefault()
          close()
        }
        break
      case 'Tab':
        close()
        break
    }
  }

  const listVisible = open && filtered.length > 0
  const statusText =
    open && query !== null
      ? filtered.length === 0
        ? messages.ui.noResults
        : plural(messages.ui.resultsCount, filtered.length)
      : ''

  return (
    <Popover.Root open={open} onOpenChange={(next) => (next ? openList() : close())}>
      <Popover.Anchor asChild>
        <div
          ref={anchorRef}
          data-slot="combobox"
          data-state={open ? 'open' : 'closed'}
          data-disabled={disabled ? '' : undefined}
          className={cx('bp-combobox', className)}
          style={style}
        >
          <input
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={listVisible}
            aria-controls={listVisible ? listboxId : undefined}
            aria-activedescendant={listVisible && active ? optionId(activeIndex) : undefined}
            className="bp-input bp-combobox-input"
            disabled={disabled}
            {...control}
            {...props}
            value={query ?? selectedOption?.label ?? ''}
            onChange={(event) => {
              setQuery(event.target.value)
              setActiveIndex(0)
              setOpen(true)
            }}
            onKeyDown={composeEventHandlers(onKeyDown, handleKeyDown)}
            onBlur={composeEventHandlers(onBlur, close)}
            onClick={composeEventHandlers(onClick, () => {
              if (!open) openList()
            })}
          />
          <ChevronDownIcon className="bp-combobox-icon" />
          {name && <input type="hidden" name={name} value={selected} />}
          <VisuallyHidden role="status">{statusText}</VisuallyHidden>
        </div>
      </Popover.Anchor>
      <Popover.Portal container={container}>
        <PortalTheme>
          {/* biome-ignore lint/a11y/useValidAriaRole: removes Popover's default role="dialog"; focus stays in the input */}
          <Popover.Content
            role={undefined}
            align="start"
            sideOffset={4}
            className="bp-combobox-content"
            data-slot="combobox-content"
            onOpenAutoFocus={(event) => event.preventDefault()}
            onCloseAutoFocus={(event) => event.preventDefault()}
            onInteractOutside={(event) => {
              if (anchorRef.current?.contains(event.target as Node)) event.preventDefault()
            }}
            // Keeps focus (and the caret) in the input while clicking in the list.
            onMouseDown={(event) => event.preventDefault()}
          >
            {filtered.length === 0 ? (
              <p className="bp-combobox-empty">{emptyMessage ?? messages.ui.noResults}</p>
            ) : (
              <div
                ref={listRef}
                role="listbox"
                id={listboxId}
                className="bp-combobox-list"
                aria-labelledby={field?.labelId}
                aria-label={field ? undefined : props['aria-label']}
              >
                {filtered.map((option, index) => (
                  // Keys are handled by the input (aria-activedescendant), so options take no focus.
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input owns the keyboard
                  <div
                    key={option.value}
                    tabIndex={-1}
                    id={optionId(index)}
                    role="option"
                    data-index={index}
                    aria-selected={index === activeIndex}
                    data-highlighted={index === activeIndex ? '' : undefined}
                    data-state={option.value === selected ? 'checked' : 'unchecked'}
                    className="bp-combobox-option"
                    onPointerMove={() => setActiveIndex(index)}
                    onClick={() => choose(option)}
                  >
                    <span>{option.label}</span>
                    {option.value === selected && <CheckIcon className="bp-combobox-check" />}
                  </div>
                ))}
              </div>
            )}
          </Popover.Content>
        </PortalTheme>
      </Popover.Portal>
    </Popover.Root>
  )
}
