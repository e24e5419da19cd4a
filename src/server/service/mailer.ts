/**
 * The seam to an email transport: the service hands a `Mailer` finished messages from its
 * outbox; `react-billing-panel/server/email` has one over SMTP.
 */
export interface MailMessage {
  from: string
  to: string
  subject: string
  text: string
  /** A stable id per message, so a message sent again after a crash can be recognised. */
  messageId: string
  headers?: Record<string, string>
  attachments?: Array<{ filename: string; content: Uint8Array; contentType: string }>
}

export interface Mailer {
  send(message: MailMessage): Promise<void>
}
