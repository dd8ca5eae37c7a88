import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Localised } from '../../api.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { type Locale, pickLabel, pickText } from '../../locale.ts';
import { FormField, issueFields } from './profile-form-field.tsx';
import {
  type Infrastructure,
  type InfrastructureInput,
  type Profile,
  useDeleteInfrastructure,
  useSaveInfrastructure,
} from './profile-api.ts';

const LANGS = ['fi', 'sv', 'en'] as const;
const NAME_KEYS = { fi: 'nameFi', sv: 'nameSv', en: 'nameEn' } as const;
const DESCRIPTION_KEYS = { fi: 'descriptionFi', sv: 'descriptionSv', en: 'descriptionEn' } as const;

/** Laboratories, pilot plants and test environments; editors add, change and remove them. */
export function InfrastructureSection({ organisation, locale }: { organisation: Profile; locale: Locale }) {
  const { t } = useTranslation();
  const remove = useDeleteInfrastructure(organisation.id);
  // null: no form open; 'new': adding; otherwise the id being edited.
  const [open, setOpen] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = organisation.infrastructure;
  const editing = open && open !== 'new' ? items.find((item) => item.id === open) : undefined;

  function finish(message: string) {
    setOpen(null);
    setStatus(message);
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby="infrastructure-heading">
      <h2 id="infrastructure-heading" ref={headingRef} tabIndex={-1}>
        {t('organisations.infrastructure.title')}
      </h2>
      <p className="form__status" role="status">
        {status}
      </p>
      {remove.error ? <ErrorMessage error={remove.error} title={t('edit.saveFailed')} /> : null}
      {items.length === 0 ? <p className="muted">{t('organisations.infrastructure.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="result-list">
          {items.map((item) => {
            const name = pickLabel(item.name, locale.language);
            const description = pickText(item.description, locale.language);
            return (
              <li key={item.id}>
                <article className="card">
                  <h3 className="card__title">{name}</h3>
                  {item.isPublic ? null : (
                    <p className="badge badge--warn">{t('organisations.infrastructure.notPublic')}</p>
                  )}
                  {description ? <p lang={description.language}>{description.text}</p> : null}
                  {item.url && /^https?:\/\//i.test(item.url) ? (
                    <p>
                      <a href={item.url} target="_blank" rel="noopener noreferrer" className="external-link">
                        {t('organisations.infrastructure.website')}
                        <span className="visually-hidden">
                          {' '}
                          {name} ({t('common.opensInNewTab')})
                        </span>
                      </a>
                    </p>
                  ) : null}
                  {organisation.canEdit ? (
                    <p className="form__actions">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => setOpen(item.id)}
                      >
                        {t('organisations.infrastructure.edit')}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                      <button
                        type="button"
                        className="link-button link-button--danger"
                        onClick={() => {
                          if (!window.confirm(t('organisations.infrastructure.confirmDelete', { name })))
                            return;
                          remove.mutate(item.id, {
                            onSuccess: () => finish(t('organisations.infrastructure.deleted')),
                          });
                        }}
                      >
                        {t('organisations.infrastructure.delete')}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                    </p>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ul>
      ) : null}
      {organisation.canEdit && open === null ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setOpen('new')}>
            {t('organisations.infrastructure.add')}
          </button>
        </p>
      ) : null}
      {organisation.canEdit && open !== null ? (
        <InfrastructureForm
          key={open}
          organisationId={organisation.id}
          item={editing}
          onCancel={() => setOpen(null)}
          onSaved={() => finish(t('organisations.infrastructure.saved'))}
        />
      ) : null}
    </section>
  );
}

function InfrastructureForm({
  organisationId,
  item,
  onCancel,
  onSaved,
}: {
  organisationId: string;
  item: Infrastructure | undefined;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveInfrastructure(organisationId);
  const [name, setName] = useState<Localised>(item?.name ?? { fi: '', sv: '', en: '' });
  const [description, setDescription] = useState<Localised>(item?.description ?? { fi: '', sv: '', en: '' });
  const [url, setUrl] = useState(item?.url ?? '');
  const [isPublic, setIsPublic] = useState(item?.isPublic ?? true);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const id = useId();
  const headingId = `${id}-heading`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = { fi: name.fi.trim(), sv: name.sv.trim(), en: name.en.trim() };
    if (!trimmed.fi && !trimmed.sv && !trimmed.en) {
      setInvalid(new Set(['name']));
      document.getElementById(`${id}-name-fi`)?.focus();
      return;
    }
    setInvalid(new Set());
    const input: InfrastructureInput = {
      name: trimmed,
      description: { fi: description.fi.trim(), sv: description.sv.trim(), en: description.en.trim() },
      url: url.trim() || null,
      isPublic,
    };
    save.mutate(
      { id: item?.id ?? null, input },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'validation_failed') {
            setInvalid(issueFields(error.issues));
          }
        },
      },
    );
  }

  const otherError =
    save.isError && !(save.error instanceof ApiError && save.error.code === 'validation_failed');
  const nameError = invalid.has('name') ? t('organisations.infrastructure.errors.name') : null;
  return (
    <form className="form panel" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item
          ? t('organisations.infrastructure.formEditTitle')
          : t('organisations.infrastructure.formAddTitle')}
      </h3>
      {invalid.size > 0 ? (
        <p className="notice notice--error" role="alert">
          {t('organisations.infrastructure.errors.general')}
        </p>
      ) : null}
      {otherError ? <ErrorMessage error={save.error} title={t('edit.saveFailed')} /> : null}
      <fieldset className="fieldset">
        <legend>{t('organisations.infrastructure.names')}</legend>
        <p className="field__hint">{t('organisations.infrastructure.namesHint')}</p>
        {LANGS.map((lang) => (
          <FormField
            key={lang}
            id={`${id}-name-${lang}`}
            label={t(`organisations.infrastructure.${NAME_KEYS[lang]}`)}
            error={lang === 'fi' ? nameError : null}
          >
            {(props) => (
              <input
                {...props}
                lang={lang}
                value={name[lang]}
                onChange={(event) => setName((current) => ({ ...current, [lang]: event.target.value }))}
              />
            )}
          </FormField>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('organisations.infrastructure.descriptions')}</legend>
        {LANGS.map((lang) => (
          <FormField
            key={lang}
            id={`${id}-description-${lang}`}
            label={t(`organisations.infrastructure.${DESCRIPTION_KEYS[lang]}`)}
          >
            {(props) => (
              <textarea
                {...props}
                lang={lang}
                rows={3}
                value={description[lang]}
                onChange={(event) =>
                  setDescription((current) => ({ ...current, [lang]: event.target.value }))
                }
              />
            )}
          </FormField>
        ))}
      </fieldset>
      <FormField
        id={`${id}-url`}
        label={t('organisations.infrastructure.url')}
        hint={t('organisations.infrastructure.urlHint')}
        error={invalid.has('url') ? t('organisations.infrastructure.errors.url') : null}
      >
        {(props) => (
          <input {...props} type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
        )}
      </FormField>
      <div className="field field--checkbox">
        <input
          id={`${id}-public`}
          type="checkbox"
          checked={isPublic}
          aria-describedby={`${id}-public-hint`}
          onChange={(event) => setIsPublic(event.target.checked)}
        />
        <label htmlFor={`${id}-public`}>{t('organisations.infrastructure.isPublic')}</label>
        <p className="field__hint" id={`${id}-public-hint`}>
          {t('organisations.infrastructure.isPublicHint')}
        </p>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('organisations.infrastructure.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('organisations.infrastructure.cancel')}
        </button>
      </div>
    </form>
  );
}
