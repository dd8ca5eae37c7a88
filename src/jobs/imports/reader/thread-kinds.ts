import {
  type CordisPartEnd,
  type CordisPartSummary,
  CordisParticipationCopyWriter,
  joinCordisParts,
} from '../../../db/queries/cordis-participation-copy.ts';
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
  /** A file read in two parts: what the other part's end needs to know of this part's rows. */
  summary(): unknown;
  /** What of its part's end needs nothing of the other part, made while the summaries cross. */
  beforeJoin(first: boolean): void;
  /** This part's end, given the other part's summary; the kind's `join` makes the file's end. */
  partEnd(other: unknown, first: boolean): unknown;
};

/**
 * A kind read in a thread of its own: its definition, which needs no context, its sink, and how
 * the ends of a file's two parts make the file's end (read-in-thread.ts, on the caller's thread).
 */
export type ThreadReadKind = {
  definition: ImportKindDefinition<unknown, undefined>;
  sink(importId: string): RowSink<unknown>;
  join(first: unknown, rest: unknown): unknown;
};

/** The kinds read in a thread of their own, by name (a thread gets data, not functions). */
export const THREAD_READ_KINDS: Record<string, ThreadReadKind> = {
  'cordis-organizations': {
    definition: cordisOrganisationsDefinition as ImportKindDefinition<unknown, undefined>,
    sink: (importId) => {
      const writer = new CordisParticipationCopyWriter(importId);
      return {
        add: (value) => writer.add(value as CordisParticipationRow),
        take: () => writer.take(),
        end: () => writer.end(),
        summary: () => writer.summary(),
        beforeJoin: (first) => writer.beforeJoin(first),
        partEnd: (other, first) => writer.partEnd(other as CordisPartSummary, first),
      };
    },
    join: (first, rest) => joinCordisParts(first as CordisPartEnd, rest as CordisPartEnd),
  },
};
