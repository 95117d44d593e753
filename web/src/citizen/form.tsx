import { useRef, useState, type ReactNode } from 'react';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { ApiError, newClientKey } from './api.ts';
import { useT } from './i18n/index.ts';

/**
 * Form plumbing shared by the citizens' pages: one request at a time, a client key kept across
 * the retries of one submission, and the server's errors placed under the fields they name.
 */
export interface FormErrors {
  /** The general message (server's, or "please correct the marked fields"). */
  message: string | null;
  /** Field path → message, for the fields the page shows. */
  fields: Record<string, string>;
  /** Details about fields the page does not show: listed in the general box. */
  others: string[];
}

const none: FormErrors = { message: null, fields: {}, others: [] };

export interface SubmitOptions {
  /** Whether the page shows a field with this (dotted) path. */
  known: (path: string) => boolean;
  /** Paths the server uses that the page shows under another name (e.g. `phone` → `person.phone`). */
  alias?: Record<string, string>;
  /** Called with every failure (e.g. to forget a personal QR the server no longer knows). */
  onError?: (e: unknown) => void;
}

export function useSubmit(opts: SubmitOptions) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(none);
  const inFlight = useRef(false);
  const clientKey = useRef<string | null>(null);

  const report = (e: unknown, alias: Record<string, string> = {}) => {
    opts.onError?.(e);
    if (!(e instanceof ApiError)) {
      setErrors({ message: t('app.unexpected'), fields: {}, others: [] });
    } else {
      const fields: Record<string, string> = {};
      const others: string[] = [];
      for (const d of e.details) {
        const path = alias[d.path] ?? opts.alias?.[d.path] ?? d.path;
        if (opts.known(path)) fields[path] = fields[path] ? `${fields[path]} ${d.message}` : d.message;
        else others.push(d.message);
      }
      setErrors({ message: e.message, fields, others });
    }
    revealError();
  };

  /**
   * Runs one submission. The client key is made on the first attempt and kept until one attempt
   * succeeds, so tapping again after a network failure resends the same key.
   */
  const submit = async <T,>(send: (clientKey: string) => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setErrors(none);
    clientKey.current ??= newClientKey();
    try {
      const result = await send(clientKey.current);
      clientKey.current = null;
      return result;
    } catch (e) {
      report(e);
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  /** Client-side checks failed: show them the same way as the server's. */
  const fail = (fields: Record<string, string>) => {
    setErrors({ message: t('app.fixErrors'), fields, others: [] });
    revealError();
  };

  const clear = (...paths: string[]) =>
    setErrors((prev) => {
      if (!paths.some((p) => p in prev.fields)) return prev;
      const fields = { ...prev.fields };
      for (const p of paths) delete fields[p];
      return { ...prev, fields };
    });

  return { busy, errors, submit, fail, clear, report, reset: () => setErrors(none) };
}

export type Submitter = ReturnType<typeof useSubmit>;

function revealError() {
  setTimeout(() => {
    const el = document.querySelector('.field-error, .form-error');
    el?.scrollIntoView({ block: 'center' });
  }, 0);
}

export function FormError({ errors }: { errors: FormErrors }) {
  if (!errors.message && errors.others.length === 0) return null;
  return (
    <div className="form-error" role="alert" data-testid="form-error">
      {errors.message && <p>{errors.message}</p>}
      {errors.others.length > 0 && (
        <ul>
          {errors.others.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  /** The dotted path the server uses for this field (`person.idNumber`). */
  name: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its hint and its error below (`field-error-<path>`). */
export function Field({ name, label, error, hint, optional, children }: FieldProps) {
  const t = useT();
  const id = `f-${name.replace(/\W/g, '-')}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('app.optional')}</span>}
      </label>
      {children({ id, 'aria-invalid': !!error, ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-err`} data-testid={`field-error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of checkboxes for a closed list of codes. */
export function CheckList<C extends string>(props: {
  legend: string;
  codes: readonly C[];
  value: readonly string[];
  onChange: (v: string[]) => void;
  label: (code: C) => string;
  testid: (code: C) => string;
  name: string;
  error?: string | undefined;
  hint?: string;
}) {
  const toggle = (code: string, on: boolean) =>
    props.onChange(on ? [...props.value.filter((c) => c !== code), code] : props.value.filter((c) => c !== code));
  return (
    <fieldset className="checks">
      <legend>{props.legend}</legend>
      {props.hint && <p className="hint">{props.hint}</p>}
      {props.codes.map((code) => (
        <label key={code} className="check">
          <input
            type="checkbox"
            checked={props.value.includes(code)}
            onChange={(e) => toggle(code, e.target.checked)}
            data-testid={props.testid(code)}
          />
          <span>{props.label(code)}</span>
        </label>
      ))}
      {props.error && (
        <p className="field-error" data-testid={`field-error-${props.name}`}>
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

/** The submit button: disabled (and saying so) while the request is in flight. */
export function SubmitButton({
  busy,
  label,
  testid,
  variant = 'primary',
}: {
  busy: boolean;
  label: string;
  testid: string;
  variant?: 'primary' | 'danger';
}) {
  const t = useT();
  return (
    <button type="submit" className={`btn big ${variant}`} disabled={busy} aria-busy={busy} data-testid={testid}>
      {busy ? t('app.sending') : label}
    </button>
  );
}

/** Local date as YYYY-MM-DD (date inputs, "not in the future"). */
/**
 * Today in Viet Nam, the calendar the server checks dates against ("not in the future"): a phone
 * whose clock is set to another zone (a traveller, a test browser in UTC) would otherwise refuse
 * today's date after 17:00 UTC, or offer tomorrow's before.
 */
export function today(): string {
  return vietnamToday();
}

export function validBirthYear(v: string): boolean {
  return /^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= new Date().getFullYear();
}
