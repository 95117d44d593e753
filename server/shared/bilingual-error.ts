import { AppError, type ErrorCode, type Locale } from '../../core/errors.ts';

export interface BilingualDetail {
  path: string;
  message: Record<Locale, string>;
}

/**
 * An error raised where the caller's language is not known (a repository decoding a cursor): it
 * carries each detail in both languages and the HTTP layer answers the caller's. Its plain
 * `details` are the Vietnamese ones (the CLI, logs).
 */
export class BilingualError extends AppError {
  constructor(
    code: ErrorCode,
    private readonly bilingual: readonly BilingualDetail[],
  ) {
    super(
      code,
      bilingual.map((d) => ({ path: d.path, message: d.message.vi })),
    );
  }

  in(locale: Locale): AppError {
    return new AppError(
      this.code,
      this.bilingual.map((d) => ({ path: d.path, message: d.message[locale] })),
    );
  }
}
