/**
 * Outgoing e-mail: one `sendMail` over nodemailer. With SMTP_URL the mail goes to that server; without
 * it (development) main.ts starts a local capture (`startMailCapture`) that keeps every message as an
 * .eml file in DATA_DIR/mail, and tests start their own capture and read what was sent.
 *
 * Every mail has exactly one recipient: guardians of one student are never put in To/CC together,
 * since that would show one guardian's address (maybe a protected one) to the other.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';

export interface SmtpSettings {
  url: string;
  from: string;
}

export interface OutgoingMail {
  /** one address: a mail is never shared by several recipients */
  to: string;
  subject: string;
  text: string;
  /** an iCalendar invitation (METHOD:REQUEST / CANCEL): sent as text/calendar and as an .ics attachment */
  calendar?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename: string };
}

const transports = new Map<string, Transporter>();

function transportFor(smtp: SmtpSettings | undefined): Transporter {
  const key = smtp?.url ?? '';
  let t = transports.get(key);
  if (!t) {
    // no SMTP configured and no capture running (e.g. an API test that does not read mail): build the
    // message and drop it, so a booking never fails because nobody listens for its e-mail
    t = smtp ? nodemailer.createTransport(smtp.url) : nodemailer.createTransport({ jsonTransport: true });
    transports.set(key, t);
  }
  return t;
}

export const DEFAULT_FROM = 'Elevlos <ikke-svar@elevlos.local>';

export async function sendMail(smtp: SmtpSettings | undefined, mail: OutgoingMail): Promise<void> {
  if (/[,;<>\s]/.test(mail.to.trim())) throw new Error('one plain address per mail');
  await transportFor(smtp).sendMail({
    from: smtp?.from ?? DEFAULT_FROM,
    to: mail.to.trim(),
    subject: mail.subject,
    text: mail.text,
    ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: mail.calendar.filename, content: mail.calendar.content } } : {}),
  });
}

/** Closes the pooled connections (tests and shutdown). */
export function closeMailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

export interface MailCapture {
  /** smtp://127.0.0.1:<port> — give it to the app as SMTP_URL */
  url: string;
  port: number;
  /** every message received so far, oldest first */
  messages(): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/**
 * A local SMTP server that accepts everything and keeps it: in memory, and as .eml files in `dir`
 * when one is given. Listens on 127.0.0.1 only.
 */
export async function startMailCapture(opts: { port?: number; dir?: string } = {}): Promise<MailCapture> {
  const raw: Buffer[] = [];
  if (opts.dir) await mkdir(opts.dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // no DNS lookups of the sender: the capture answers at once even without a network
    disableReverseLookup: true,
    banner: 'Elevlos mail capture',
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const message = Buffer.concat(chunks);
        raw.push(message);
        if (!opts.dir) return callback();
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++seq).padStart(4, '0')}-${randomUUID().slice(0, 8)}.eml`;
        writeFile(join(opts.dir, name), message).then(() => callback(), (e: Error) => callback(e));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    async messages() {
      return Promise.all(raw.map((m) => simpleParser(m)));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The .eml files a capture wrote to `dir`, parsed (for a look at what development sent). */
export async function readCapturedDir(dir: string): Promise<ParsedMail[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (f) => simpleParser(await readFile(join(dir, f)))));
}
