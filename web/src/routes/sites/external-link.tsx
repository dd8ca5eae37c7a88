import { useTranslation } from 'react-i18next';

/** "kip.fi/en" for "https://www.kip.fi/en/". */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}

/** A source or website: only web addresses become links (never javascript: or data:). */
export function SourceLink({ href }: { href: string }) {
  const { t } = useTranslation();
  if (!/^https?:\/\//i.test(href)) return <span>{href}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {displayUrl(href)}
      <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
    </a>
  );
}
