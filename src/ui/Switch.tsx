import { useId, type ComponentProps, type KeyboardEvent, type ReactNode } from 'react'
import { cx } from './cx'

export interface SwitchProps extends Omit<ComponentProps<'input'>, 'children' | 'type' | 'checked' | 'onChange'> {
  label: ReactNode
  description?: ReactNode
  checked: boolean
  onCheckedChange: (checked: boolean) => void
}

/**
 * A setting that takes effect as a whole: label and description on the left, toggle on the right.
 * A native checkbox with the switch role under the track, so forms, labels and Space work as
 * the platform does; Enter toggles too, as on a button, rather than submitting the form.
 */
export function Switch({
  label,
  description,
  checked,
  onCheckedChange,
  id: idProp,
  className,
  style,
  onKeyDown,
  ...props
}: SwitchProps) {
  const generated = `bp-switch${useId().replace(/:/g, '')}`
  const id = idProp ?? generated
  const descriptionId = description ? `${id}-description` : undefined
  const state = checked ? 'checked' : 'unchecked'
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event)
    if (event.defaultPrevented || event.key !== 'Enter') return
    event.preventDefault()
    if (!event.currentTarget.disabled) onCheckedChange(!checked)
  }
  return (
    <div data-slot="switch-field" className={cx('bp-switch-field', className)} style={style}>
      <div className="bp-switch-text">
        <label htmlFor={id} className="bp-switch-label">
          {label}
        </label>
        {description && (
          <p id={descriptionId} className="bp-switch-description">
            {description}
          </p>
        )}
      </div>
      <span className="bp-switch" data-state={state} data-disabled={props.disabled ? '' : undefined}>
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          id={id}
          data-slot="switch"
          className="bp-switch-input"
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          onKeyDown={onEnter}
          aria-describedby={descriptionId}
          {...props}
        />
        <span className="bp-switch-thumb" data-state={state} />
      </span>
    </div>
  )
}
