import type { ComponentProps } from 'react'
import { cx } from './cx'
import { useFieldControl } from './Field'
import { ChevronDownIcon } from './icons'

export interface NativeSelectProps extends ComponentProps<'select'> {
  options: readonly { value: string; label: string; disabled?: boolean }[]
  placeholder?: string
}

/** The platform's own select: best on phones and for long lists without search. */
export function NativeSelect({ options, placeholder, className, ...props }: NativeSelectProps) {
  const control = useFieldControl()
  return (
    <span className="bp-native-select-wrap">
      <select
        data-slot="native-select"
        className={cx('bp-input', 'bp-native-select', className)}
        {...control}
        {...props}
      >
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <ChevronDownIcon className="bp-native-select-icon" />
    </span>
  )
}
