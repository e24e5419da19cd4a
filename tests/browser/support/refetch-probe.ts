/** Imported by billing-panel-load-failure.test.tsx while blocked, then again, to learn whether this browser fetches a failed module again. */
export const probe = 'loaded'
