// Teachers' working-life periods: the counts (for everyone), teacher profiles and periods (for
// those who take part), and the host companies' offers with the form to add one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { User } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useSession } from '../../queries.ts';
import { FilterSelect } from '../sites/filter-select.tsx';
import { useUrlFilters } from '../sites/use-url-filters.ts';
import { HostChart } from './host-chart.tsx';
import {
  type HostOffer,
  PERIOD_STATUSES,
  useOffers,
  usePeriods,
  useSummary,
  useTeachers,
} from './working-life-api.ts';
import { OfferForm, TeacherForm } from './working-life-forms.tsx';
import { useWorkingLifeLabels, type WorkingLifeLabels } from './working-life-labels.ts';
import { TrainingNav } from './working-life-nav.tsx';

export function WorkingLifePage() {
  const { t } = useTranslation();
  const labels = useWorkingLifeLabels();
  const user = useSession().data?.user ?? null;
  return (
    <>
      <TrainingNav />
      <PageHeading
        title={t('workingLife.title')}
        eyebrow={t('modules.trainingPaths.title')}
        lead={t('workingLife.lead')}
      />
      <SummarySection labels={labels} />
      {user ? (
        <TeachersSection user={user} labels={labels} />
      ) : (
        <p className="notice">{t('workingLife.signInToTakePart')}</p>
      )}
      {user ? <PeriodsSection labels={labels} /> : null}
      <OffersSection user={user} labels={labels} />
    </>
  );
}

function SummarySection({ labels }: { labels: WorkingLifeLabels }) {
  const { t } = useTranslation();
  const summary = useSummary();
  if (summary.isError) return <ErrorMessage error={summary.error} />;
  if (!summary.data) return <Loading />;
  const s = summary.data;
  const figures = [
    ...PERIOD_STATUSES.filter((status) => status !== 'cancelled').map((status) => ({
      key: status,
      value: s.byStatus[status],
      label: t(`workingLife.summary.${status}`),
    })),
    { key: 'followUps', value: s.followUps, label: t('workingLife.summary.followUps') },
    { key: 'offers', value: s.activeOffers, label: t('workingLife.summary.offers') },
    { key: 'teachers', value: s.teachers, label: t('workingLife.summary.teachers') },
  ];
  return (
    <section className="section" aria-labelledby="wl-summary">
      <h2 id="wl-summary">{t('workingLife.summary.title')}</h2>
      <ul className="wl-figures">
        {figures.map((f) => (
          <li key={f.key} className="wl-figure">
            <span className="wl-figure__value">{labels.number(f.value)}</span>
            <span className="wl-figure__label">{f.label}</span>
          </li>
        ))}
      </ul>
      {s.byHost.length ? (
        <figure className="wl-chart">
          <figcaption>{t('workingLife.summary.byHost')}</figcaption>
          <HostChart hosts={s.byHost} />
          <table className="table wl-table">
            <caption className="visually-hidden">{t('workingLife.summary.byHost')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workingLife.host')}</th>
                <th scope="col">{t('workingLife.summary.periods')}</th>
              </tr>
            </thead>
            <tbody>
              {s.byHost.map((h) => (
                <tr key={h.organisationId}>
                  <th scope="row">{h.name}</th>
                  <td>{labels.number(h.periods)}</td>
                </tr>
              ))}
              {s.otherHosts ? (
                <tr>
                  <th scope="row">{t('workingLife.summary.otherHosts')}</th>
                  <td>{labels.number(s.otherHosts)}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </figure>
      ) : null}
    </section>
  );
}

function TeachersSection({ user, labels }: { user: User; labels: WorkingLifeLabels }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const teachers = useTeachers(true);
  const [adding, setAdding] = useState(false);
  const hasOwn = teachers.data?.some((teacher) => teacher.isMine) ?? true;
  const mayAdd = user.role !== 'member' || (!hasOwn && Boolean(user.organisationId));
  return (
    <section className="section" aria-labelledby="wl-teachers">
      <div className="section__header">
        <h2 id="wl-teachers">{t('workingLife.teachers.title')}</h2>
        {mayAdd && !adding ? (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {user.role === 'member' ? t('workingLife.teachers.addOwn') : t('workingLife.teachers.add')}
          </button>
        ) : null}
      </div>
      <p className="section__intro">{t('workingLife.teachers.intro')}</p>
      {adding ? (
        <TeacherForm
          user={user}
          labels={labels}
          onDone={(teacher) => navigate(`/working-life/teachers/${teacher.id}`)}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {teachers.isError ? <ErrorMessage error={teachers.error} /> : null}
      {teachers.isPending ? <Loading /> : null}
      {teachers.data && teachers.data.length === 0 ? (
        <p className="muted">{t('workingLife.teachers.none')}</p>
      ) : null}
      <ul className="wl-offers">
        {(teachers.data ?? []).map((teacher) => (
          <li key={teacher.id}>
            <article className="card wl-offer">
              <h3 className="card__title wl-offer__title">
                <Link to={`/working-life/teachers/${teacher.id}`}>{teacher.name}</Link>
                {teacher.isMine ? <span className="badge">{t('workingLife.teachers.mine')}</span> : null}
                {teacher.illustrative ? (
                  <span className="badge badge--warn">{t('workingLife.teachers.illustrative')}</span>
                ) : null}
              </h3>
              <p className="card__meta">
                {teacher.organisationName}
                {teacher.regionId ? ` · ${labels.region(teacher.regionId)}` : ''}
              </p>
              <p>{teacher.conceptIds.map(labels.skill).join(', ')}</p>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PeriodsSection({ labels }: { labels: WorkingLifeLabels }) {
  const { t } = useTranslation();
  const periods = usePeriods(true);
  return (
    <section className="section" aria-labelledby="wl-periods">
      <h2 id="wl-periods">{t('workingLife.periods.title')}</h2>
      {periods.isError ? <ErrorMessage error={periods.error} /> : null}
      {periods.isPending ? <Loading /> : null}
      {periods.data && periods.data.length === 0 ? (
        <p className="muted">{t('workingLife.periods.none')}</p>
      ) : null}
      {periods.data?.length ? (
        <div className="table-wrap">
          <table className="table wl-table">
            <caption className="visually-hidden">{t('workingLife.periods.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workingLife.teacher')}</th>
                <th scope="col">{t('workingLife.host')}</th>
                <th scope="col">{t('workingLife.dates')}</th>
                <th scope="col">{t('workingLife.statusLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/working-life/periods/${p.id}`}>{p.teacherName}</Link>
                  </th>
                  <td>{p.hostOrganisationName}</td>
                  <td>{labels.range(p.startDate, p.endDate)}</td>
                  <td>
                    <span className={`wl-status wl-status--${p.currentStatus}`}>
                      {labels.status(p.currentStatus)}
                    </span>
                    {p.followUp ? ` · ${t('workingLife.periods.reported')}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function OffersSection({ user, labels }: { user: User | null; labels: WorkingLifeLabels }) {
  const { t } = useTranslation();
  const { values, update } = useUrlFilters(['region'] as const);
  const offers = useOffers(values.region);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState('');
  const mayAdd = user !== null && (user.role !== 'member' || Boolean(user.organisationId));
  return (
    <section className="section" aria-labelledby="wl-offers">
      <div className="section__header">
        <h2 id="wl-offers">{t('workingLife.offers.title')}</h2>
        {mayAdd && !adding ? (
          <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
            {t('workingLife.offers.add')}
          </button>
        ) : null}
      </div>
      <p className="section__intro">{t('workingLife.offers.intro')}</p>
      <p role="status" className="form__status">
        {message}
      </p>
      {adding && user ? (
        <OfferForm
          user={user}
          labels={labels}
          onDone={(offer) => {
            setAdding(false);
            setMessage(t('workingLife.offers.added', { title: labels.text(offer.title) }));
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <search aria-label={t('workingLife.offers.filters')}>
        <form className="filters filters--single" onSubmit={(e) => e.preventDefault()}>
          <FilterSelect
            label={t('workingLife.region')}
            value={values.region}
            allLabel={t('workingLife.allRegions')}
            options={labels.regionOptions}
            onChange={(region) => update({ region })}
          />
        </form>
      </search>
      {offers.isError ? <ErrorMessage error={offers.error} /> : null}
      {offers.isPending ? <Loading /> : null}
      {offers.data && offers.data.length === 0 ? (
        <p className="muted">{t('workingLife.offers.none')}</p>
      ) : null}
      <ul className="wl-offers">
        {(offers.data ?? []).map((offer) => (
          <li key={offer.id}>
            <OfferCard offer={offer} labels={labels} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OfferCard({
  offer,
  labels,
  children,
}: {
  offer: HostOffer;
  labels: WorkingLifeLabels;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <article className="card wl-offer">
      <h3 className="card__title">{labels.text(offer.title)}</h3>
      <p className="card__meta">
        <Link to={`/organisations/${offer.organisationId}`}>{offer.organisationName}</Link>
        {offer.regionId ? ` · ${labels.region(offer.regionId)}` : ''}
        {offer.isActive ? '' : ` · ${t('workingLife.offers.closed')}`}
      </p>
      {labels.text(offer.description) ? <p>{labels.text(offer.description)}</p> : null}
      <dl className="wl-facts">
        <dt>{t('workingLife.offers.competences')}</dt>
        <dd>{offer.conceptIds.map(labels.skill).join(', ') || '–'}</dd>
        <dt>{t('workingLife.offers.languages')}</dt>
        <dd>{labels.languages(offer.languages) || '–'}</dd>
        <dt>{t('workingLife.offers.places')}</dt>
        <dd>
          {t('workingLife.offers.placesValue', { count: offer.capacity })}
          {offer.durationWeeks ? ` · ${t('workingLife.offers.weeks', { count: offer.durationWeeks })}` : ''}
        </dd>
        {offer.availableFrom || offer.availableTo ? (
          <>
            <dt>{t('workingLife.offers.when')}</dt>
            <dd>{labels.range(offer.availableFrom, offer.availableTo)}</dd>
          </>
        ) : null}
      </dl>
      {children}
    </article>
  );
}
