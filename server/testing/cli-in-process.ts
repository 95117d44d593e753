import { vi } from 'vitest';
import { runCli } from '../cli/commands.ts';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a `phongdich` command in this process, as the binary would (same dispatch, messages and exit
 * code), with the given environment and what it prints captured. A process start per command cost
 * seconds of the suite; `main.ts` is only `runCli` and its exit code, checked by one spawned test.
 */
export async function runCliInProcess(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(' ')));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(' ')));
  for (const [name, value] of Object.entries({ LOG_LEVEL: 'silent', ...env })) vi.stubEnv(name, value);
  try {
    const status = await runCli(args);
    return { status, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    vi.unstubAllEnvs();
  }
}
