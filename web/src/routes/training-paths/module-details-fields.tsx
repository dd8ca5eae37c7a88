// The fields a module needs on a training path, inside the training-supply form: delivery,
// the share of work-based learning and learning outcomes linked to competences and skills.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxPicker } from '../skills/checkbox-picker.tsx';
import { LocalizedFields } from '../skills/localized-fields.tsx';
import type { ProgrammeValues } from '../skills/programme-values.ts';
import type { SkillsLabels } from '../skills/skills-labels.ts';
import './training-paths.css';

const SHARES = Array.from({ length: 21 }, (_, i) => String(i * 5));
const MAX_OUTCOMES = 50;

interface ModuleDetailsFieldsProps {
  values: ProgrammeValues;
  set: <K extends keyof ProgrammeValues>(key: K, value: ProgrammeValues[K]) => void;
  labels: SkillsLabels;
}

export function ModuleDetailsFields({ values, set, labels }: ModuleDetailsFieldsProps) {
  const { t } = useTranslation();
  const base = useId();
  const outcomes = values.learningOutcomes;
  // Stable keys for the outcomes' fields (they have no ids of their own).
  const next = useRef(outcomes.length);
  const [keys, setKeys] = useState(() => outcomes.map((_, i) => i));
  const setOutcome = (index: number, outcome: ProgrammeValues['learningOutcomes'][number]) =>
    set(
      'learningOutcomes',
      outcomes.map((o, i) => (i === index ? outcome : o)),
    );
  return (
    <>
      <div className="skills-form__pair">
        <div className="field">
          <label htmlFor={`${base}-delivery`}>{t('trainingPaths.supplyForm.delivery')}</label>
          <select
            id={`${base}-delivery`}
            value={values.delivery}
            onChange={(event) => set('delivery', event.target.value as ProgrammeValues['delivery'])}
          >
            <option value="">{t('trainingPaths.supplyForm.notStated')}</option>
            <option value="on_site">{t('trainingPaths.delivery.on_site')}</option>
            <option value="online">{t('trainingPaths.delivery.online')}</option>
            <option value="blended">{t('trainingPaths.delivery.blended')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${base}-share`}>{t('trainingPaths.supplyForm.workBasedShare')}</label>
          <select
            id={`${base}-share`}
            value={values.workBasedShare}
            aria-describedby={`${base}-share-hint`}
            onChange={(event) => set('workBasedShare', event.target.value)}
          >
            <option value="">{t('trainingPaths.supplyForm.notStated')}</option>
            {SHARES.map((share) => (
              <option key={share} value={share}>
                {labels.percent(Number(share) / 100)}
              </option>
            ))}
          </select>
          <p className="field__hint" id={`${base}-share-hint`}>
            {t('trainingPaths.supplyForm.workBasedHint')}
          </p>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend>{t('trainingPaths.supplyForm.outcomes')}</legend>
        <p className="field__hint">{t('trainingPaths.supplyForm.outcomesHint')}</p>
        {outcomes.map((outcome, index) => (
          <div className="tp-outcome" key={keys[index]}>
            <LocalizedFields
              legend={t('trainingPaths.supplyForm.outcome', { number: index + 1 })}
              value={outcome.text}
              onChange={(text) => setOutcome(index, { ...outcome, text })}
              id={`${base}-outcome-${index}`}
              maxLength={1000}
            />
            <CheckboxPicker
              legend={t('trainingPaths.supplyForm.outcomeConcepts', { number: index + 1 })}
              options={labels.skillOptions}
              chosen={outcome.conceptIds}
              onChange={(conceptIds) => setOutcome(index, { ...outcome, conceptIds })}
              filterable
            />
            <button
              type="button"
              className="link-button link-button--danger"
              onClick={() => {
                setKeys(keys.filter((_, i) => i !== index));
                set(
                  'learningOutcomes',
                  outcomes.filter((_, i) => i !== index),
                );
              }}
            >
              {t('trainingPaths.supplyForm.removeOutcome', { number: index + 1 })}
            </button>
          </div>
        ))}
        {outcomes.length < MAX_OUTCOMES ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setKeys([...keys, next.current++]);
              set('learningOutcomes', [...outcomes, { text: { fi: '', sv: '', en: '' }, conceptIds: [] }]);
            }}
          >
            {t('trainingPaths.supplyForm.addOutcome')}
          </button>
        ) : null}
      </fieldset>
    </>
  );
}
