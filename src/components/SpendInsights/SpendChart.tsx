import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { SpendCategory } from '../../adapter/types'
import type { Bar } from './series'

export interface SpendChartProps {
  bars: Bar[]
  /** Visible categories, legend order (the bottom segment first). */
  categories: SpendCategory[]
  /** Position of each category in the full legend, so fills stay put when others are hidden. */
  seriesIndex: Record<string, number>
  patternPrefix: string
  scaleMax: number
  /** Names a bar for screen readers: period, total and each category. */
  barLabel: (bar: Bar) => string
  periodLabel: (bar: Bar) => string
  /** Which bars carry a visible date under them. */
  tickEvery: number
  scaleLabel: string
  scaleText: string
  describedBy: string
  onActiveChange?: (bar: Bar | null) => void
}

const HEIGHT = 184
const AXIS = 22
const PLOT = HEIGHT - AXIS
/** Room above the tallest bar for the scale's label. */
const TOP = 18

function useWidth<T extends Element>(fallback: number) {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry.contentRect.width)
      if (next > 0) setWidth(next)
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}

/**
 * Stacked bars in plain SVG. One bar is in the tab order at a time (roving tabindex); arrow
 * keys, Home and End move between bars, and each bar's name carries its numbers.
 */
export function SpendChart(props: SpendChartProps) {
  const { bars, categories, seriesIndex, patternPrefix, scaleMax, barLabel, periodLabel, tickEvery } = props
  const [wrapRef, width] = useWidth<HTMLDivElement>(600)
  const [active, setActive] = useState(() => Math.max(0, bars.length - 1))
  const barRefs = useRef<(SVGGElement | null)[]>([])
  const current = Math.min(active, bars.length - 1)

  const move = (index: number) => {
    const next = Math.max(0, Math.min(bars.length - 1, index))
    setActive(next)
    barRefs.current[next]?.focus()
    props.onActiveChange?.(bars[next] ?? null)
  }

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const steps: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowUp: current + 1,
      ArrowLeft: current - 1,
      ArrowDown: current - 1,
      Home: 0,
      End: bars.length - 1,
    }
    if (!(event.key in steps)) return
    event.preventDefault()
    move(steps[event.key])
  }

  const slot = width / Math.max(1, bars.length)
  const barWidth = Math.max(3, Math.min(28, slot * 0.68))
  const y = (amount: number) => (amount / scaleMax) * (PLOT - TOP)

  return (
    <div ref={wrapRef} className="bp-spend-chart-frame">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG groups its bars; a fieldset cannot live here */}
      <svg
        className="bp-spend-chart"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="group"
        aria-label={props.scaleLabel}
        aria-describedby={props.describedBy}
      >
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: gridlines and scale are decoration, never focusable */}
        <g aria-hidden="true" className="bp-spend-grid">
          <line x1="0" x2={width} y1={PLOT - y(scaleMax)} y2={PLOT - y(scaleMax)} />
          <line x1="0" x2={width} y1={PLOT - y(scaleMax / 2)} y2={PLOT - y(scaleMax / 2)} />
          <line x1="0" x2={width} y1={PLOT} y2={PLOT} className="bp-spend-baseline" />
          <text x="2" y={PLOT - y(scaleMax) - 4} className="bp-spend-scale">
            {props.scaleText}
          </text>
        </g>
        {bars.map((bar, i) => {
          const x = i * slot + (slot - barWidth) / 2
          let top = PLOT
          return (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a chart point in a roving tab order, named by its value (as accessible chart libraries do)
            <g
              key={bar.period}
              ref={(el) => {
                barRefs.current[i] = el
              }}
              role="img"
              aria-label={barLabel(bar)}
              tabIndex={i === current ? 0 : -1}
              data-slot="spend-bar"
              data-period={bar.period}
              data-active={i === current ? '' : undefined}
              className="bp-spend-bar"
              onKeyDown={onKeyDown}
              onFocus={() => {
                setActive(i)
                props.onActiveChange?.(bar)
              }}
              onPointerEnter={() => props.onActiveChange?.(bar)}
              onClick={() => move(i)}
            >
              {/* The whole column is the hit and focus area, so thin bars are easy to reach. */}
              <rect className="bp-spend-hit" x={i * slot} y="0" width={slot} height={PLOT} />
              {categories.map((c) => {
                const value = bar.values[c.key] ?? 0
                if (value <= 0) return null
                const h = Math.max(1, y(value))
                top -= h
                return (
                  <rect
                    key={c.key}
                    className="bp-spend-segment"
                    data-category={c.key}
                    x={x}
                    y={top}
                    width={barWidth}
                    height={h}
                    fill={`url(#${patternPrefix}${seriesIndex[c.key] ?? 0})`}
                  />
                )
              })}
              {i % tickEvery === (bars.length - 1) % tickEvery && (
                <text {...tickPlacement(i, bars.length, slot, width)} y={HEIGHT - 6} className="bp-spend-tick">
                  {periodLabel(bar)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </div>
  )
}

/** Room a centred date label needs on either side; closer to an edge, it is pinned to that edge. */
const TICK_HALF_WIDTH = 28

function tickPlacement(i: number, count: number, slot: number, width: number) {
  const centre = i * slot + slot / 2
  if (i === 0 || centre < TICK_HALF_WIDTH) return { x: i * slot, textAnchor: 'start' as const }
  if (i === count - 1 || width - centre < TICK_HALF_WIDTH) return { x: (i + 1) * slot, textAnchor: 'end' as const }
  return { x: centre, textAnchor: 'middle' as const }
}
