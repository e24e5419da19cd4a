import type { ComponentProps, ReactNode } from 'react'
import { cx } from './cx'

export type IconProps = Omit<ComponentProps<'svg'>, 'children'>

/**
 * Decorative 16px glyphs: meaning always comes from nearby text, so they are hidden from AT.
 * Each is marked pure, so a bundle keeps only the glyphs it renders.
 */
function icon(name: string, paths: ReactNode) {
  // biome-ignore lint/correctness/noComponentHookFactories: called once per glyph at module load, never during render
  function Icon({ className, ...props }: IconProps) {
    return (
      <svg
        width="16"
        height="16"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        data-slot="icon"
        className={cx('bp-icon', `bp-icon-${name}`, className)}
        {...props}
      >
        {paths}
      </svg>
    )
  }
  Icon.displayName = `${name[0].toUpperCase()}${name.slice(1)}Icon`
  return Icon
}

export const CardIcon = /* @__PURE__ */ icon(
  'card',
  <>
    <rect x="1.5" y="3.5" width="13" height="9" rx="1.5" />
    <path d="M1.5 6.5h13M4 10h2.5" />
  </>,
)
export const CheckIcon = /* @__PURE__ */ icon('check', <path d="M3.5 8.5l3 3 6-7" />)
export const AlertIcon = /* @__PURE__ */ icon(
  'alert',
  <>
    <path d="M8 1.8l6.5 11.7h-13z" />
    <path d="M8 6.5v3M8 11.6v.1" />
  </>,
)
export const InfoIcon = /* @__PURE__ */ icon(
  'info',
  <>
    <circle cx="8" cy="8" r="6.5" />
    <path d="M8 7.2v4M8 4.8v.1" />
  </>,
)
export const PlusIcon = /* @__PURE__ */ icon('plus', <path d="M8 3v10M3 8h10" />)
export const TrashIcon = /* @__PURE__ */ icon(
  'trash',
  <>
    <path d="M2.5 4.5h11M6 4.5V2.8h4v1.7M4 4.5l.7 9h6.6l.7-9" />
    <path d="M6.7 7v4.5M9.3 7v4.5" />
  </>,
)
export const DownloadIcon = /* @__PURE__ */ icon('download', <path d="M8 2v8.5M4.5 7L8 10.5 11.5 7M2.5 13.5h11" />)
export const ExternalIcon = /* @__PURE__ */ icon(
  'external',
  <path d="M9.5 2.5h4v4M13.5 2.5L7.5 8.5M11.5 9.5v4h-9v-9h4" />,
)
export const ChevronDownIcon = /* @__PURE__ */ icon('chevron-down', <path d="M4 6l4 4 4-4" />)
export const CloseIcon = /* @__PURE__ */ icon('close', <path d="M4 4l8 8M12 4l-8 8" />)
export const MoreIcon = /* @__PURE__ */ icon(
  'more',
  <>
    <circle cx="3.5" cy="8" r=".9" fill="currentColor" />
    <circle cx="8" cy="8" r=".9" fill="currentColor" />
    <circle cx="12.5" cy="8" r=".9" fill="currentColor" />
  </>,
)
export const SpinnerIcon = /* @__PURE__ */ icon(
  'spinner',
  <>
    <circle cx="8" cy="8" r="6" opacity=".25" />
    <path d="M14 8a6 6 0 0 0-6-6" />
  </>,
)
