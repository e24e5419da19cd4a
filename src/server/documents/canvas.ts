import { type PDFDocument, type PDFFont, type PDFPage, type RGB, rgb } from 'pdf-lib'
import { isWinAnsi, toWinAnsi, truncate, wrap } from './typeset'

export const A4: [number, number] = [595.28, 841.89]
export const MARGIN = 56
export const RIGHT = A4[0] - MARGIN
export const CONTENT = RIGHT - MARGIN

/** Greys for text and rules, one accent. */
export const INK = rgb(0.12, 0.14, 0.17)
export const MUTED = rgb(0.42, 0.45, 0.5)
export const RULE = rgb(0.86, 0.88, 0.91)
export const ACCENT = rgb(0.13, 0.33, 0.6)

export interface TextStyle {
  bold?: boolean
  size: number
  color?: RGB
  align?: 'left' | 'right'
  maxWidth?: number
}

/** A page cursor that only ever draws text the standard fonts can encode. */
export class Canvas {
  page!: PDFPage
  /** Top of the next thing to draw, in PDF points from the bottom. */
  y = 0
  readonly pages: PDFPage[] = []
  private readonly charset: ReadonlySet<number>

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.charset = new Set(regular.getCharacterSet())
  }

  addPage(): void {
    this.page = this.pdf.addPage(A4)
    this.pages.push(this.page)
    this.y = A4[1] - MARGIN
  }

  clean(text: string): string {
    return toWinAnsi(text, this.charset)
  }

  canEncode(text: string): boolean {
    return isWinAnsi(text, this.charset)
  }

  font(bold = false): PDFFont {
    return bold ? this.bold : this.regular
  }

  /** Draws one line at baseline `y`, cut to `maxWidth`; returns the width drawn. */
  text(value: string, x: number, y: number, style: TextStyle): number {
    const font = this.font(style.bold)
    let line = this.clean(value)
    if (style.maxWidth !== undefined) line = truncate(line, { font, size: style.size }, style.maxWidth)
    if (!line) return 0
    const width = font.widthOfTextAtSize(line, style.size)
    const left = style.align === 'right' ? x - width : x
    this.page.drawText(line, { x: left, y, font, size: style.size, color: style.color ?? INK })
    return width
  }

  wrap(value: string, style: { bold?: boolean; size: number }, maxWidth: number, maxLines: number): string[] {
    return wrap(this.clean(value), { font: this.font(style.bold), size: style.size }, maxWidth, maxLines)
  }

  width(value: string, style: { bold?: boolean; size: number }): number {
    return this.font(style.bold).widthOfTextAtSize(this.clean(value), style.size)
  }

  rule(y: number, color: RGB = RULE, thickness = 0.5, from = MARGIN, to = RIGHT): void {
    this.page.drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color })
  }
}
