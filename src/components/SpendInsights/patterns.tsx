/** Series are told apart by colour and by fill pattern, so colour is never the only cue. */
export const SERIES_COUNT = 6

/** The CSS variable of the `index`th category (legend order), from the theme. */
export const seriesColor = (index: number) => `var(--bp-spend-${(index % SERIES_COUNT) + 1})`

/** One <pattern> per series: solid, stripes, dots, lines, crosshatch, waves of the surface colour. */
export function SeriesPatterns({ idPrefix, count }: { idPrefix: string; count: number }) {
  const marks = [
    null,
    <path key="d" d="M-1 1l2-2M0 8l8-8M7 9l2-2" />,
    <circle key="c" cx="4" cy="4" r="1.3" />,
    <path key="h" d="M0 2h8M0 6h8" />,
    <path key="x" d="M0 0l8 8M8 0l-8 8" />,
    <path key="v" d="M2 0v8M6 0v8" />,
  ]
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => `${idPrefix}${i}`).map((id, i) => (
        <pattern key={id} id={id} width="8" height="8" patternUnits="userSpaceOnUse" className="bp-spend-pattern">
          <rect width="8" height="8" fill={seriesColor(i)} />
          <g className="bp-spend-pattern-mark">{marks[i % SERIES_COUNT]}</g>
        </pattern>
      ))}
    </defs>
  )
}

/** A legend swatch that draws the same fill as the bars. */
export function Swatch({ idPrefix, index }: { idPrefix: string; index: number }) {
  return (
    <svg className="bp-spend-swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <rect width="12" height="12" rx="3" fill={`url(#${idPrefix}${index})`} />
    </svg>
  )
}
