import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { useSession } from '../../queries.ts';
import { FormField, issueFields } from './profile-form-field.tsx';
import { type Contact, type Profile, useDeleteContact, useSaveContact } from './profile-api.ts';

/**
 * Contact persons: minimal personal data. Visitors get only those who agreed to be shown
 * publicly (the server filters); editors add, change and remove them.
 */
export function ContactsSection({ organisation }: { organisation: Profile }) {
  const { t } = useTranslation();
  const session = useSession();
  const remove = useDeleteContact(organisation.id);
  const [open, setOpen] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const contacts = organisation.contacts;
  const editing = open && open !== 'new' ? contacts.find((c) => c.id === open) : undefined;
  const signedIn = Boolean(session.data?.user);

  function finish(message: string) {
    setOpen(null);
    setStatus(message);
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading" ref={headingRef} tabIndex={-1}>
        {t('organisations.contacts.title')}
      </h2>
      {signedIn ? null : <p className="field__hint">{t('organisations.contacts.visitorNote')}</p>}
      <p className="form__status" role="status">
        {status}
      </p>
      {remove.error ? <ErrorMessage error={remove.error} title={t('edit.saveFailed')} /> : null}
      {contacts.length === 0 ? <p className="muted">{t('organisations.contacts.empty')}</p> : null}
      {contacts.length > 0 ? (
        <ul className="result-list">
          {contacts.map((contact) => (
            <li key={contact.id}>
              <div className="contact-card">
                <p>
                  <strong>{contact.name}</strong>
                  {contact.title ? <>, {contact.title}</> : null}
                </p>
                {contact.isPublic ? null : (
                  <p className="badge badge--warn">{t('organisations.contacts.notPublic')}</p>
                )}
                {contact.email || contact.phone ? (
                  <dl className="facts">
                    {contact.email ? (
                      <>
                        <dt>{t('organisations.contacts.email')}</dt>
                        <dd>
                          <a href={`mailto:${contact.email}`}>{contact.email}</a>
                        </dd>
                      </>
                    ) : null}
                    {contact.phone ? (
                      <>
                        <dt>{t('organisations.contacts.phone')}</dt>
                        <dd>
                          <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
                        </dd>
                      </>
                    ) : null}
                  </dl>
                ) : null}
                {organisation.canEdit ? (
                  <p className="form__actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setOpen(contact.id)}
                    >
                      {t('organisations.contacts.edit')}
                      <span className="visually-hidden"> {contact.name}</span>
                    </button>
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      onClick={() => {
                        if (
                          !window.confirm(t('organisations.contacts.confirmDelete', { name: contact.name }))
                        )
                          return;
                        remove.mutate(contact.id, {
                          onSuccess: () => finish(t('organisations.contacts.deleted')),
                        });
                      }}
                    >
                      {t('organisations.contacts.delete')}
                      <span className="visually-hidden"> {contact.name}</span>
                    </button>
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {organisation.canEdit && open === null ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setOpen('new')}>
            {t('organisations.contacts.add')}
          </button>
        </p>
      ) : null}
      {organisation.canEdit && open !== null ? (
        <ContactForm
          key={open}
          organisationId={organisation.id}
          contact={editing}
          onCancel={() => setOpen(null)}
          onSaved={() => finish(t('organisations.contacts.saved'))}
        />
      ) : null}
    </section>
  );
}

function ContactForm({
  organisationId,
  contact,
  onCancel,
  onSaved,
}: {
  organisationId: string;
  contact: Contact | undefined;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveContact(organisationId);
  const [values, setValues] = useState({
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    isPublic: contact?.isPublic ?? false,
  });
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const id = useId();
  const headingId = `${id}-heading`;
  const set = (key: 'name' | 'title' | 'email' | 'phone', value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!values.name.trim()) {
      setInvalid(new Set(['name']));
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setInvalid(new Set());
    const orNull = (value: string) => value.trim() || null;
    save.mutate(
      {
        id: contact?.id ?? null,
        input: {
          name: values.name.trim(),
          title: orNull(values.title),
          email: orNull(values.email),
          phone: orNull(values.phone),
          isPublic: values.isPublic,
        },
      },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'validation_failed')
            setInvalid(issueFields(error.issues));
        },
      },
    );
  }

  const otherError =
    save.isError && !(save.error instanceof ApiError && save.error.code === 'validation_failed');
  const error = (field: 'name' | 'email' | 'phone') =>
    invalid.has(field) ? t(`organisations.contacts.errors.${field}`) : null;
  return (
    <form className="form panel" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {contact ? t('organisations.contacts.formEditTitle') : t('organisations.contacts.formAddTitle')}
      </h3>
      {invalid.size > 0 ? (
        <p className="notice notice--error" role="alert">
          {t('organisations.contacts.errors.general')}
        </p>
      ) : null}
      {otherError ? <ErrorMessage error={save.error} title={t('edit.saveFailed')} /> : null}
      <div className="form__row">
        <FormField id={`${id}-name`} label={t('organisations.contacts.name')} error={error('name')}>
          {(props) => (
            <input
              {...props}
              autoComplete="off"
              value={values.name}
              onChange={(event) => set('name', event.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${id}-title`} label={t('organisations.contacts.jobTitle')}>
          {(props) => (
            <input {...props} value={values.title} onChange={(event) => set('title', event.target.value)} />
          )}
        </FormField>
      </div>
      <div className="form__row">
        <FormField id={`${id}-email`} label={t('organisations.contacts.email')} error={error('email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(event) => set('email', event.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${id}-phone`} label={t('organisations.contacts.phone')} error={error('phone')}>
          {(props) => (
            <input
              {...props}
              type="tel"
              autoComplete="off"
              value={values.phone}
              onChange={(event) => set('phone', event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="field field--checkbox">
        <input
          id={`${id}-public`}
          type="checkbox"
          checked={values.isPublic}
          aria-describedby={`${id}-public-hint`}
          onChange={(event) => setValues((current) => ({ ...current, isPublic: event.target.checked }))}
        />
        <label htmlFor={`${id}-public`}>{t('organisations.contacts.isPublic')}</label>
        <p className="field__hint" id={`${id}-public-hint`}>
          {t('organisations.contacts.isPublicHint')}
        </p>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('organisations.contacts.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('organisations.contacts.cancel')}
        </button>
      </div>
    </form>
  );
}
