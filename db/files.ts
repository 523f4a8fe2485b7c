import fs from 'node:fs';
import path from 'node:path';

/** Write temp, fsync, rename, fsync the folder: a crash leaves either the old or the new file, never half of one. */
export function writeFileAtomic(target: string, content: string, mode = 0o600): void {
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  try {
    const dirFd = fs.openSync(path.dirname(target), 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    // Windows cannot open a directory for fsync; the rename is atomic there.
  }
}

/** Reads a small JSON file; null when it does not exist, is too large or does not parse. */
export function readSmallJson(file: string, maxBytes = 64 * 1024): unknown {
  try {
    if (fs.statSync(file).size > maxBytes) return null;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
