import type { ComponentProps } from 'react'
import { cx } from './cx'
import { useFieldControl } from './Field'

export type TextInputProps = ComponentProps<'input'>

/** A text input that picks up its label, description and error from the surrounding Field. */
export function TextInput({ className, type = 'text', ...props }: TextInputProps) {
  const control = useFieldControl()
  return <input type={type} data-slot="input" className={cx('bp-input', className)} {...control} {...props} />
}

export type TextareaProps = ComponentProps<'textarea'>

export function Textarea({ className, rows = 3, ...props }: TextareaProps) {
  const control = useFieldControl()
  return (
    <textarea
      rows={rows}
      data-slot="textarea"
      className={cx('bp-input', 'bp-textarea', className)}
      {...control}
      {...props}
    />
  )
}
