import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, ERROR_STATUS } from '../domain/errors.ts';

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/** The one place that turns any error into `{error:{code,message,details?}}` with its status. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const mapped = toAppError(err);
    if (mapped.status >= 500 && mapped.code !== 'db_unavailable') {
      request.log.error({ err }, 'request failed');
    } else if (mapped.code === 'db_unavailable') {
      request.log.warn({ err: String(err) }, 'database unavailable');
    }
    if (mapped.code === 'rate_limited' && typeof mapped.details === 'object' && mapped.details) {
      const retry = (mapped.details as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retry) reply.header('retry-after', String(retry));
    }
    const body: ErrorBody = { error: { code: mapped.code, message: mapped.message } };
    if (mapped.details !== undefined) body.error.details = mapped.details;
    return reply.status(mapped.status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    };
    return reply.status(404).send(body);
  });
}

const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);
const NET_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    return new AppError(
      'validation_failed',
      'The request is not valid',
      err.validation.map((v) => ({
        path: [
          ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : []),
          ...(((v.params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path ?? []) as unknown[]),
        ]
          .map(String)
          .filter((p, i, all) => all.indexOf(p) === i),
        message: v.message ?? 'invalid',
      })),
    );
  }
  if (isResponseSerializationError(err))
    return new AppError('internal', 'The server produced an invalid response');
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    const message = String((e as { message?: unknown }).message ?? '');
    if (typeof code === 'string' && (PG_UNAVAILABLE.has(code) || NET_UNAVAILABLE.has(code))) {
      return new AppError('db_unavailable', 'The database is not reachable right now; try again shortly');
    }
    if (
      /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
        message,
      )
    ) {
      return new AppError('db_unavailable', 'The database is not reachable right now; try again shortly');
    }
    if (code === '23505') return new AppError('conflict', 'A record with the same key already exists');
    if (code === '23503')
      return new AppError('conflict', 'The record refers to, or is referred to by, another record');
    if (code === '22P02' || code === '22001' || code === '22003')
      return new AppError('validation_failed', 'A value is not valid');
    if (code === '22021' || code === '22P05' || code === '54000') {
      return new AppError(
        'validation_failed',
        'The text contains a character that cannot be stored (such as NUL)',
      );
    }
  }
  const statusCode = (err as { statusCode?: number }).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const code: ErrorCode =
      statusCode === 413
        ? 'payload_too_large'
        : statusCode === 415
          ? 'unsupported_media_type'
          : statusCode === 404
            ? 'not_found'
            : statusCode === 429
              ? 'rate_limited'
              : 'bad_request';
    return new AppError(code, safeMessage(err));
  }
  return new AppError('internal', 'Something went wrong on the server');
}

function safeMessage(err: unknown): string {
  const message = String((err as { message?: unknown }).message ?? 'Bad request');
  return message.slice(0, 300);
}

export { ERROR_STATUS };
