/**
 * The warning letter (L-20): its words in the student's written language (bokmål or nynorsk) and the
 * PDF. Each recipient gets a copy of their own, so a letter names only its own recipient and, where the
 * address policy allows, their own address — never another guardian's.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { AddressProtection } from '../../core/db/tables.js';
import type { WarningKind } from './tables.js';

export type LetterLocale = 'nb' | 'nn';

export interface LetterItem {
  kind: WarningKind;
  subjectName: string | null;
  conductAspect: 'order' | 'behaviour' | null;
  grounds: string;
  requirement: string;
  dueOn: string;
}

export interface LetterInput {
  locale: LetterLocale;
  /** the day the letter is dated (sent) */
  date: string;
  termKind: 'autumn' | 'spring';
  schoolName: string;
  student: { name: string; group: string };
  recipient: { name: string; role: 'student' | 'guardian'; address: RecipientAddress };
  items: LetterItem[];
  contactTeacher: { name: string };
}

export interface RecipientAddress {
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  addressProtection: AddressProtection;
}

/** What a copy says, frozen when it is sent. */
export interface LetterContent {
  locale: LetterLocale;
  date: string;
  schoolName: string;
  recipientName: string;
  addressLines: string[];
  title: string;
  regarding: string;
  intro: string[];
  items: { heading: string; grounds: string; requirement: string; due: string }[];
  closing: string[];
  signature: string[];
  labels: { grounds: string; requirement: string };
}

/**
 * The address policy for a letter: the recipient's own address is printed unless it is strictly
 * confidential (folkeregisterloven § 10-4: such post goes through the registry, not by an address the
 * school prints). A copy only ever carries its own recipient's address.
 */
export function addressLinesFor(a: RecipientAddress): string[] {
  if (a.addressProtection === 'strictlyConfidential') return [];
  return [a.streetAddress, [a.postalCode, a.city].filter(Boolean).join(' ')].filter((x): x is string => !!x && x.trim() !== '');
}

const MONTHS: Record<LetterLocale, string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  nn: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
};

export function longDate(iso: string, locale: LetterLocale): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}. ${MONTHS[locale][m - 1]} ${y}`;
}

interface Words {
  title: (autumn: boolean) => string;
  regarding: (student: string, group: string) => string;
  greeting: (name: string) => string;
  intro: (autumn: boolean, role: 'student' | 'guardian') => string[];
  notAssessed: (subject: string, autumn: boolean) => string;
  conduct: (aspect: 'order' | 'behaviour') => string;
  due: (date: string) => string;
  closing: (teacher: string) => string[];
  signature: (teacher: string, school: string) => string[];
}

const nb: Words = {
  title: () => 'Varsel etter forskrift til opplæringslova § 9-7',
  regarding: (s, g) => `Gjelder: ${s}, ${g}`,
  greeting: (n) => `Til ${n}`,
  intro: (autumn, role) => [
    role === 'student'
      ? 'Skolen skal varsle deg skriftlig så snart det er klart at du står i fare for ikke å få karakter i et fag, eller for å få Nokså god eller Lite god i orden eller oppførsel.'
      : 'Skolen skal varsle eleven og foreldrene skriftlig så snart det er klart at eleven står i fare for ikke å få karakter i et fag, eller for å få Nokså god eller Lite god i orden eller oppførsel.',
    `Dette brevet er et slikt varsel. Det gjelder ${autumn ? 'halvårsvurderingen med karakter' : 'standpunktkarakteren'} og gir en reell mulighet til å rette opp forholdet før vurderingen.`,
  ],
  notAssessed: (subject, autumn) => `Fare for ikke å få ${autumn ? 'halvårsvurdering med karakter' : 'standpunktkarakter'} (IV) i ${subject}`,
  conduct: (a) => `Fare for karakteren Nokså god eller Lite god i ${a === 'order' ? 'orden' : 'oppførsel'}`,
  due: (d) => `Frist: ${d}`,
  closing: (teacher) => [
    `Ta gjerne kontakt med kontaktlærer ${teacher} for å avtale hvordan skolen kan hjelpe.`,
    'Dersom det likevel ikke kan gis karakter, fatter rektor et vedtak om dette. Vedtaket kan påklages.',
  ],
  signature: (teacher, school) => ['Med vennlig hilsen', teacher, `kontaktlærer, ${school}`],
};

const nn: Words = {
  title: () => 'Varsel etter forskrift til opplæringslova § 9-7',
  regarding: (s, g) => `Gjeld: ${s}, ${g}`,
  greeting: (n) => `Til ${n}`,
  intro: (autumn, role) => [
    role === 'student'
      ? 'Skulen skal varsle deg skriftleg så snart det er klart at du står i fare for ikkje å få karakter i eit fag, eller for å få Nokså god eller Lite god i orden eller oppførsel.'
      : 'Skulen skal varsle eleven og foreldra skriftleg så snart det er klart at eleven står i fare for ikkje å få karakter i eit fag, eller for å få Nokså god eller Lite god i orden eller oppførsel.',
    `Dette brevet er eit slikt varsel. Det gjeld ${autumn ? 'halvårsvurderinga med karakter' : 'standpunktkarakteren'} og gir ei reell moglegheit til å rette opp tilhøvet før vurderinga.`,
  ],
  notAssessed: (subject, autumn) => `Fare for ikkje å få ${autumn ? 'halvårsvurdering med karakter' : 'standpunktkarakter'} (IV) i ${subject}`,
  conduct: (a) => `Fare for karakteren Nokså god eller Lite god i ${a === 'order' ? 'orden' : 'oppførsel'}`,
  due: (d) => `Frist: ${d}`,
  closing: (teacher) => [
    `Ta gjerne kontakt med kontaktlærar ${teacher} for å avtale korleis skulen kan hjelpe.`,
    'Dersom det likevel ikkje kan givast karakter, gjer rektor vedtak om dette. Vedtaket kan klagast på.',
  ],
  signature: (teacher, school) => ['Med venleg helsing', teacher, `kontaktlærar, ${school}`],
};

const WORDS: Record<LetterLocale, Words> = { nb, nn };

export function letterContent(input: LetterInput): LetterContent {
  const w = WORDS[input.locale];
  const autumn = input.termKind === 'autumn';
  return {
    locale: input.locale,
    date: input.date,
    schoolName: input.schoolName,
    recipientName: input.recipient.name,
    addressLines: addressLinesFor(input.recipient.address),
    title: w.title(autumn),
    regarding: w.regarding(input.student.name, input.student.group),
    intro: [w.greeting(input.recipient.name), ...w.intro(autumn, input.recipient.role)],
    items: input.items.map((i) => ({
      heading: i.kind === 'notAssessed' ? w.notAssessed(i.subjectName ?? '', autumn) : w.conduct(i.conductAspect ?? 'order'),
      grounds: i.grounds,
      requirement: i.requirement,
      due: w.due(longDate(i.dueOn, input.locale)),
    })),
    closing: w.closing(input.contactTeacher.name),
    signature: w.signature(input.contactTeacher.name, input.schoolName),
    labels: { grounds: LABELS[input.locale].grounds, requirement: LABELS[input.locale].requirement },
  };
}

const LABELS: Record<LetterLocale, { grounds: string; requirement: string; document: string }> = {
  nb: { grounds: 'Grunnlag', requirement: 'Dette må til', document: 'Dokument' },
  nn: { grounds: 'Grunnlag', requirement: 'Dette må til', document: 'Dokument' },
};

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
const FONT = join(fontDir, 'inter-latin-400-normal.woff');
const FONT_BOLD = join(fontDir, 'inter-latin-700-normal.woff');

/** The PDF of one copy (A4, Inter embedded), dated by the letter so the same content renders the same document. */
export function renderPdf(c: LetterContent, documentId: string, at: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 72, right: 72 }, info: { Title: c.title, Author: c.schoolName, CreationDate: at } });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('Inter', FONT);
    doc.registerFont('Inter-Bold', FONT_BOLD);
    const l = LABELS[c.locale];

    doc.font('Inter-Bold').fontSize(13).text(c.schoolName);
    doc.font('Inter').fontSize(10).text(longDate(c.date, c.locale), { align: 'right' });
    doc.moveDown(1.5);
    doc.fontSize(11).text(c.recipientName);
    for (const line of c.addressLines) doc.text(line);
    doc.moveDown(2);
    doc.font('Inter-Bold').fontSize(15).text(c.title);
    doc.font('Inter').fontSize(11).text(c.regarding);
    doc.moveDown();
    for (const p of c.intro) doc.text(p, { paragraphGap: 6 });
    for (const item of c.items) {
      doc.moveDown(0.6);
      doc.font('Inter-Bold').fontSize(12).text(item.heading);
      doc.font('Inter').fontSize(11);
      doc.text(`${l.grounds}: ${item.grounds}`, { paragraphGap: 3 });
      doc.text(`${l.requirement}: ${item.requirement}`, { paragraphGap: 3 });
      doc.font('Inter-Bold').text(item.due);
      doc.font('Inter');
    }
    doc.moveDown();
    for (const p of c.closing) doc.text(p, { paragraphGap: 6 });
    doc.moveDown();
    for (const s of c.signature) doc.text(s);
    doc.moveDown(2);
    doc.fontSize(8).fillColor('#555555').text(`${l.document}: ${documentId}`);
    doc.end();
  });
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
