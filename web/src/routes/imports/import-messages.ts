import { useTranslation } from 'react-i18next';
import type { FileProblem, RowError } from './imports-api.ts';
import { FILE_PROBLEM_CODES, type FileProblemCode } from '../../../../src/domain/imports/file-problems.ts';

// The codes the server gives row and file problems (src/domain/imports); each has a sentence in
// web/src/i18n/{fi,sv,en}.json under imports.rowErrors / imports.fileErrors / imports.failures.
const ROW_ERROR_CODES = [
  'required',
  'too_long',
  'too_short',
  'invalid',
  'unknown_type',
  'unknown_region',
  'other_region',
  'not_allowed',
  'not_boolean',
  'invalid_website',
  'business_id_format',
  'business_id_remainder',
  'business_id_check_digit',
  'business_id_conflict',
  'duplicate_business_id',
  'duplicate_name',
  'duplicate_id',
  'same_organisation',
  'ambiguous_name',
  'name_without_letters',
  'unknown_concept',
  'formula',
  'error_value',
] as const;
type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

const FILE_ERROR_CODES = FILE_PROBLEM_CODES;
type FileErrorCode = FileProblemCode;

const FAILURE_CODES = [
  'interrupted',
  'internal',
  'not_allowed',
  'user_gone',
  'unknown_kind',
  'mapping',
  'conflict',
  'file',
] as const;
type FailureCode = (typeof FAILURE_CODES)[number];

function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}

/** Sentences for the server's problems in the reader's language; the server's English if a code is new. */
export function useImportMessages() {
  const { t } = useTranslation();
  return {
    rowError(error: RowError): string {
      const code = error.code;
      return isOneOf<RowErrorCode>(ROW_ERROR_CODES, code)
        ? t(`imports.rowErrors.${code}`, { ...(error.params ?? {}) })
        : error.message;
    },
    fileProblem(problem: FileProblem): string {
      const code = problem.code;
      return isOneOf<FileErrorCode>(FILE_ERROR_CODES, code)
        ? t(`imports.fileErrors.${code}`, { ...(problem.params ?? {}) })
        : problem.message;
    },
    failure(failure: { code: string; message: string }): string | null {
      const code = failure.code;
      // Rows rejected: the table says it all.
      if (code === 'rows_rejected') return null;
      return isOneOf<FailureCode>(FAILURE_CODES, code) ? t(`imports.failures.${code}`) : failure.message;
    },
  };
}
