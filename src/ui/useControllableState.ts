import { useCallback, useRef, useState } from 'react'

/** `value`/`defaultValue`/`onChange` in one hook, so every primitive is controlled or not alike. */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange?: (next: T) => void,
): [T, (next: T) => void] {
  const [inner, setInner] = useState(defaultValue)
  const controlled = value !== undefined
  const current = controlled ? value : inner
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const currentRef = useRef(current)
  currentRef.current = current
  const set = useCallback(
    (next: T) => {
      if (!controlled) setInner(next)
      if (!Object.is(next, currentRef.current)) onChangeRef.current?.(next)
    },
    [controlled],
  )
  return [current, set]
}
