import { Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Where a conversation is: the place, and the video link as a real link (https only, checked by the server). */
export function PlaceText({ place, videoLink }: { place: string | null; videoLink: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {place && (
        <>
          {t('booking.place')}: {place}
        </>
      )}
      {place && videoLink && ' · '}
      {videoLink && (
        <Link href={videoLink}>
          {t('booking.videoLink')}
        </Link>
      )}
    </>
  );
}
