import { useId, type ComponentProps, type ReactNode } from 'react'
import { cx } from './cx'
import { useFieldContext } from './Field'

export interface RadioCardOption {
  value: string
  label: ReactNode
  description?: ReactNode
  /** Leading visual, e.g. a card brand glyph. */
  icon?: ReactNode
  disabled?: boolean
}

export interface RadioCardsProps extends Omit<ComponentProps<'div'>, 'children' | 'defaultValue' | 'onChange'> {
  options: readonly RadioCardOption[]
  value: string
  onValueChange: (value: string) => void
  disabled?: boolean
  /** Grid of equal tiles (amount presets) or a stacked list (cards to pay with). */
  layout?: 'grid' | 'list'
}

/**
 * One choice out of a few, shown as tiles. Native radio inputs under the tiles, so the platform
 * gives the group a single tab stop, arrow keys that move and choose, and form semantics.
 */
export function RadioCards({
  options,
  value,
  onValueChange,
  disabled,
  layout = 'grid',
  className,
  ...props
}: RadioCardsProps) {
  const field = useFieldContext()
  const baseId = `bp-radio${useId().replace(/:/g, '')}`
  const describedBy = [field?.descriptionId, field?.invalid ? field.errorId : undefined].filter(Boolean).join(' ')
  // One tab stop, on the chosen tile: what the platform does for Tab, also for focus moved in
  // by a script (a dialog focusing its first control). Arrow keys still reach every tile.
  const anyChecked = options.some((option) => option.value === value && !(disabled || option.disabled))
  return (
    <div
      role="radiogroup"
      data-slot="radio-cards"
      data-layout={layout}
      className={cx('bp-radio-cards', className)}
      aria-labelledby={field?.labelId}
      aria-describedby={describedBy || undefined}
      aria-invalid={field?.invalid || undefined}
      aria-required={field?.required || undefined}
      aria-disabled={disabled || undefined}
      {...props}
    >
      {options.map((option, index) => {
        const labelId = `${baseId}-${index}-label`
        const descriptionId = option.description ? `${baseId}-${index}-description` : undefined
        const checked = option.value === value
        const off = disabled || option.disabled
        return (
          <label
            key={option.value}
            data-slot="radio-card"
            className="bp-radio-card"
            data-state={checked ? 'checked' : 'unchecked'}
            data-disabled={off ? '' : undefined}
          >
            <input
              type="radio"
              className="bp-radio-card-input"
              name={baseId}
              value={option.value}
              checked={checked}
              disabled={off}
              tabIndex={anyChecked && !checked ? -1 : undefined}
              onChange={() => onValueChange(option.value)}
              aria-labelledby={labelId}
              aria-describedby={descriptionId}
            />
            {option.icon && <span className="bp-radio-card-icon">{option.icon}</span>}
            <span className="bp-radio-card-text">
              <span id={labelId} className="bp-radio-card-label">
                {option.label}
              </span>
              {option.description && (
                <span id={descriptionId} className="bp-radio-card-description">
                  {option.description}
                </span>
              )}
            </span>
            <span className="bp-radio-card-indicator" aria-hidden="true" />
          </label>
        )
      })}
    </div>
  )
}
