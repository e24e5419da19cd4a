import { Select as RadixSelect } from 'radix-ui'
import type { ComponentProps, ReactNode } from 'react'
import { useBillingI18n } from '../i18n'
import { useRootProps } from '../provider/root'
import { cx } from './cx'
import { useFieldControl } from './Field'
import { CheckIcon, ChevronDownIcon } from './icons'
import { usePortalContainer } from './PortalTheme'

export interface SelectOption {
  value: string
  label: ReactNode
  disabled?: boolean
}

export interface SelectProps
  extends Omit<ComponentProps<typeof RadixSelect.Trigger>, 'value' | 'defaultValue' | 'dir'> {
  options: readonly SelectOption[]
  value?: string
  defaultValue?: string
  onValueChange?: (value: string) => void
  placeholder?: ReactNode
  name?: string
  disabled?: boolean
  open?: boolean
  onOpenChange?: (open: boolean) => void
}

/** Short lists (a dozen options or fewer). Long searchable lists use Combobox. */
export function Select({
  options,
  value,
  defaultValue,
  onValueChange,
  placeholder,
  name,
  disabled,
  open,
  onOpenChange,
  className,
  ...props
}: SelectProps) {
  const { messages } = useBillingI18n()
  const control = useFieldControl()
  const container = usePortalContainer()
  const contentRoot = useRootProps('select-content')
  return (
    <RadixSelect.Root
      value={value}
      defaultValue={defaultValue}
      onValueChange={onValueChange}
      name={name}
      disabled={disabled}
      open={open}
      onOpenChange={onOpenChange}
    >
      <RadixSelect.Trigger
        data-slot="select"
        className={cx('bp-input', 'bp-select', className)}
        {...control}
        {...props}
      >
        <RadixSelect.Value placeholder={placeholder ?? messages.ui.selectPlaceholder} />
        <RadixSelect.Icon className="bp-select-icon">
          <ChevronDownIcon />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal container={container}>
        {/* Select keeps its portal mounted while closed, so the theme rides on the content itself. */}
        <RadixSelect.Content {...contentRoot} position="popper" sideOffset={4}>
          <RadixSelect.Viewport className="bp-select-viewport">
            {options.map((option) => (
              <RadixSelect.Item
                key={option.value}
                value={option.value}
                disabled={option.disabled}
                className="bp-select-item"
                data-slot="select-item"
              >
                <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
                <RadixSelect.ItemIndicator className="bp-select-check">
                  <CheckIcon />
                </RadixSelect.ItemIndicator>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  )
}

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
