import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

/**
 * Form primitives. Server validation errors come back as `details: [{path, message}]`; a field shows
 * the detail whose path is its name (or ends with `.name`), and `FormError` lists the rest.
 */

/** What a form keeps after a failed submit: a server error, or a message of our own. */
export type FormFailure = ApiError | string | null;

function pathMatches(path: string, field: string): boolean {
  return path === field || path.endsWith(`.${field}`) || path.startsWith(`${field}.`);
}

export function detailFor(error: FormFailure, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.details.find((d) => pathMatches(d.path, field))?.message;
}

interface FieldShellProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className="field-hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  name?: string;
  type?: 'text' | 'password' | 'search' | 'date' | 'datetime-local' | 'number' | 'time' | 'tel' | 'email';
  hint?: string;
  error?: string;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  testId?: string;
  min?: number;
  max?: number;
  autoFocus?: boolean;
}

export function TextField(p: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} error={p.error}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        required={p.required}
        autoComplete={p.autoComplete}
        placeholder={p.placeholder}
        min={p.min}
        max={p.max}
        autoFocus={p.autoFocus}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
        data-testid={p.testId}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly Option[];
  name?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  testId?: string;
}

export function SelectField(p: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} error={p.error}>
      <select
        id={id}
        name={p.name}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        required={p.required}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
        data-testid={p.testId}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(p: { label: string; checked: boolean; onChange(v: boolean): void; testId?: string }) {
  return (
    <label className="field-checkbox">
      <input
        type="checkbox"
        checked={p.checked}
        onChange={(e) => p.onChange(e.target.checked)}
        data-testid={p.testId}
      />
      {p.label}
    </label>
  );
}

/**
 * The form-level error: the server's message, plus the details no field of this form shows
 * (`fields` = the names of the fields that show their own detail).
 */
export function FormError(p: { error: FormFailure; fields?: readonly string[]; testId?: string }) {
  const { t } = useTranslation();
  if (!p.error) return null;
  const message = typeof p.error === 'string' ? p.error : p.error.message;
  const rest =
    p.error instanceof ApiError
      ? p.error.details.filter((d) => !(p.fields ?? []).some((f) => pathMatches(d.path, f)))
      : [];
  return (
    <div className="alert alert-error" role="alert" data-testid={p.testId}>
      <p>{message}</p>
      {rest.length > 0 && (
        <>
          <p className="sr-only">{t('errors.fieldList')}</p>
          <ul>
            {rest.map((d, i) => (
              <li key={i}>{d.path ? `${d.path}: ${d.message}` : d.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * A form's submission state. `run` clears the error and marks the form busy while `action` runs
 * (the request and what follows its success); a failure is kept as the form's error (the server's,
 * else "unexpected"). Resolves to whether the action succeeded.
 */
export function useFormSubmit() {
  const { t } = useTranslation();
  const [error, setError] = useState<FormFailure>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err : t('errors.unexpected'));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/** The submit button (saying "saving" while busy), and a cancel button when `onCancel` is given. */
export function FormActions(p: {
  busy: boolean;
  label: string;
  testId: string;
  /** Also disabled while this holds (nothing valid to send). */
  disabled?: boolean;
  variant?: 'primary' | 'danger';
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className={p.variant ?? 'primary'} disabled={p.busy || p.disabled} data-testid={p.testId}>
        {p.busy ? t('common.saving') : p.label}
      </button>
      {p.onCancel && (
        <button type="button" onClick={p.onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert alert-ok" role="status">
      {children}
    </div>
  );
}

/** A secret (temporary password) shown once, with a copy button. */
export function OneTimeSecret(p: { title: string; secret: string; onClose(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(p.secret);
      setCopied(true);
    } catch {
      // clipboard refused (insecure context): the text stays selectable
    }
  };
  return (
    <div className="alert alert-secret" role="status" data-testid="one-time-secret">
      <p>
        <strong>{p.title}</strong>
      </p>
      <p className="secret-row">
        <code className="secret" data-testid="temporary-password">
          {p.secret}
        </code>
        <button type="button" onClick={() => void copy()} data-testid="copy-secret">
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </p>
      <p className="muted">{t('users.tempPasswordNote')}</p>
      <button type="button" className="link-button" onClick={p.onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}
