import { runCli } from './commands.ts';

// `start` keeps the process alive with its server; any other command ends when its work is done.
const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exit(code);
