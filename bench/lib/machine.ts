import os from 'node:os';

export interface MachineInfo {
  node: string;
  cores: number;
  cpuModel: string;
  totalMemGiB: number;
  platform: NodeJS.Platform;
  osRelease: string;
  arch: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: process.platform,
    osRelease: os.release(),
    arch: process.arch,
  };
}
