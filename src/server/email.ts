/**
 * `react-billing-panel/server/email`: receipts and balance alerts over SMTP, on nodemailer (an
 * optional peer dependency: install it only if you use this entry).
 *
 *   const mailer = createSmtpMailer({ url: process.env.SMTP_URL })   // smtp://user:pass@host:587
 *   const billing = createBillingService({ store, email: { mailer, from: 'Acme CRM <billing@acme.com>' } })
 */
import nodemailer from 'nodemailer'
import type { MailMessage, Mailer } from './service/mailer'

export type { MailMessage, Mailer } from './service/emails'

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  url: string
  /** Connection and reply timeout per message; default 30 000 ms. */
  timeoutMs?: number
}

export interface SmtpMailer extends Mailer {
  /** Closes pooled connections (at shutdown). */
  close(): void
}

export function createSmtpMailer(options: SmtpMailerOptions): SmtpMailer {
  if (typeof options?.url !== 'string' || !/^smtps?:\/\//.test(options.url)) {
    throw new TypeError(
      'react-billing-panel: createSmtpMailer needs { url: "smtp://user:pass@host:587" }; set SMTP_URL.',
    )
  }
  const timeout = options.timeoutMs ?? 30_000
  const url = new URL(options.url)
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A local relay without a certificate (`?tls=insecure`) is allowed only when asked for.
    tls: url.searchParams.get('tls') === 'insecure' ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  })
  return {
    async send(message: MailMessage) {
      await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        headers: message.headers,
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content),
          contentType: a.contentType,
        })),
      })
    },
    close: () => transport.close(),
  }
}
