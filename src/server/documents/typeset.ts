import type { PDFFont } from 'pdf-lib'

const ELLIPSIS = '…'
/** More than any line can hold at 8 pt; bounds the work on hostile input. */
const MAX_CHARS = 2000

/**
 * Standard fonts encode WinAnsi only and pdf-lib throws on anything else, so user text
 * (emoji, CJK names) is folded first: every kind of space → ' ', Unicode hyphens and minus
 * (Intl's negative sign in some locales) → '-', invisible marks dropped, the rest → '?'.
 */
export function toWinAnsi(text: string, charset: ReadonlySet<number>): string {
  let out = ''
  const folded = String(text ?? '')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/[\u2010\u2011\u2212]/gu, '-')
    .replace(/[\p{Cc}\p{Cf}\p{Mn}\p{Me}]/gu, '')
  for (const char of folded) {
    out += charset.has(char.codePointAt(0) ?? 0) ? char : '?'
    if (out.length >= MAX_CHARS) break
  }
  return out.trim()
}

/** True when every character but spaces is in the font as is; no folding needed. */
export function isWinAnsi(text: string, charset: ReadonlySet<number>): boolean {
  for (const char of text.replace(/\s/gu, ' ')) if (!charset.has(char.codePointAt(0) ?? 0)) return false
  return true
}

interface Measure {
  font: PDFFont
  size: number
}

function width({ font, size }: Measure, text: string): number {
  return font.widthOfTextAtSize(text, size)
}

/** `text` cut to `maxWidth` with an ellipsis; `force` adds the ellipsis even when it fits. */
export function truncate(text: string, measure: Measure, maxWidth: number, force = false): string {
  if (!force && width(measure, text) <= maxWidth) return text
  // Binary search on the longest prefix that still fits with its ellipsis.
  let low = 0
  let high = text.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (width(measure, text.slice(0, mid).trimEnd() + ELLIPSIS) <= maxWidth) low = mid
    else high = mid - 1
  }
  return text.slice(0, low).trimEnd() + ELLIPSIS
}

/** Word-wraps into at most `maxLines`; words wider than a line are split; overflow ends in an ellipsis. */
export function wrap(text: string, measure: Measure, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word
    if (width(measure, candidate) <= maxWidth) {
      current = candidate
      continue
    }
    if (current) lines.push(current)
    current = word
    while (width(measure, current) > maxWidth && lines.length <= maxLines) {
      const cut = longestPrefix(current, measure, maxWidth)
      lines.push(current.slice(0, cut))
      current = current.slice(cut)
    }
    if (lines.length > maxLines) break
  }
  if (current) lines.push(current)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = truncate(kept[maxLines - 1], measure, maxWidth, true)
  return kept
}

function longestPrefix(text: string, measure: Measure, maxWidth: number): number {
  let low = 1
  let high = text.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (width(measure, text.slice(0, mid)) <= maxWidth) low = mid
    else high = mid - 1
  }
  return low
}
