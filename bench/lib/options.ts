/** A whole-number command-line option within [min, max], with the option's name in the error. */
export function intOption(values: Record<string, unknown>, key: string, min: number, max: number): number {
  const n = Number(values[key]);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${key} must be an integer in [${min}, ${max}]`);
  return n;
}

/** The load options every benchmark takes: rounds, seconds per round, warm-up seconds, connections. */
export function loadOptions(values: Record<string, unknown>) {
  return {
    rounds: intOption(values, 'rounds', 1, 20),
    durationSec: intOption(values, 'duration', 1, 60),
    warmupSec: intOption(values, 'warmup', 0, 60),
    connections: intOption(values, 'connections', 1, 1_000),
  };
}
