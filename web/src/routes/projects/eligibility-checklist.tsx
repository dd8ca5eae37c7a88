import { useTranslation } from 'react-i18next';
import type { Eligibility } from './consortium-api.ts';
import { useConsortiumFormat } from './consortium-format.ts';

const NOT_COUNTED = ['affiliated', 'associatedPartners', 'grouped'] as const;

/**
 * The Horizon Europe check as a checklist: a green or red verdict, then every rule with what was
 * found. Blocking rules decide; advice is marked as such. Colour is never the only signal.
 */
export function EligibilityChecklist({
  eligibility,
  compact = false,
}: {
  eligibility: Eligibility;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const f = useConsortiumFormat();
  if (!eligibility.applicable)
    return <p className="cn-verdict cn-verdict--na">{t('consortium.eligibility.notApplicable')}</p>;
  return (
    <div className="cn-check">
      <p className={`cn-verdict ${eligibility.eligible ? 'cn-verdict--ok' : 'cn-verdict--fail'}`}>
        <span aria-hidden="true">{eligibility.eligible ? '✓' : '✗'}</span>{' '}
        {eligibility.eligible
          ? t('consortium.eligibility.eligible', { actionType: eligibility.actionType })
          : t('consortium.eligibility.notEligible', { actionType: eligibility.actionType })}
      </p>
      {compact ? null : (
        <p className="muted">
          {t('consortium.eligibility.judgedAt', { date: f.locale.formatDate(eligibility.date) })}
        </p>
      )}
      <ul className="cn-rules">
        {eligibility.rules
          .filter((r) => !compact || r.blocking || !r.passed)
          .map((rule) => {
            const state = rule.passed ? 'ok' : rule.blocking ? 'fail' : 'warn';
            const p = f.params(rule.params);
            return (
              <li key={rule.code} className={`cn-rule cn-rule--${state}`}>
                <span className="cn-rule__mark" aria-hidden="true">
                  {state === 'ok' ? '✓' : state === 'fail' ? '✗' : '!'}
                </span>
                <span>
                  <strong>{t(`consortium.rules.${rule.code}.title`, p)}</strong>{' '}
                  <span className="visually-hidden">{t(`consortium.eligibility.state.${state}`)}</span>
                  {compact ? null : (
                    <>
                      <br />
                      <span className="cn-rule__text">
                        {t(`consortium.rules.${rule.code}.${rule.passed ? 'passed' : 'failed'}`, p)}
                      </span>
                      {NOT_COUNTED.filter(
                        (k) => Array.isArray(rule.params[k]) && rule.params[k].length > 0,
                      ).map((k) => (
                        <span key={k} className="cn-rule__text">
                          {' '}
                          {t(`consortium.eligibility.notCounted.${k}`, {
                            names: (rule.params[k] as string[]).join(', '),
                          })}
                        </span>
                      ))}
                      {!rule.blocking ? (
                        <span className="cn-rule__advice"> {t('consortium.eligibility.advice')}</span>
                      ) : null}
                    </>
                  )}
                </span>
              </li>
            );
          })}
      </ul>
    </div>
  );
}
