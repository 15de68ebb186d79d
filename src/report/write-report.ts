/**
 * Writes the report's files atomically, as one set tagged with one run id.
 *
 * Every file is first written in full (and flushed) under a temporary name in
 * the target folder, so a failure part-way — a full disk, a read-only folder —
 * removes the temporary files and leaves the folder as it was. The files are
 * then renamed into place under a lock (a lock file in the folder), so runs
 * into one folder at the same time never interleave: the folder ends with one
 * complete set, the last run's. `manifest.json` lists the set (run id, each
 * file's size and SHA-256); `report.md` ends with the run id, and each
 * GeoJSON layer carries it as the foreign member `steppenetRun`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ErrorCode } from '../errors/error-codes.js';
import { InputError, SystemError } from '../errors/steppenet-error.js';

export const MANIFEST_FILE = 'manifest.json';
const LOCK_FILE = '.steppenet-report.lock';
/** A lock older than this is taken to be left by a run that died. */
const STALE_LOCK_MS = 60_000;
const LOCK_WAIT_MS = 120_000;

/** An output folder that can never take the files (empty, an existing file, no write permission): the caller's input. */
export class OutputPathError extends InputError {
  static override readonly code: ErrorCode = 'INVALID_OUTPUT_PATH';
}

/** Writing failed part-way (a full disk, an I/O error, a lock held too long): the machine's failure, not the caller's. */
export class OutputWriteError extends SystemError {}

/** The error for a failed file operation: the path's fault or the machine's; `cause` is the file system's error. */
function outputError(message: string, pathFault: boolean, cause?: unknown): OutputPathError | OutputWriteError {
  return pathFault ? new OutputPathError(message, { cause }) : new OutputWriteError(message, { cause });
}

export interface ReportFile {
  name: string;
  content: string;
}

export interface WrittenReport {
  runId: string;
  dir: string;
  files: { name: string; bytes: number; sha256: string }[];
}

/** A new run id: time, process and randomness, so two runs never share one. */
export function newRunId(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The write of one file's bytes; replaceable in tests to simulate a full disk. */
export type WriteBytes = (fd: number, data: Buffer) => void;
const writeAll: WriteBytes = (fd, data) => {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
};

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it exists and is not a folder',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'an input/output error',
  ENOENT: 'no such file or folder (and it cannot be created there)',
};

function reason(e: unknown): { code?: string; text: string } {
  const code = (e as NodeJS.ErrnoException)?.code;
  return { code, text: (code && REASONS[code]) ?? (e as Error)?.message ?? String(e) };
}

/**
 * mkdir -p without `recursive: true`, which loops for ever on some file
 * systems (Node 20 on /proc: ENOENT at every level): each missing folder
 * from the nearest existing one down, one plain mkdir each.
 */
function makeFolders(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    makeFolders(parent);
    mkdirSync(dir);
  }
}

/** Makes sure `dir` is (or can become) a folder; an OutputPathError if not. */
export function prepareOutputDir(dir: string): string {
  if (dir.trim() === '') throw new OutputPathError('the output folder is empty: give a folder name');
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
    if (!isDir) throw new OutputPathError(`the output folder ${dir} exists and is not a folder`);
  } catch (e) {
    if (e instanceof OutputPathError) throw e;
    const r = reason(e);
    if (r.code !== 'ENOENT') throw new OutputPathError(`cannot use ${dir} as the output folder: ${r.text}`, { cause: e });
  }
  if (!isDir) {
    try {
      makeFolders(resolve(dir));
    } catch (e) {
      const r = reason(e);
      throw outputError(`cannot create the output folder ${dir}: ${r.text}`, r.code !== 'ENOSPC' && r.code !== 'EIO', e);
    }
  }
  return resolve(dir);
}

/**
 * Writes `files` and a manifest into `dir` as one set (see the module
 * comment). Throws OutputPathError or OutputWriteError, leaving no temporary or partial file.
 */
export function writeReportFiles(dir: string, files: readonly ReportFile[], options: { runId?: string; writeBytes?: WriteBytes } = {}): WrittenReport {
  const runId = options.runId ?? newRunId();
  const writeBytes = options.writeBytes ?? writeAll;
  const target = prepareOutputDir(dir);
  const entries = files.map((f) => ({ name: f.name, data: Buffer.from(f.content, 'utf8') }));
  const listed = entries.map((e) => ({ name: e.name, bytes: e.data.length, sha256: createHash('sha256').update(e.data).digest('hex') }));
  const manifest = { steppenetRun: runId, written: new Date().toISOString(), files: listed };
  entries.push({ name: MANIFEST_FILE, data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') });

  const temps: string[] = [];
  const cleanUp = () => {
    for (const t of temps) {
      try {
        unlinkSync(t);
      } catch {
        // already gone
      }
    }
  };
  try {
    for (const e of entries) {
      const temp = join(target, `.${e.name}.${runId}.tmp`);
      let fd: number;
      try {
        fd = openSync(temp, 'wx');
      } catch (err) {
        const r = reason(err);
        throw outputError(`cannot write in ${dir}: ${r.text}`, r.code !== 'ENOSPC' && r.code !== 'EIO' && r.code !== 'EDQUOT', err);
      }
      temps.push(temp);
      try {
        writeBytes(fd, e.data);
        fsyncSync(fd);
      } catch (err) {
        const r = reason(err);
        throw outputError(`cannot write ${join(dir, e.name)}: ${r.text}; nothing in ${dir} was changed`, r.code === 'EACCES' || r.code === 'EROFS' || r.code === 'EPERM', err);
      } finally {
        closeSync(fd);
      }
    }
    withLock(target, () => {
      // The manifest goes last: once it names this run, every file of the set is in place.
      entries.forEach((e, i) => renameSync(temps[i]!, join(target, e.name)));
    });
    temps.length = 0;
  } catch (e) {
    cleanUp();
    if (e instanceof OutputPathError || e instanceof OutputWriteError) throw e;
    throw new OutputWriteError(`cannot write the report into ${dir}: ${reason(e).text}`, { cause: e });
  }
  return { runId, dir, files: listed };
}

/** Runs `fn` holding the folder's lock file (created exclusively); waits for another run's, and breaks a stale one. */
function withLock(dir: string, fn: () => void): void {
  const lock = join(dir, LOCK_FILE);
  const started = Date.now();
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) unlinkSync(lock);
      } catch {
        // released meanwhile
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new OutputWriteError(`another run holds ${lock} for over ${LOCK_WAIT_MS / 1000} s; remove it if no report is running`);
      Atomics.wait(sleeper, 0, 0, 10 + Math.floor(Math.random() * 20));
    }
  }
  try {
    fn();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // nothing to release
    }
  }
}
