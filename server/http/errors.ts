import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  AppError,
  errorMessages,
  errorStatus,
  isAppError,
  type ErrorCode,
  type ErrorDetail,
  type Locale,
} from '../../core/errors.ts';
import { BilingualError } from '../shared/bilingual-error.ts';
import { localiseIssues } from './validation-messages.ts';

export interface ErrorResponse {
  status: number;
  body: { error: { code: ErrorCode; message: string; details?: ErrorDetail[] } };
}

export function errorResponse(code: ErrorCode, locale: Locale, details: ErrorDetail[] = []): ErrorResponse {
  const error = { code, message: errorMessages[code][locale], ...(details.length ? { details } : {}) };
  return { status: errorStatus[code], body: { error } };
}

/** Maps anything thrown while handling a request to a closed error code. Never leaks a stack. */
export function classifyError(err: unknown, locale: Locale): { appError: AppError; unexpected: boolean } {
  if (err instanceof BilingualError) return { appError: err.in(locale), unexpected: false };
  if (isAppError(err)) return { appError: err, unexpected: false };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = localiseIssues(err.validation, err.validationContext, locale);
    return { appError: new AppError('VALIDATION_FAILED', details), unexpected: false };
  }
  const pgCode = postgresErrorCode(err);
  if (pgCode === '23505') return { appError: new AppError('CONFLICT'), unexpected: false };
  // 57014: cancelled by the statement timeout (or an administrator).
  if (pgCode === '57014') return { appError: new AppError('QUERY_TIMEOUT'), unexpected: false };
  if (pgCode?.startsWith('22') || pgCode === '23503' || pgCode === '23514') {
    return { appError: new AppError('VALIDATION_FAILED'), unexpected: false };
  }
  const status = (err as FastifyError | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { appError: new AppError(codeForClientStatus(status)), unexpected: false };
  }
  return { appError: new AppError('INTERNAL'), unexpected: true };
}

function codeForClientStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'ROUTE_NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'VALIDATION_FAILED';
  }
}

function postgresErrorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The language chosen in the app (cookie `pd_lang`) first, then the request's Accept-Language. */
export function pickLocale(acceptLanguage: string | undefined, chosen?: string): Locale {
  if (chosen === 'en' || chosen === 'vi') return chosen;
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}
