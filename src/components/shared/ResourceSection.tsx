'use client'
import type { ReactNode } from 'react'
import { useRootProps } from '../../provider/root'
import { ErrorState, LoadingState, Section, type SectionProps } from '../../ui'

/** What a component's root needs from a read: a react-query result, or several as one. */
export interface Resource<T> {
  data: T | undefined
  isError: boolean
  error: unknown
  isFetching: boolean
  refetch: () => unknown
}

/** The root texts every component's catalog has. */
export interface ResourceMessages {
  title: string
  description: string
  loadError: string
  loading: string
}

export interface ResourceSectionProps<T> extends Omit<SectionProps, 'title' | 'description' | 'as' | 'children'> {
  /** The root's `data-slot`, and its `bp-<slot>` class. */
  slot: string
  query: Resource<T>
  messages: ResourceMessages
  /** The title's heading level, to fit the host page's outline. */
  headingLevel: 2 | 3 | 4
  /** Shaped like the content, so nothing jumps. Default: four placeholder rows. */
  loading?: ReactNode
  /** The failed load's `data-slot`, where tests and hosts name it. */
  errorSlot?: string
  /** `data-state` once the data is here (before, "loading" or "error"). Default "ready". */
  state?: string
  /** The content, once the data is here. */
  ready: (data: T) => ReactNode
  /** Places the content among parts shown in every state (filters above a list). */
  body?: (content: ReactNode) => ReactNode
  /** After the content in every state: the component's dialogs. */
  children?: ReactNode
}

/**
 * A component's root: the titled section, and in it a skeleton until the first data arrives, a
 * failed first load with its retry, or the content. `data-state` and `aria-busy` follow.
 */
export function ResourceSection<T>({
  slot,
  query,
  messages: m,
  headingLevel,
  loading,
  errorSlot,
  state = 'ready',
  ready,
  body,
  children,
  ...props
}: ResourceSectionProps<T>) {
  const root = useRootProps(slot, props.className, props.style)
  const status = query.data !== undefined ? state : query.isError ? 'error' : 'loading'
  const content =
    status === 'error' ? (
      <ErrorState
        error={query.error}
        title={m.loadError}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
        {...(errorSlot && { 'data-slot': errorSlot })}
      />
    ) : status === 'loading' ? (
      (loading ?? <LoadingState rows={4} label={m.loading} />)
    ) : (
      ready(query.data as T)
    )
  return (
    <Section
      {...props}
      {...root}
      as={`h${headingLevel}` as const}
      title={m.title}
      description={m.description}
      data-state={status}
      aria-busy={status === 'loading' ? true : undefined}
    >
      {body ? body(content) : content}
      {children}
    </Section>
  )
}
