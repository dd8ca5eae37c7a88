import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import {
  type LinkAction,
  type LinkItem,
  type LinkStatus,
  LINKS_PAGE_SIZE,
  useCordisLinks,
  useLinkAction,
} from './cordis-api.ts';
import './cordis.css';

/**
 * /partners/links — Finnish CORDIS participants whose name matches a registry organisation wait
 * here for a person: admins see all, a coordinator those of their region's organisations. Links
 * made by business ID or VAT number are listed under "Linked" and can be undone.
 */
export function CordisLinksPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const status: LinkStatus = params.get('status') === 'linked' ? 'linked' : 'suggested';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const links = useCordisLinks(status, page);
  const action = useLinkAction();
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLParagraphElement>(null);

  function decide(item: LinkItem, kind: LinkAction) {
    setMessage('');
    action.mutate(
      { id: item.cordisOrganisation.id, action: kind },
      {
        onSuccess: () => {
          setMessage(
            t(`cordis.links.done.${kind}`, {
              cordis: item.cordisOrganisation.name,
              registry: item.registry.name,
            }),
          );
          messageRef.current?.focus();
        },
      },
    );
  }

  const tab = (value: LinkStatus) => (
    <Link
      to={{ search: value === 'suggested' ? '' : '?status=linked' }}
      className={`button ${status === value ? '' : 'button--secondary'}`}
      aria-current={status === value ? 'page' : undefined}
    >
      {t(`cordis.links.tab.${value}`)}
    </Link>
  );

  let body: React.ReactNode;
  if (links.isPending) body = <Loading />;
  else if (links.isError) {
    const code = links.error instanceof ApiError ? links.error.code : null;
    body =
      code === 'unauthenticated' ? (
        <p>
          <Link to="/sign-in">{t('cordis.signIn')}</Link> — {t('cordis.links.signInToDecide')}
        </p>
      ) : code === 'forbidden' ? (
        <p className="notice">{t('cordis.links.forbidden')}</p>
      ) : (
        <ErrorMessage error={links.error} />
      );
  } else if (links.data.items.length === 0) {
    body = <p className="muted">{t(`cordis.links.empty.${status}`)}</p>;
  } else {
    const pageCount = Math.max(1, Math.ceil(links.data.total / LINKS_PAGE_SIZE));
    body = (
      <>
        <div className="table-wrap">
          <table className="table cordis-table">
            <caption>
              {t(`cordis.links.caption.${status}`, {
                count: links.data.total,
                formatted: locale.formatNumber(links.data.total),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('cordis.links.cordisOrganisation')}</th>
                <th scope="col">{t('cordis.links.registryOrganisation')}</th>
                <th scope="col" className="cordis-table__number">
                  {t('cordis.figures.projects')}
                </th>
                <th scope="col">{t('cordis.links.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {links.data.items.map((item) => (
                <tr key={item.cordisOrganisation.id}>
                  <th scope="row">
                    <Link to={`/partners/cordis/${encodeURIComponent(item.cordisOrganisation.id)}`}>
                      {item.cordisOrganisation.name}
                    </Link>
                    <span className="cordis-table__topics">
                      {[item.cordisOrganisation.city, item.cordisOrganisation.vatNumber]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </th>
                  <td>
                    <Link to={`/organisations/${encodeURIComponent(item.registry.id)}`}>
                      {item.registry.name}
                    </Link>
                    <span className="cordis-table__topics">
                      {item.linkMethod
                        ? t(`cordis.link.method.${item.linkMethod}`)
                        : item.registry.businessId}
                    </span>
                  </td>
                  <td className="cordis-table__number">{locale.formatNumber(item.participations)}</td>
                  <td>
                    <div className="cordis-link__actions">
                      {(status === 'suggested'
                        ? (['confirm', 'reject'] as const)
                        : (['unlink'] as const)
                      ).map((kind) => (
                        <button
                          key={kind}
                          type="button"
                          className={`button button--small${kind === 'confirm' ? '' : ' button--secondary'}`}
                          disabled={action.isPending}
                          onClick={() => decide(item, kind)}
                        >
                          {t(`cordis.link.${kind}`)}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pageCount > 1 ? (
          <Pagination
            page={page}
            pageCount={pageCount}
            hrefFor={(target) =>
              `?${new URLSearchParams({ ...(status === 'linked' ? { status } : {}), page: String(target) })}`
            }
          />
        ) : null}
      </>
    );
  }

  return (
    <article className="cordis-links">
      <PageHeading title={t('cordis.links.title')} lead={t('cordis.links.lead')} />
      <nav aria-label={t('cordis.links.tabsLabel')} className="cordis-links__tabs">
        {tab('suggested')}
        {tab('linked')}
      </nav>
      <p role="status" ref={messageRef} tabIndex={-1}>
        {message}
      </p>
      {action.isError ? <ErrorMessage error={action.error} /> : null}
      {body}
    </article>
  );
}
