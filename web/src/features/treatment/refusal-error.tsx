import { ApiError } from '../../ui/api.ts';
import { FormError, detailFor, type FormFailure } from '../../ui/form.tsx';

/**
 * A form's error where a refusal reads as the server's own sentences. A refusal with its own code
 * (NO_FREE_BED, CASE_CLOSED…) has its own headline; the details add the specifics ("Cơ sở không
 * còn giường hồi sức trống (đang dùng 2/2)"), both already in the user's language. The generic
 * CONFLICT / NOT_FOUND headline is left out: there the details are the reason. Anything else goes
 * through the shared `FormError`.
 */
export function RefusalError({
  error,
  fields,
  testId,
}: {
  error: FormFailure;
  fields: readonly string[];
  testId: string;
}) {
  if (error instanceof ApiError && (error.status === 409 || error.status === 404) && error.details.length > 0) {
    return (
      <div className="alert alert-error full" role="alert" data-testid={testId}>
        {error.code !== 'CONFLICT' && error.code !== 'NOT_FOUND' && <p>{error.message}</p>}
        {error.details
          .filter((d) => d.message !== error.message)
          .map((d, i) => (
            <p key={i}>{d.message}</p>
          ))}
      </div>
    );
  }
  return <FormError error={error} fields={fields} testId={testId} />;
}

/** The field error to show beside an input, unless `RefusalError` already says it above. */
export function fieldDetail(error: FormFailure, field: string): string | undefined {
  if (error instanceof ApiError && (error.status === 409 || error.status === 404)) return undefined;
  return detailFor(error, field);
}
