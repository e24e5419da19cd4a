import { Switch as RadixSwitch } from 'radix-ui'
import { useId, type ComponentProps, type ReactNode } from 'react'
import { cx } from './cx'

export interface SwitchProps extends Omit<ComponentProps<typeof RadixSwitch.Root>, 'children'> {
  label: ReactNode
  description?: ReactNode
}

/** A setting that takes effect as a whole: label and description on the left, toggle on the right. */
export function Switch({ label, description, id: idProp, className, style, ...props }: SwitchProps) {
  const generated = `bp-switch${useId().replace(/:/g, '')}`
  const id = idProp ?? generated
  const descriptionId = description ? `${id}-description` : undefined
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
      <RadixSwitch.Root id={id} data-slot="switch" className="bp-switch" aria-describedby={descriptionId} {...props}>
        <RadixSwitch.Thumb className="bp-switch-thumb" />
      </RadixSwitch.Root>
    </div>
  )
}
