import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { useErrorText } from '../../components/status.tsx';
import { PARTNER_ROLES, type Partner, type PartnerInput } from './consortium-api.ts';

type Draft = {
  name: string;
  country: string;
  role: Partner['role'];
  affiliatedToPartnerId: string;
  legalEntityGroup: string;
  isNonProfit: boolean;
  isSme: boolean;
  personnelEur: string;
  subcontractingEur: string;
  otherEur: string;
};

const toDraft = (p: Partner | null): Draft => ({
  name: p?.name ?? '',
  country: p?.country ?? 'FI',
  role: p?.role ?? 'beneficiary',
  affiliatedToPartnerId: p?.affiliatedToPartnerId ?? '',
  legalEntityGroup: p?.legalEntityGroup ?? '',
  isNonProfit: p?.isNonProfit ?? false,
  isSme: p?.isSme ?? false,
  personnelEur: String(p?.personnelEur ?? 0),
  subcontractingEur: String(p?.subcontractingEur ?? 0),
  otherEur: String(p?.otherEur ?? 0),
});

const euros = (s: string) => Math.max(0, Math.round(Number(s.replace(/\s/g, '').replace(',', '.')) || 0));

/** Add or edit a partner: identity, role and affiliation, status, and the budget sketch. */
export function PartnerForm({
  partner,
  others,
  onSubmit,
  onCancel,
  pending,
}: {
  partner: Partner | null;
  others: Partner[];
  onSubmit: (input: PartnerInput) => Promise<unknown>;
  onCancel?: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(partner));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await onSubmit({
        name: draft.name.trim(),
        country: draft.country.trim().toUpperCase(),
        role: draft.role,
        affiliatedToPartnerId:
          draft.role === 'affiliated_entity' ? draft.affiliatedToPartnerId || null : null,
        legalEntityGroup: draft.legalEntityGroup.trim() || null,
        isNonProfit: draft.isNonProfit,
        isSme: draft.isSme,
        personnelEur: euros(draft.personnelEur),
        subcontractingEur: euros(draft.subcontractingEur),
        otherEur: euros(draft.otherEur),
      });
      if (!partner) setDraft(toDraft(null));
    } catch (e) {
      setError(e instanceof ApiError && e.message ? `${errorText(e)} ${e.message}` : errorText(e));
    }
  };

  const field = (
    key: 'name' | 'country' | 'legalEntityGroup' | 'personnelEur' | 'subcontractingEur' | 'otherEur',
    extra = {},
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`consortium.form.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        aria-describedby={key === 'country' || key === 'legalEntityGroup' ? `${id}-${key}-hint` : undefined}
        {...extra}
      />
      {key === 'country' || key === 'legalEntityGroup' ? (
        <p className="field__hint" id={`${id}-${key}-hint`}>
          {t(`consortium.form.${key}Hint`)}
        </p>
      ) : null}
    </div>
  );

  return (
    <form
      className="cn-form"
      onSubmit={submit}
      aria-label={
        partner ? t('consortium.form.editLabel', { name: partner.name }) : t('consortium.form.addLabel')
      }
    >
      <div className="cn-form__grid">
        {field('name', { required: true, maxLength: 300, autoComplete: 'organization' })}
        {field('country', { required: true, pattern: '[A-Za-z]{2}', maxLength: 2, size: 3 })}
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('consortium.form.role')}</label>
          <select
            id={`${id}-role`}
            value={draft.role}
            onChange={(e) => set('role', e.target.value as Draft['role'])}
          >
            {PARTNER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`consortium.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {draft.role === 'affiliated_entity' ? (
          <div className="field">
            <label htmlFor={`${id}-aff`}>{t('consortium.form.affiliatedTo')}</label>
            <select
              id={`${id}-aff`}
              required
              value={draft.affiliatedToPartnerId}
              onChange={(e) => set('affiliatedToPartnerId', e.target.value)}
            >
              <option value="">{t('consortium.form.choose')}</option>
              {others
                .filter((o) => o.id !== partner?.id && o.role !== 'affiliated_entity')
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </select>
          </div>
        ) : null}
        {field('legalEntityGroup', { maxLength: 100 })}
        {field('personnelEur', { inputMode: 'numeric' })}
        {field('subcontractingEur', { inputMode: 'numeric' })}
        {field('otherEur', { inputMode: 'numeric' })}
      </div>
      <div className="cn-form__checks">
        <div className="field field--checkbox">
          <input
            id={`${id}-np`}
            type="checkbox"
            checked={draft.isNonProfit}
            onChange={(e) => set('isNonProfit', e.target.checked)}
          />
          <label htmlFor={`${id}-np`}>{t('consortium.form.isNonProfit')}</label>
        </div>
        <div className="field field--checkbox">
          <input
            id={`${id}-sme`}
            type="checkbox"
            checked={draft.isSme}
            onChange={(e) => set('isSme', e.target.checked)}
          />
          <label htmlFor={`${id}-sme`}>{t('consortium.form.isSme')}</label>
        </div>
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {partner ? t('consortium.form.save') : t('consortium.form.add')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('consortium.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
