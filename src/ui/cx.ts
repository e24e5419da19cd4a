/** Joins class names; the host's className is passed last so it wins ties. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ')
}

/** Radix-style composition: the consumer's handler runs first and can opt out with preventDefault. */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  consumer: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    consumer?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}

/** `data-*` attributes want presence, not `"false"`. */
export function dataFlag(on: boolean | undefined): '' | undefined {
  return on ? '' : undefined
}
