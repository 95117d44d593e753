#!/usr/bin/env node
// Reads `npm audit --omit=dev --audit-level=high --json` on stdin and decides what CI does:
// a report with high or critical advisories fails (exit 1, one line per advisory); a report
// without them passes; anything else (the registry refused or did not answer the audit endpoint)
// is said in one line and passes (exit 0): CI neither fails on it nor pretends it audited.
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  let report;
  try {
    report = JSON.parse(input);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object') {
    const reason = report?.message ?? report?.error?.summary ?? 'no audit report';
    console.log(
      `ci: npm audit skipped: the registry did not answer the audit endpoint (${String(reason).split('\n')[0]})`,
    );
    process.exit(0);
  }
  const serious = Object.values(report.vulnerabilities ?? {}).filter(
    (v) => v.severity === 'high' || v.severity === 'critical',
  );
  if ((counts.high ?? 0) + (counts.critical ?? 0) === 0) {
    console.log(`ci: npm audit: no high or critical advisory in production dependencies (${counts.total ?? 0} lower)`);
    process.exit(0);
  }
  console.log(
    `ci: npm audit: ${counts.critical ?? 0} critical and ${counts.high ?? 0} high advisories in production dependencies`,
  );
  for (const v of serious) {
    const via = (v.via ?? [])
      .map((x) => (typeof x === 'string' ? x : (x.title ?? x.url)))
      .filter(Boolean)
      .join('; ');
    console.log(`  ${v.severity}: ${v.name} ${v.range ?? ''} ${via}`);
  }
  process.exit(1);
});
