import { createContext, useContext, useId, type ComponentProps, type ReactNode } from 'react'
import { cx, dataFlag } from './cx'
import { AlertIcon } from './icons'

interface FieldContextValue {
  id: string
  labelId: string
  descriptionId?: string
  errorId?: string
  invalid: boolean
  required: boolean
  disabled: boolean
}

const FieldContext = createContext<FieldContextValue | null>(null)

/** Props a control spreads to be labelled, described and flagged by its Field. */
export interface FieldControlProps {
  id?: string
  'aria-describedby'?: string
  'aria-invalid'?: true
  'aria-errormessage'?: string
  /** aria-required, not `required`: native validation bubbles would speak the browser's language. */
  'aria-required'?: true
}

/** The surrounding Field's wiring, or nothing when a control stands alone. */
export function useFieldControl(): FieldControlProps {
  const field = useContext(FieldContext)
  if (!field) return {}
  const describedBy = [field.descriptionId, field.invalid ? field.errorId : undefined].filter(Boolean).join(' ')
  return {
    id: field.id,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': field.invalid ? true : undefined,
    'aria-errormessage': field.invalid ? field.errorId : undefined,
    'aria-required': field.required ? true : undefined,
  }
}

/** For controls that are not labelable elements (radio groups): label them by id. */
export function useFieldContext(): FieldContextValue | null {
  return useContext(FieldContext)
}

export interface FieldProps extends Omit<ComponentProps<'div'>, 'children'> {
  label: ReactNode
  description?: ReactNode
  /** Shown under the control and read with it; a non-empty value marks the field invalid. */
  error?: ReactNode
  required?: boolean
  disabled?: boolean
  /** Visually hide the label (it is still the control's name). */
  hideLabel?: boolean
  /** Overrides the generated control id. */
  id?: string
  children: ReactNode | ((control: FieldControlProps) => ReactNode)
}

export function Field({
  label,
  description,
  error,
  required = false,
  disabled = false,
  hideLabel = false,
  id: idProp,
  className,
  children,
  ...props
}: FieldProps) {
  const generated = useId()
  const id = idProp ?? `bp-field${generated.replace(/:/g, '')}`
  const invalid = error != null && error !== false && error !== ''
  const value: FieldContextValue = {
    id,
    labelId: `${id}-label`,
    descriptionId: description ? `${id}-description` : undefined,
    errorId: `${id}-error`,
    invalid,
    required,
    disabled,
  }
  return (
    <FieldContext.Provider value={value}>
      <div
        data-slot="field"
        data-invalid={dataFlag(invalid)}
        data-disabled={dataFlag(disabled)}
        className={cx('bp-field', className)}
        {...props}
      >
        <label
          id={value.labelId}
          htmlFor={id}
          className={cx('bp-field-label', hideLabel && 'bp-visually-hidden')}
          // A double click on the label focuses the control without selecting the label's text.
          onMouseDown={(event) => {
            if (event.detail > 1) event.preventDefault()
          }}
        >
          {label}
          {required && (
            <span className="bp-field-required" aria-hidden="true">
              *
            </span>
          )}
        </label>
        {/* Hint under the control, so controls in one grid row line up whatever their hints. */}
        <FieldControlSlot>{children}</FieldControlSlot>
        {description && (
          <p id={value.descriptionId} className="bp-field-description">
            {description}
          </p>
        )}
        {invalid && (
          <p id={value.errorId} className="bp-field-error">
            <AlertIcon />
            <span>{error}</span>
          </p>
        )}
      </div>
    </FieldContext.Provider>
  )
}

function FieldControlSlot({ children }: { children: FieldProps['children'] }) {
  const control = useFieldControl()
  return <>{typeof children === 'function' ? children(control) : children}</>
}
