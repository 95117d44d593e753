import fs from 'node:fs';
import os from 'node:os';

/** Linux's USER_HZ: the unit of utime/stime in /proc/<pid>/stat (100 on every mainstream build). */
const ticksPerSecond = 100;

/**
 * CPU time (user + system, microseconds) used so far by each of `pids`, read from /proc (Linux
 * only: empty elsewhere). Read-only: nothing is signalled. A pid that is gone is left out.
 */
export function cpuMicrosOfPids(pids: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  if (process.platform !== 'linux') return out;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone
    }
    // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(pid, ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1e6);
  }
  return out;
}

/**
 * CPU used between two readings by a set of processes that may change in between (PostgreSQL
 * backends come and go with pool connections): a process seen only in `after` counts in full.
 * Processes that ended before `after` are missed, so this can only underestimate.
 */
export function cpuMicrosBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, micros] of after) total += micros - (before.get(pid) ?? 0);
  return total;
}

/** Busy CPU time of the whole machine (all cores, microseconds), from `os.cpus()`. */
export function machineBusyMicros(): number {
  let ms = 0;
  for (const c of os.cpus()) ms += c.times.user + c.times.nice + c.times.sys + c.times.irq;
  return ms * 1_000;
}
