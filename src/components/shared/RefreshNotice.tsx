'use client'
import { useBillingI18n } from '../../i18n'
import { Button, Notice, type NoticeProps, useErrorMessage } from '../../ui'
import type { Resource } from './ResourceSection'

export interface RefreshNoticeProps extends Omit<NoticeProps, 'tone' | 'action' | 'children'> {
  query: Resource<unknown>
}

/** A refetch failed while the last good data stays on screen: say it may be out of date, offer a retry. */
export function RefreshNotice({ query, ...props }: RefreshNoticeProps) {
  const { messages } = useBillingI18n()
  const errorMessage = useErrorMessage()
  if (!query.isError || query.data === undefined) return null
  return (
    <Notice
      {...props}
      tone="warning"
      action={
        <Button size="sm" pending={query.isFetching} onClick={() => void query.refetch()}>
          {messages.ui.retry}
        </Button>
      }
    >
      {errorMessage(query.error)}
    </Notice>
  )
}
