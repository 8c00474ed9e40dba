// Outgoing mail: password-reset and email-confirmation links. With SMTP_URL set, mail goes out
// through nodemailer; without it, the log transport writes one log line per mail with its link
// (development, a classroom server without mail): whoever reads the log can follow those links.
import fp from 'fastify-plugin';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';

export interface Mail {
  to: string;
  subject: string;
  /** Plain-text body; it contains the link. */
  text: string;
  /** The one link the mail carries (the log transport prints it). */
  link?: string;
}

export interface Mailer {
  readonly transport: 'smtp' | 'log';
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailOptions {
  /** smtp:// or smtps:// URL (nodemailer); unset → the log transport. */
  smtpUrl?: string;
  /** Sender address; defaults to no-reply at the public URL's host. */
  from?: string;
  /** Where users reach the app (e.g. https://cetl.example.org): the base of mailed links. */
  publicUrl?: string;
  /** A ready transport (tests); overrides smtpUrl. */
  mailer?: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
    /** The base of links sent by mail, with no trailing slash. */
    linkBase(request: FastifyRequest): string;
    /** Sends without holding up the reply (so its timing reveals nothing); a failure is logged. */
    sendMail(mail: Mail): void;
  }
}

export function logMailer(log: FastifyBaseLogger): Mailer {
  return {
    transport: 'log',
    async send(mail) {
      log.info({ mailTo: mail.to, subject: mail.subject }, `mail not sent (SMTP_URL is not set): "${mail.subject}" for ${mail.to}: ${mail.link ?? mail.text}`);
    },
    close() {},
  };
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    transport: 'smtp',
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

export const mailPlugin = fp<MailOptions>(async (app, options) => {
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  const from = options.from ?? `CETL Practice <no-reply@${publicUrl ? new URL(publicUrl).hostname : 'localhost'}>`;
  const mailer = options.mailer ?? (options.smtpUrl ? smtpMailer(options.smtpUrl, from) : logMailer(app.log));
  app.decorate('mailer', mailer);
  // Links in mail never take the request's Host header when mail really goes out (a forged Host
  // would send a victim a link to another site); config requires PUBLIC_URL with SMTP_URL.
  app.decorate('linkBase', (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.host}`);
  app.decorate('sendMail', (mail: Mail) => {
    mailer.send(mail).catch((err: unknown) => app.log.error({ err, mailTo: mail.to, subject: mail.subject }, 'mail could not be sent'));
  });
  app.addHook('onClose', async () => mailer.close());
});
