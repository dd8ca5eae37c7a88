import { CordisParticipationCopyWriter } from '../../../db/queries/cordis-participation-copy.ts';
import {
  type CordisParticipationRow,
  cordisOrganisationsDefinition,
} from '../../../domain/cordis/cordis-participations.ts';
import type { ImportKindDefinition } from '../../../domain/imports/import-kind.ts';

/** Where a reader thread puts the rows that passed: COPY data, taken after each batch. */
export type RowSink<T> = {
  add(value: T): void;
  /** The data of the rows added since the last call; null when there is none. */
  take(): Uint8Array | null;
  /** What the commit needs besides the data, once every row is read (structured-cloneable). */
  end(): unknown;
};

/**
 * The kinds read in a thread of their own, by name (a thread gets data, not functions): their
 * definition, which needs no context, and their sink. See ImportJobKind.readInThread.
 */
export const THREAD_READ_KINDS: Record<
  string,
  { definition: ImportKindDefinition<unknown, undefined>; sink(importId: string): RowSink<unknown> }
> = {
  'cordis-organizations': {
    definition: cordisOrganisationsDefinition as ImportKindDefinition<unknown, undefined>,
    sink: (importId) => {
      const writer = new CordisParticipationCopyWriter(importId);
      return {
        add: (value) => writer.add(value as CordisParticipationRow),
        take: () => writer.take(),
        end: () => writer.end(),
      };
    },
  },
};
