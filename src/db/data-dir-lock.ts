import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock between processes: two openers of one data folder silently lose
 * committed writes. Kenno therefore holds `<dataDir>/kenno.lock` while it has the folder
 * open. The file names the holder (pid + the kernel's start time of that pid, so a reused
 * pid after a crash is not mistaken for a live holder). A lock left by a killed process is
 * taken over at once; a lock held by a live process is refused with a clear message.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${dataDir} is already in use by another Kenno process ` +
        `(pid ${holder.pid}, "${holder.command}", since ${holder.since}). ` +
        'Two processes writing one embedded database would lose data, so this one stops here. ' +
        'Stop the other process first (the CLI works while the server is stopped), ' +
        'or point KENNO_DATA_DIR at another folder, or use a PostgreSQL server with DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
  }
}

export type LockHolder = {
  pid: number;
  startTicks: string | null;
  host: string;
  command: string;
  since: string;
};

export type DataDirLock = { path: string; release(): void };

const LOCK_NAME = 'kenno.lock';

export function acquireDataDirLock(dataDir: string, command = describeCommand()): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_NAME);
  const me: LockHolder = {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    host: os.hostname(),
    command,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, me)) {
      const release = () => releaseIfMine(lockPath, me);
      process.once('exit', release);
      return {
        path: lockPath,
        release() {
          process.removeListener('exit', release);
          release();
        },
      };
    }
    const holder = readHolder(lockPath);
    if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
    // Stale (its process is gone) or unreadable: remove it and try again.
    fs.rmSync(lockPath, { force: true });
  }
  const holder = readHolder(lockPath);
  throw new DataDirLockedError(
    dataDir,
    holder ?? { pid: -1, startTicks: null, host: '?', command: '?', since: '?' },
  );
}

function tryCreate(lockPath: string, me: LockHolder): boolean {
  // Write the content to a private file, then hard-link it into place: link() fails if the
  // lock exists, so nobody ever reads a half-written lock file.
  const tmp = `${lockPath}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(me));
  try {
    fs.linkSync(tmp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function releaseIfMine(lockPath: string, me: LockHolder): void {
  const holder = readHolder(lockPath);
  if (holder && holder.pid === me.pid && holder.since === me.since) fs.rmSync(lockPath, { force: true });
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true; // cannot check another machine: assume alive
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const ticks = processStartTicks(holder.pid);
  return ticks === null || holder.startTicks === null || ticks === holder.startTicks;
}

/** Field 22 of /proc/<pid>/stat: when the process started (Linux). Null elsewhere. */
function processStartTicks(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return afterName[19] ?? null;
  } catch {
    return null;
  }
}

function describeCommand(): string {
  return process.argv
    .slice(1)
    .map((a) => path.basename(a))
    .join(' ')
    .slice(0, 120);
}
