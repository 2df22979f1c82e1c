import { Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { calendarFeedQuery, useCalendarFeedActions } from './api';

// unsaved-guard: its one field is the read-only feed address to copy
/**
 * The personal calendar feed: a secret URL a calendar app polls for the person's booked conversations.
 * The server keeps only a hash, so the URL is shown once, right after it is made; a new one replaces it.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const feed = useQuery(calendarFeedQuery);
  const { create, remove } = useCalendarFeedActions();
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [copied, setCopied] = useState(false);
  const exists = feed.data?.exists ?? false;

  const make = () => {
    setStatus('');
    setCopied(false);
    create.mutate(undefined, { onSuccess: (f) => setUrl(f.url) });
  };
  const turnOff = () => {
    setUrl(null);
    remove.mutate(undefined, { onSuccess: () => setStatus(t('booking.feed.turnedOff')) });
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // no clipboard (an old browser, or no permission): the field is selected for the person to copy
      document.getElementById(`${headingId}-url`)?.focus();
    }
  };

  return (
    <section aria-labelledby={headingId} className="panel stack booking-feed">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('booking.feed.title')}
      </Heading>
      <Paragraph>{t('booking.feed.intro')}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('booking.feed.privacy')}
      </Paragraph>
      {url ? (
        <div className="stack booking-feed__new">
          <Paragraph>
            <strong>{t('booking.feed.created')}</strong>
          </Paragraph>
          <Textfield
            id={`${headingId}-url`}
            label={t('booking.feed.urlLabel')}
            value={url}
            multiline
            rows={4}
            readOnly
            onFocus={(e) => e.target.select()}
            className="booking-form__wide"
          />
          <div className="button-row">
            <Button variant="secondary" onClick={copy}>
              {t('booking.feed.copy')}
            </Button>
            <Link href={url.replace(/^https?:/, 'webcal:')}>{t('booking.feed.openInApp')}</Link>
          </div>
          <Paragraph role="status" className="status-message">
            {copied ? t('booking.feed.copied') : ''}
          </Paragraph>
        </div>
      ) : (
        <Paragraph role="status">
          {status ||
            (feed.data
              ? exists
                ? t('booking.feed.active', { date: format.date(feed.data.createdAt) })
                : t('booking.feed.none')
              : '')}
        </Paragraph>
      )}
      {create.isError && <ErrorAlert error={create.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {feed.isError && <ErrorAlert error={feed.error} />}
      <div className="button-row">
        <Button variant={exists ? 'secondary' : 'primary'} onClick={make} loading={create.isPending} disabled={create.isPending || !feed.data}>
          {exists ? t('booking.feed.replace') : t('booking.feed.create')}
        </Button>
        {exists && (
          <Button variant="tertiary" onClick={turnOff} loading={remove.isPending} disabled={remove.isPending}>
            {t('booking.feed.turnOff')}
          </Button>
        )}
      </div>
      {exists && !url && (
        <Paragraph data-size="sm" className="muted">
          {t('booking.feed.replaceHelp')}
        </Paragraph>
      )}
    </section>
  );
}
