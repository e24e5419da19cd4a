import { RadioGroup } from 'radix-ui'
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

export interface RadioCardsProps extends Omit<ComponentProps<typeof RadioGroup.Root>, 'children'> {
  options: readonly RadioCardOption[]
  /** Grid of equal tiles (amount presets) or a stacked list (cards to pay with). */
  layout?: 'grid' | 'list'
}

/** One choice out of a few, shown as tiles. Arrow keys move between them (a single tab stop). */
export function RadioCards({ options, layout = 'grid', className, ...props }: RadioCardsProps) {
  const field = useFieldContext()
  const baseId = `bp-radio${useId().replace(/:/g, '')}`
  const describedBy = [field?.descriptionId, field?.invalid ? field.errorId : undefined].filter(Boolean).join(' ')
  return (
    <RadioGroup.Root
      data-slot="radio-cards"
      data-layout={layout}
      className={cx('bp-radio-cards', className)}
      aria-labelledby={field?.labelId}
      aria-describedby={describedBy || undefined}
      aria-invalid={field?.invalid || undefined}
      aria-required={field?.required || undefined}
      {...props}
    >
      {options.map((option, index) => {
        const labelId = `${baseId}-${index}-label`
        const descriptionId = option.description ? `${baseId}-${index}-description` : undefined
        return (
          <RadioGroup.Item
            key={option.value}
            value={option.value}
            disabled={option.disabled}
            data-slot="radio-card"
            className="bp-radio-card"
            aria-labelledby={labelId}
            aria-describedby={descriptionId}
          >
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
          </RadioGroup.Item>
        )
      })}
    </RadioGroup.Root>
  )
}
