/**
 * Static security check of the Electron shell with @doyensec/electronegativity (it needs no Electron binary).
 * The tool exits 0 even with findings, so this reads its report and fails on any finding not reviewed below.
 * The report is SARIF, written in one write: the tool writes a CSV's header and rows with two racing async writes,
 * and when they interleave the header lands over the first row (CI saw a finding cut to "pt-src 'self'; …").
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { tempDir } from '../test/support/temp';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

/** Findings we looked at and accept, with the reason. Anything else fails the check. */
const reviewed: Record<string, string> = {
  PRELOAD_JS_CHECK: 'the preload exposes one named function per KioskApi method and nothing else (electron/preload.ts)',
  CSP_GLOBAL_CHECK: "csp-evaluator flags 'self' in script-src as bypassable via JSONP; the app serves only its own built files",
};

const sarifSchema = z.object({
  runs: z
    .array(
      z.object({
        results: z.array(
          z.object({
            ruleId: z.string(),
            message: z.object({ text: z.string() }),
            locations: z.array(
              z.object({
                physicalLocation: z.object({
                  artifactLocation: z.object({ uri: z.string() }),
                  region: z.object({ startLine: z.number(), startColumn: z.number() }),
                }),
              }),
            ),
          }),
        ),
      }),
    )
    .length(1),
});

const work = tempDir('pes-electronegativity-');
try {
  cpSync(join(root, 'electron'), join(work.dir, 'electron'), { recursive: true });
  cpSync(join(root, 'renderer', 'index.html'), join(work.dir, 'index.html'));
  const report = join(work.dir, 'findings.sarif');
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'electronegativity'),
    ['-i', work.dir, '-e', electronVersion, '-o', report, '-r', '-v', 'false'],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (run.status !== 0) throw new Error(`electronegativity failed: ${run.stderr}`);
  const findings = sarifSchema.parse(JSON.parse(readFileSync(report, 'utf8'))).runs[0]!.results.map((result) => {
    const where = result.locations[0]?.physicalLocation;
    const at = where ? `${where.artifactLocation.uri}:${where.region.startLine}:${where.region.startColumn}` : 'N/A';
    return { check: result.ruleId, line: `${result.ruleId} ${at} ${result.message.text}` };
  });
  const unexpected = findings.filter((finding) => !(finding.check in reviewed));
  for (const finding of findings) {
    process.stdout.write(`${finding.check in reviewed ? 'reviewed' : 'FINDING '} ${finding.line.slice(0, 160)}\n`);
  }
  if (unexpected.length > 0) {
    process.stderr.write(`electronegativity: ${unexpected.length} unreviewed finding(s) in electron/\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`electronegativity: ${findings.length} finding(s), all reviewed\n`);
  }
} finally {
  work.remove();
}
