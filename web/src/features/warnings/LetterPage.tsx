import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { letterQuery, pdfUrl, warningApi, type Delivery, type Letter, type LetterContent, type SignedCopyBody } from './api';
import './warnings.css';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

/**
 * One warning letter (L-20). The student and each guardian see their own copy — the page sends the read
 * receipt (a POST with the CSRF token, never a GET another site could set off); the contact teacher and
 * leaders see every copy with its delivery proof and PDF.
 */
export function LetterPage({ studentId, letterId }: { studentId: string; letterId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(letterQuery(studentId, letterId));
  const staff = data.access.reasonCode !== 'self' && !data.access.reasonCode.startsWith('guardian');
  const shown = data.preview ?? data.copies.find((c) => c.content)?.content ?? null;
  const queryClient = useQueryClient();
  const ownCopy = !staff ? data.copies[0] : undefined;
  const unreadCopyId = ownCopy && !ownCopy.delivery.readAt ? ownCopy.id : null;
  useEffect(() => {
    if (!unreadCopyId) return;
    // recorded once on the server, so a second render sending it again changes nothing
    void warningApi.markRead(studentId, letterId, unreadCopyId)
      .then(() => queryClient.invalidateQueries({ queryKey: letterQuery(studentId, letterId).queryKey }))
      .catch(() => {});
  }, [studentId, letterId, unreadCopyId, queryClient]);
  return (
    <div className="stack">
      <PageHeading title={t('warnings.letter.title', { name: data.studentName })} />
      <AccessReason access={data.access} />
      {data.preview && <Alert data-color="info" data-size="sm">{t('warnings.letter.preview')}</Alert>}
      {!staff && data.copies[0] && (
        <Paragraph><Link href={pdfUrl(studentId, letterId, data.copies[0].id)}>{t('warnings.letter.pdf')}</Link></Paragraph>
      )}
      {shown && <LetterText c={shown} />}
      {data.copies.length > 0 && staff && <Copies letter={data} />}
    </div>
  );
}

function LetterText({ c }: { c: LetterContent }) {
  const format = useFormat();
  return (
    <article className="warning-letter" lang={c.locale}>
      <Paragraph><strong>{c.schoolName}</strong> · {format.date(c.date)}</Paragraph>
      <div>
        <Paragraph>{c.recipientName}</Paragraph>
        {c.addressLines.map((l) => <Paragraph key={l}>{l}</Paragraph>)}
      </div>
      <Heading level={2} data-size="sm">{c.title}</Heading>
      <Paragraph>{c.regarding}</Paragraph>
      {c.intro.map((p) => <Paragraph key={p}>{p}</Paragraph>)}
      {c.items.map((i) => (
        <div key={i.heading} className="warning-letter__item">
          <Heading level={3} data-size="2xs">{i.heading}</Heading>
          <Paragraph>{c.labels && `${c.labels.grounds}: `}{i.grounds}</Paragraph>
          <Paragraph>{c.labels && `${c.labels.requirement}: `}{i.requirement}</Paragraph>
          <Paragraph><strong>{i.due}</strong></Paragraph>
        </div>
      ))}
      {c.closing.map((p) => <Paragraph key={p}>{p}</Paragraph>)}
      <div>{c.signature.map((s) => <Paragraph key={s}>{s}</Paragraph>)}</div>
    </article>
  );
}

function deliveryText(t: (k: string, p?: Record<string, unknown>) => string, d: Delivery, date: (s: string) => string): string[] {
  const out: string[] = [];
  if (d.sentAt) out.push(t('warnings.letter.sent', { date: date(d.sentAt) }));
  if (d.postedAt) out.push(t('warnings.letter.posted', { date: date(d.postedAt) }));
  if (d.emailedAt) out.push(t('warnings.letter.emailed', { date: date(d.emailedAt) }));
  out.push(d.readAt ? t('warnings.letter.read', { date: date(d.readAt) }) : t('warnings.letter.notRead'));
  if (d.signedCopyAt) out.push(t('warnings.letter.signed', { date: date(d.signedCopyAt) }));
  return out;
}

function Copies({ letter }: { letter: Letter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const tt = t as unknown as (k: string, p?: Record<string, unknown>) => string;
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('warnings.letter.copies')}</Heading>
      <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('warnings.letter.recipient')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('warnings.letter.status')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">PDF</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {letter.copies.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{c.recipientName} ({t(`warnings.letter.role.${c.recipientRole}`)})</Table.Cell>
                <Table.Cell>{deliveryText(tt, c.delivery, format.dateTime).join(' · ')}</Table.Cell>
                <Table.Cell>
                  <Link href={pdfUrl(letter.studentId, letter.id, c.id)} aria-label={t('warnings.letter.pdfFor', { name: c.recipientName })}>{t('warnings.letter.pdf')}</Link>
                  <div className="warning-muted">{t('warnings.letter.fingerprint', { hash: c.sha256.slice(0, 16) })}…</div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {letter.canCoordinate && letter.copies.map((c) => <SignedCopy key={c.id} letter={letter} copyId={c.id} name={c.recipientName} />)}
    </section>
  );
}

/** Paper delivery proof: the scanned copy the recipient signed. */
function SignedCopy({ letter, copyId, name }: { letter: Letter; copyId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState(false);
  const upload = useMutation({
    mutationFn: async () => {
      const bytes = new Uint8Array(await file!.arrayBuffer());
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      return warningApi.signedCopy(letter.studentId, letter.id, copyId, {
        // the picker offers only these types; the server checks again
        fileName: file!.name, fileType: file!.type as SignedCopyBody['fileType'], data: btoa(bin),
      });
    },
    onSuccess: async () => {
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: ['warnings'] });
    },
  });
  return (
    <form className="warning-actions" onSubmit={(e) => { e.preventDefault(); setDone(false); upload.mutate(); }}>
      <UnsavedGuard dirty={file !== null && !done && !upload.isPending} />
      <div className="absence-field">
        <label htmlFor={id}>{t('warnings.letter.uploadFor', { name })}</label>
        <input id={id} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <Button type="submit" variant="secondary" data-size="sm" disabled={!file} loading={upload.isPending}>{t('warnings.letter.upload')}</Button>
      <span role="status">{done ? t('warnings.letter.uploaded') : ''}</span>
      {upload.isError && <ErrorAlert error={upload.error} />}
    </form>
  );
}
