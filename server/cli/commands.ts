import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { estimateR } from '../../core/rules/rt/cori.ts';
import { formatRtOutput, parseRtInput } from '../../core/rules/rt/rt-json.ts';
import { roles, type Role } from '../../core/roles.ts';
import { assessScoreJson } from '../../core/rules/workplaces/assess-json.ts';
import { ConfigurationError, loadConfig } from '../config.ts';
import { createHttpServer, openPlatform, version, type Platform } from '../main.ts';
import { platformJobs } from '../jobs/platform-jobs.ts';
import { startJobs } from '../jobs/scheduler.ts';
import { totpCode } from '../modules/identity/totp.ts';
import { systemActor } from '../shared/actor.ts';
import { auditSeal, auditVerify } from './audit-commands.ts';
import { importLinelist, linelistFormatOf, parseMapping, printChains } from './linelist-commands.ts';
import { backupSocketPath, serveBackups } from '../db/archive/backup-socket.ts';
import { backupCommand, restoreCommand } from './backup-commands.ts';
import { ReportsUsageError, reportsPeriod, reportsStatus } from './report-commands.ts';
import { formatRange, parseRangeArgs, violationsRange, ViolationsUsageError } from './violations-commands.ts';
import { exportInstanceSecret, generateSecretFile } from './secret-commands.ts';
import { FederationUsageError, federationCommand } from './federation-commands.ts';
import { ReadinessUsageError, unitReadiness } from './readiness-command.ts';
import { demoTotpSecret, formatAccounts, loadProvinceUnits, seedDemo } from './seed.ts';

const usage = `phongdich <command>

  start [--demo]            migrate, then serve the web app and API (PORT, default 3000);
                            --demo (or PHONGDICH_DEMO=1) loads the demo province on first start
  migrate                   bring the database schema up to date
  seed --demo               load the demo province (Lai Châu) and demo accounts
  seed --province <code>    load a province's communes and boundaries (no population)
  rt --input <file.json> [--json]
                            Rt by Cori et al. (EpiEstim's estimate_R): input {local, imported,
                            si_distr | mean_si + std_si, t_start?, t_end?, mean_prior?, std_prior?}
  import linelist <file> [--source <label>] [--mapping <json>]
                            import a line list (.json vn-2020 format, .csv, .xlsx): all rows or
                            none; the same file and source again updates instead of duplicating
  assess score [--input <file.json>] [--json]
                            score a COVID-safety self-assessment read from the file or stdin:
                            {template, answers} or {items: [{points, max, component}], rules: 2194|1203};
                            prints {points, max, sharePercent, group, blockedBy}
  chains [--json]           chains of transmission of the loaded cases: counts, largest chain,
                            longest generation path, descendants of each case
  risk rebuild              recount every commune's daily cases and tests from the records (after a
                            bulk change made outside the platform; writes through it are counted as they happen)
  audit verify              check the audit log: every row chained, the chain unbroken, its signed
                            checkpoints valid; prints OK with counts, the head and the rows not
                            sealed yet (sealer job), or the first broken row (exit code 1)
  audit seal                seal the audit rows written so far into the chain now (the server's job
                            does it every PHONGDICH_AUDIT_SEAL_INTERVAL_SECONDS)
  reports period --template <code> --at <ISO instant> [--json]
                            the template's reporting period containing the instant (weekly-covid:
                            Monday–Sunday in Viet Nam): from, to (local dates) and due (+07:00)
  reports status --period <id> [--template <code>] [--province <code>] [--json]
                            each expected reporting unit's first submission of the period (e.g.
                            weekly:2026-W50) and whether it was on time; totals expected, submitted,
                            on time, late, missing
  resources readiness --unit <code> --level <n> [--json]
                            a unit's readiness for a level of the active rule set: what its approved
                            plan requires against the forces, stock, free beds and quarantine places
                            it has; prints {required, available, shortfalls, readinessPercent}
  violations range --article <code> --subject individual|organisation --on <date> [--json]
                            the fine range of a Decree 117/2020 article in force on the date, from
                            the stored catalogue (organisations: twice the individual range); prints
                            {article, minVnd, maxVnd, inForce}
  users create --username <u> --full-name <name> --role <role> --locality <code>
                            create an account; prints a one-time password
  demo code <username>      the current two-factor code of a demo account (from <data>/demo-accounts.txt;
                            refused where the demo was not seeded)
  backup <file>             a consistent archive of the whole database while the server runs,
                            encrypted with the signing secret; with the embedded database the
                            running server writes it
  restore <file> [--force]  load an archive into an empty database (--force: replace what it holds);
                            the embedded database's server must be stopped
  secret generate --out <file>
                            write a new signing secret to a key file (mode 600), for
                            PHONGDICH_SECRET_FILE (required outside demo mode)
  secret export-instance --out <file>
                            write the signing secret an older installation kept in its database
                            to a key file, for PHONGDICH_PREVIOUS_SECRETS_FILE (its QR codes keep working)
  federation publish        create or update this instance's publications (PHONGDICH_FEDERATION_ROLE);
                            run on the hub and on every province first
  federation subscribe      subscribe to the other side's publications (the hub to each province,
                            a province to the hub); copies what they hold, then streams changes
  federation status [--json]
                            publications, replication slots (WAL kept for each subscriber, lag in
                            bytes), senders, subscriptions (streaming or not, lag) and heartbeats
  help                      this text

Database: DATABASE_URL (PostgreSQL) or the embedded database in PHONGDICH_DATA_DIR (default ./data).`;

async function withPlatform<T>(fn: (p: Platform) => Promise<T>, o: { demo?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const platform = await openPlatform({ ...config, demo: config.demo || (o.demo ?? false) });
  try {
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

async function start(demoFlag: boolean) {
  const loaded = loadConfig();
  // `start --demo` is demo mode as much as PHONGDICH_DEMO=1: the whole platform must know it.
  const config = { ...loaded, demo: demoFlag || loaded.demo };
  const demo = config.demo;
  const platform = await openPlatform(config, undefined, { background: true });
  if (demo) {
    const { accounts, accountsFile } = await seedDemo(platform);
    console.log(accounts ? formatAccounts(accounts) : `Demo accounts: see ${accountsFile}`);
  }
  const app = await createHttpServer(platform);
  const stopJobs = startJobs(platformJobs(platform.services, config), app.log);
  // The embedded database cannot be opened by another process while this one runs: backups come from here.
  const stopBackups =
    platform.database.kind === 'pglite'
      ? await serveBackups(backupSocketPath(config.dataDir), {
          db: platform.database.db,
          kind: 'pglite',
          appVersion: version,
        })
      : async () => {};
  const shutdown = async () => {
    stopJobs();
    await stopBackups();
    await app.close();
    // The audit rows of the last requests are chained now rather than at the next start's first seal.
    await platform.services.auditChain
      .seal({ wait: true })
      .catch((err: unknown) => app.log.error({ err }, 'sealing the audit chain at shutdown failed'));
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`phongdich on http://localhost:${config.port} (${platform.database.kind}${demo ? ', demo' : ''})`);
}

async function dispatch(argv: string[]): Promise<number | void> {
  const [command, sub, ...rest] = argv;
  const options = {
    demo: { type: 'boolean' },
    province: { type: 'string' },
    username: { type: 'string' },
    'full-name': { type: 'string' },
    role: { type: 'string' },
    locality: { type: 'string' },
    input: { type: 'string' },
    json: { type: 'boolean' },
    source: { type: 'string' },
    mapping: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    template: { type: 'string' },
    at: { type: 'string' },
    period: { type: 'string' },
    unit: { type: 'string' },
    level: { type: 'string' },
    article: { type: 'string' },
    subject: { type: 'string' },
    on: { type: 'string' },
  } as const;
  const withSub =
    command === 'users' ||
    command === 'import' ||
    command === 'risk' ||
    command === 'demo' ||
    command === 'audit' ||
    command === 'assess' ||
    command === 'secret' ||
    command === 'reports' ||
    command === 'federation' ||
    command === 'resources' ||
    command === 'violations';
  const args = parseArgs({
    args: withSub ? rest : [sub, ...rest].filter((a): a is string => a !== undefined),
    options,
    allowPositionals: command === 'import' || command === 'demo' || command === 'backup' || command === 'restore',
  });
  const v = args.values;
  switch (command) {
    case 'start':
      return start(v.demo ?? false);
    case 'migrate':
      return withPlatform(async () => console.log('database is up to date'));
    case 'seed':
      return withPlatform(
        async (p) => {
          if (v.demo) {
            const { accounts, accountsFile } = await seedDemo(p);
            console.log(accounts ? formatAccounts(accounts) : `Demo accounts exist already: see ${accountsFile}`);
          } else if (v.province) {
            const { created } = await loadProvinceUnits(p, v.province, false);
            console.log(`province ${v.province}: ${created} units created`);
          } else throw new UsageError('seed needs --demo or --province <code>');
        },
        { demo: v.demo ?? false },
      );
    case 'backup':
    case 'restore': {
      const file = args.positionals[0];
      if (!file || args.positionals.length > 1) throw new UsageError(`usage: ${command} <file>`);
      const config = loadConfig();
      return console.log(
        command === 'backup' ? await backupCommand(config, file) : await restoreCommand(config, file, v.force ?? false),
      );
    }
    case 'secret': {
      if (!v.out) throw new UsageError('secret generate|export-instance needs --out <file>');
      if (sub === 'generate') return console.log(await generateSecretFile(v.out));
      if (sub === 'export-instance') return console.log(await exportInstanceSecret(loadConfig(), v.out));
      throw new UsageError('only "secret generate" and "secret export-instance" exist');
    }
    case 'users':
      if (sub !== 'create') throw new UsageError('only "users create" exists');
      if (!v.username || !v['full-name'] || !v.role || !v.locality)
        throw new UsageError('users create needs --username --full-name --role --locality');
      if (!roles.includes(v.role as Role)) throw new UsageError(`role must be one of: ${roles.join(', ')}`);
      return withPlatform(async (p) => {
        const r = await p.services.users.create(systemActor('cli'), {
          username: v.username!.toLowerCase(),
          fullName: v['full-name']!,
          role: v.role as Role,
          localityCode: v.locality!,
        });
        console.log(
          `created ${r.user.username} (${r.user.role}, ${r.user.localityName}); one-time password: ${r.temporaryPassword}`,
        );
      });
    case 'demo': {
      const username = args.positionals[0]?.toLowerCase();
      if (sub !== 'code' || !username) throw new UsageError('usage: demo code <username>');
      // From the demo accounts file, not the database: the running demo server holds the embedded one.
      const file = path.join(loadConfig().dataDir, 'demo-accounts.txt');
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null)
        throw new UsageError(`${file} does not exist: this is not a demo installation (start --demo or seed --demo)`);
      const secret = demoTotpSecret(text, username);
      if (!secret) throw new UsageError(`${username} is not a demo account with two-factor sign-in (see ${file})`);
      console.log(`${totpCode(secret)}  (${username}, valid ${30 - (Math.floor(Date.now() / 1000) % 30)} s more)`);
      return;
    }
    case 'rt': {
      if (!v.input) throw new UsageError('rt needs --input <file.json>');
      const result = estimateR(parseRtInput(JSON.parse(await readFile(v.input, 'utf8'))));
      if (v.json) console.log(JSON.stringify(formatRtOutput(result), null, 2));
      else
        for (const w of result.windows)
          console.log(
            `${w.tStart}-${w.tEnd}\tR = ${w.mean.toFixed(3)} (95% CrI ${w.quantiles.q0025.toFixed(3)}–${w.quantiles.q0975.toFixed(3)})`,
          );
      for (const warning of result.warnings) console.error(`warning: ${warning}`);
      return;
    }
    case 'import': {
      const file = args.positionals[0];
      if (sub !== 'linelist' || !file)
        throw new UsageError('usage: import linelist <file> [--source <label>] [--mapping <json>]');
      const format = linelistFormatOf(file);
      if (!format) throw new UsageError('the line list must be a .json (vn-2020 format), .csv or .xlsx file');
      const mapping = parseMapping(v.mapping);
      return withPlatform((p) => importLinelist(p, file, { format, source: v.source, mapping }));
    }
    case 'assess': {
      if (sub !== 'score') throw new UsageError('only "assess score" exists');
      const raw = v.input ? await readFile(v.input, 'utf8') : await readStdin();
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new UsageError('assess score: the input is not JSON');
      }
      const r = assessScoreJson(parsed);
      if (!r.ok) {
        for (const e of r.errors) console.error(`error: ${e}`);
        return 1;
      }
      if (v.json) console.log(JSON.stringify(r.output));
      else
        console.log(
          `${r.output.points}/${r.output.max} = ${r.output.sharePercent}% → ${r.output.group}${r.output.blockedBy.length ? ` (blocked by ${r.output.blockedBy.join(', ')})` : ''}`,
        );
      return;
    }
    case 'chains':
      return withPlatform(async (p) => void (await printChains(p, v.json ?? false)));
    case 'risk':
      if (sub !== 'rebuild') throw new UsageError('only "risk rebuild" exists');
      return withPlatform(async (p) => {
        const started = performance.now();
        const cells = await p.services.indicators.rebuildAll(p.database.db);
        console.log(`${cells} (commune, day) cells recounted in ${Math.round(performance.now() - started)} ms`);
      });
    case 'reports': {
      if (sub === 'status') {
        if (!v.period) throw new UsageError('reports status needs --period <id>, e.g. weekly:2026-W50');
        return withPlatform(async (p) => {
          const s = await reportsStatus(p.services, { period: v.period!, template: v.template, province: v.province });
          if (v.json)
            return console.log(
              JSON.stringify({
                period: s.period,
                units: s.units.map(({ unit, submittedAt, onTime }) => ({ unit, submittedAt, onTime })),
                totals: s.totals,
              }),
            );
          for (const u of s.units)
            console.log(
              `${u.unit.padEnd(10)} ${(u.submittedAt ?? '-').padEnd(26)} ${u.onTime === null ? 'missing' : u.onTime ? 'on time' : 'late'}  ${u.name}`,
            );
          const t = s.totals;
          console.log(
            `${s.period.id} (${s.period.from} – ${s.period.to}, due ${s.period.due}): expected ${t.expected}, submitted ${t.submitted}, on time ${t.onTime}, late ${t.late}, missing ${t.missing}`,
          );
        });
      }
      if (sub !== 'period') throw new UsageError('only "reports period" and "reports status" exist');
      if (!v.template || !v.at) throw new UsageError('reports period needs --template <code> --at <ISO instant>');
      const p = reportsPeriod(v.template, v.at);
      console.log(v.json ? JSON.stringify(p) : `${v.template}: ${p.from} – ${p.to}, due ${p.due}`);
      return;
    }
    case 'federation':
      return withPlatform((p) => federationCommand(p, sub, v.json ?? false));
    case 'resources': {
      if (sub !== 'readiness') throw new UsageError('only "resources readiness" exists');
      const level = Number(v.level);
      if (!v.unit || !Number.isInteger(level))
        throw new UsageError('resources readiness needs --unit <code> --level <n>, e.g. --unit 03388 --level 3');
      return withPlatform(async (p) => {
        const r = await unitReadiness(p.services, v.unit!, level);
        if (v.json) return console.log(JSON.stringify(r));
        console.log(`${v.unit} level ${level}: ${r.readinessPercent} % ready`);
        for (const s of r.shortfalls)
          console.log(`  short ${s.kind} ${s.code}: ${s.available} of ${s.required} (missing ${s.quantity})`);
      });
    }
    case 'violations': {
      if (sub !== 'range') throw new UsageError('only "violations range" exists');
      // Checked before the database is opened: a mistake costs no start-up.
      const range = parseRangeArgs({ article: v.article, subject: v.subject, on: v.on });
      return withPlatform(async (p) => {
        const r = await violationsRange(p, range);
        console.log(v.json ? JSON.stringify(r) : formatRange(r));
      });
    }
    case 'audit':
      if (sub === 'seal') return withPlatform(auditSeal);
      if (sub !== 'verify') throw new UsageError('"audit verify" or "audit seal"');
      return withPlatform(async (p) => ((await auditVerify(p)) ? 0 : 1));
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs one command and answers its exit code: 1 after a refused input (message and usage on
 * stderr) or a failed check. In-process, so tests run commands without starting a process each.
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return (await dispatch(argv)) ?? 0;
  } catch (err: unknown) {
    if (
      err instanceof UsageError ||
      err instanceof ReportsUsageError ||
      err instanceof FederationUsageError ||
      err instanceof ReadinessUsageError ||
      err instanceof ViolationsUsageError
    )
      console.error(`${err.message}\n\n${usage}`);
    else if (err instanceof ConfigurationError) console.error(err.message);
    else if (err instanceof Error && 'code' in err && 'details' in err)
      console.error(`error ${String(err.code)}: ${JSON.stringify(err.details)}`);
    else console.error(err);
    return 1;
  }
}
