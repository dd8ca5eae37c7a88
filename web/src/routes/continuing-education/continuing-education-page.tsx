// Continuing education for employees of member companies: the offers with filters, the
// "we are interested" form with a headcount, and — for providers, coordinators and admins —
// the interest received.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useSession } from '../../queries.ts';
import { FilterSelect } from '../sites/filter-select.tsx';
import { useFormProblems } from '../sites/form-problems.tsx';
import { useUrlFilters } from '../sites/use-url-filters.ts';
import { apiProblems, EMAIL, FormActions } from '../working-life/working-life-forms.tsx';
import { useWorkingLifeLabels, type WorkingLifeLabels } from '../working-life/working-life-labels.ts';
import { TrainingNav } from '../working-life/working-life-nav.tsx';
import {
  type ContinuingOffer,
  DELIVERIES,
  useContinuingOffers,
  useInterests,
  useRegisterInterest,
} from './continuing-education-api.ts';

const isDelivery = (value: string | null): value is (typeof DELIVERIES)[number] =>
  (DELIVERIES as readonly (string | null)[]).includes(value);

export function ContinuingEducationPage() {
  const { t } = useTranslation();
  const labels = useWorkingLifeLabels();
  const user = useSession().data?.user ?? null;
  const { q, values, update, search, setSearch } = useUrlFilters(['region', 'language', 'delivery'] as const);
  const query = { region: values.region, language: values.language, delivery: values.delivery, q };
  const offers = useContinuingOffers(query);
  const [message, setMessage] = useState('');
  const searchId = useId();
  return (
    <>
      <TrainingNav />
      <PageHeading
        title={t('continuingEducation.title')}
        eyebrow={t('modules.trainingPaths.title')}
        lead={t('continuingEducation.lead')}
      />
      <search aria-label={t('continuingEducation.filters')}>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor={searchId}>{t('continuingEducation.search')}</label>
            <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <FilterSelect
            label={t('workingLife.region')}
            value={values.region}
            allLabel={t('workingLife.allRegions')}
            options={labels.regionOptions}
            onChange={(region) => update({ region })}
          />
          <FilterSelect
            label={t('continuingEducation.language')}
            value={values.language}
            allLabel={t('continuingEducation.allLanguages')}
            options={['fi', 'sv', 'en'].map((value) => ({ value, label: labels.language(value) }))}
            onChange={(language) => update({ language })}
          />
          <FilterSelect
            label={t('continuingEducation.delivery')}
            value={values.delivery}
            allLabel={t('continuingEducation.allDeliveries')}
            options={DELIVERIES.map((value) => ({
              value,
              label: t(`continuingEducation.deliveries.${value}`),
            }))}
            onChange={(delivery) => update({ delivery })}
          />
        </form>
      </search>
      <p role="status" className="form__status">
        {message}
      </p>
      {offers.isError ? <ErrorMessage error={offers.error} /> : null}
      {offers.isPending ? <Loading /> : null}
      <p className="result-count" role="status" aria-live="polite">
        {offers.data ? t('continuingEducation.count', { count: offers.data.length }) : ''}
      </p>
      <ul className="wl-offers">
        {(offers.data ?? []).map((offer) => (
          <li key={offer.id}>
            <OfferCard offer={offer} user={user} labels={labels} onRegistered={setMessage} />
          </li>
        ))}
      </ul>
      {user ? <InterestTable user={user} labels={labels} /> : null}
    </>
  );
}

function OfferCard({
  offer,
  user,
  labels,
  onRegistered,
}: {
  offer: ContinuingOffer;
  user: User | null;
  labels: WorkingLifeLabels;
  onRegistered: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const name = labels.text(offer.name);
  return (
    <article className="card wl-offer">
      <h2 className="card__title wl-offer__title">{name}</h2>
      <p className="card__meta">
        <Link to={`/organisations/${offer.organisationId}`}>{offer.organisationName}</Link>
        {offer.regionId ? ` · ${labels.region(offer.regionId)}` : ''}
      </p>
      <dl className="wl-facts">
        <dt>{t('continuingEducation.level')}</dt>
        <dd>{labels.eqf(offer.eqfLevel)}</dd>
        {offer.credits !== null ? (
          <>
            <dt>{t('continuingEducation.credits')}</dt>
            <dd>
              {labels.number(offer.credits)}{' '}
              {offer.creditUnit === 'osp' ? t('continuingEducation.osp') : 'ECTS'}
            </dd>
          </>
        ) : null}
        <dt>{t('continuingEducation.delivery')}</dt>
        <dd>{isDelivery(offer.delivery) ? t(`continuingEducation.deliveries.${offer.delivery}`) : '–'}</dd>
        <dt>{t('continuingEducation.language')}</dt>
        <dd>{offer.language ? labels.language(offer.language) : '–'}</dd>
        <dt>{t('continuingEducation.competences')}</dt>
        <dd>{offer.competenceIds.map(labels.skill).join(', ') || '–'}</dd>
        {offer.interest ? (
          <>
            <dt>{t('continuingEducation.interestSoFar')}</dt>
            <dd>
              {t('continuingEducation.interestValue', {
                count: offer.interest.headcount,
                organisations: offer.interest.organisations,
              })}
            </dd>
          </>
        ) : null}
      </dl>
      {offer.url ? (
        <p>
          <a href={offer.url} rel="noopener noreferrer" target="_blank">
            {t('continuingEducation.more')}
            <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
          </a>
        </p>
      ) : null}
      {user === null ? (
        <p className="muted">
          <Link to="/sign-in">{t('continuingEducation.signIn')}</Link>
        </p>
      ) : open ? (
        <InterestForm
          offer={offer}
          name={name}
          user={user}
          onDone={(text) => {
            setOpen(false);
            onRegistered(text);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => setOpen(true)}
          aria-label={t('continuingEducation.interestedIn', { name })}
        >
          {t('continuingEducation.interested')}
        </button>
      )}
    </article>
  );
}

function InterestForm({
  offer,
  name,
  user,
  onDone,
  onCancel,
}: {
  offer: ContinuingOffer;
  name: string;
  user: User;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    contactName: user.displayName,
    contactEmail: user.email,
    headcount: '1',
    message: '',
  });
  const register = useRegisterInterest();
  const fields = ['contactName', 'contactEmail', 'headcount', 'general'] as const;
  const { setProblems, idOf, invalidProps, errorFor, summary } = useFormProblems((field) =>
    t(
      `continuingEducation.errors.${(fields as readonly string[]).includes(field) ? (field as (typeof fields)[number]) : 'general'}`,
    ),
  );
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const headcount = Number(v.headcount);
    const problems = [
      ...(v.contactName.trim() ? [] : ['contactName']),
      ...(!v.contactEmail || EMAIL.test(v.contactEmail) ? [] : ['contactEmail']),
      ...(Number.isInteger(headcount) && headcount >= 1 && headcount <= 1000 ? [] : ['headcount']),
    ];
    setProblems(problems);
    if (problems.length) return;
    register.mutate(
      { programmeId: offer.id, input: { ...v, contactEmail: v.contactEmail || null, headcount } },
      {
        onSuccess: () => onDone(t('continuingEducation.registered', { name, count: headcount })),
        onError: (error) => setProblems(apiProblems(error, fields)),
      },
    );
  }
  return (
    <form
      className="form wl-interest"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('continuingEducation.formLabel')}
    >
      {summary(register.error)}
      <div className="wl-form__row">
        <div className="field">
          <label htmlFor={idOf('headcount')}>{t('continuingEducation.headcount')}</label>
          <input
            id={idOf('headcount')}
            inputMode="numeric"
            value={v.headcount}
            {...invalidProps('headcount')}
            onChange={(e) => setV({ ...v, headcount: e.target.value })}
          />
          {errorFor('headcount')}
        </div>
        <div className="field">
          <label htmlFor={idOf('contactName')}>{t('continuingEducation.contactName')}</label>
          <input
            id={idOf('contactName')}
            value={v.contactName}
            maxLength={200}
            {...invalidProps('contactName')}
            onChange={(e) => setV({ ...v, contactName: e.target.value })}
          />
          {errorFor('contactName')}
        </div>
        <div className="field">
          <label htmlFor={idOf('contactEmail')}>{t('continuingEducation.contactEmail')}</label>
          <input
            id={idOf('contactEmail')}
            type="email"
            value={v.contactEmail}
            maxLength={254}
            {...invalidProps('contactEmail')}
            onChange={(e) => setV({ ...v, contactEmail: e.target.value })}
          />
          {errorFor('contactEmail')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={idOf('message')}>{t('continuingEducation.message')}</label>
        <textarea
          id={idOf('message')}
          rows={2}
          maxLength={2000}
          value={v.message}
          onChange={(e) => setV({ ...v, message: e.target.value })}
        />
      </div>
      <p className="field__hint">{t('continuingEducation.privacy')}</p>
      <FormActions submit={t('continuingEducation.send')} pending={register.isPending} onCancel={onCancel} />
    </form>
  );
}

/** Interest received: a provider's own offers, a coordinator's region, everything for admins. */
function InterestTable({ user, labels }: { user: User; labels: WorkingLifeLabels }) {
  const { t } = useTranslation();
  const interests = useInterests(true);
  if (!interests.data?.length) return null;
  return (
    <section className="section" aria-labelledby="ce-interests">
      <h2 id="ce-interests">{t('continuingEducation.received')}</h2>
      <p className="section__intro">
        {t(
          user.role === 'member'
            ? 'continuingEducation.receivedIntroProvider'
            : 'continuingEducation.receivedIntro',
        )}
      </p>
      <div className="table-wrap">
        <table className="table wl-table">
          <caption className="visually-hidden">{t('continuingEducation.received')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('continuingEducation.offer')}</th>
              <th scope="col">{t('continuingEducation.organisation')}</th>
              <th scope="col">{t('continuingEducation.headcount')}</th>
              <th scope="col">{t('continuingEducation.contactName')}</th>
              <th scope="col">{t('continuingEducation.message')}</th>
              <th scope="col">{t('continuingEducation.date')}</th>
            </tr>
          </thead>
          <tbody>
            {interests.data.map((i) => (
              <tr key={i.id}>
                <th scope="row">{labels.text(i.programmeName)}</th>
                <td>{i.organisationName ?? '–'}</td>
                <td>{labels.number(i.headcount)}</td>
                <td>
                  {i.contactName}
                  {i.contactEmail ? (
                    <>
                      {' '}
                      <a href={`mailto:${i.contactEmail}`}>{i.contactEmail}</a>
                    </>
                  ) : null}
                </td>
                <td className="wl-text">{i.message || '–'}</td>
                <td>{labels.day(i.createdAt.slice(0, 10))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
