import { useId, type ComponentProps, type ReactNode } from 'react'
import { cx } from './cx'

export type CardProps = ComponentProps<'div'>

/** A bordered surface. */
export function Card({ className, ...props }: CardProps) {
  return <div data-slot="card" className={cx('bp-card', className)} {...props} />
}

export interface SectionProps extends Omit<ComponentProps<'section'>, 'title'> {
  title: ReactNode
  description?: ReactNode
  /** Buttons at the header's end, e.g. "Add funds". They wrap under the title on narrow screens. */
  actions?: ReactNode
  /** Heading level that fits the host page's outline. */
  as?: 'h2' | 'h3' | 'h4'
  /** Draw as a Card (border and padding). */
  card?: boolean
}

/** A titled region: landmarks and headings let screen-reader users jump between sections. */
export function Section({
  title,
  description,
  actions,
  as: Heading = 'h2',
  card = true,
  className,
  children,
  ...props
}: SectionProps) {
  const headingId = `bp-section${useId().replace(/:/g, '')}`
  return (
    <section
      aria-labelledby={headingId}
      data-slot="section"
      className={cx('bp-section', card && 'bp-card', className)}
      {...props}
    >
      <div className="bp-section-header">
        <div className="bp-section-heading">
          <Heading id={headingId} className="bp-section-title">
            {title}
          </Heading>
          {description && <p className="bp-section-description">{description}</p>}
        </div>
        {actions && <div className="bp-section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  )
}
