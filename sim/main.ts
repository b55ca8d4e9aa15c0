import { parseArgs } from 'node:util';
import { startSimulator } from './server';

/**
 * Runs the simulator alone: `npx tsx sim/main.ts [--port 5171] [--synthetic 100000 --seed 1]
 * [--latency-ms 200] [--error-rate 0.1] [--drop-rate 0.05] [--malformed-rate 0.05] [--truncated-rate 0.05]
 * [--outage] [--fault-seed 7] [--tombstone-retention-s S] [--token-ttl-s S]`. Faults can be changed later with `PUT /sim/admin/faults`.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5171' },
    synthetic: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'latency-ms': { type: 'string' },
    'error-rate': { type: 'string' },
    'drop-rate': { type: 'string' },
    'malformed-rate': { type: 'string' },
    'truncated-rate': { type: 'string' },
    outage: { type: 'boolean', default: false },
    'fault-seed': { type: 'string' },
    'tombstone-retention-s': { type: 'string' },
    'token-ttl-s': { type: 'string' },
  },
});

function numberFlag(name: keyof typeof values): number | undefined {
  const raw = values[name];
  if (raw === undefined || typeof raw !== 'string') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    process.stderr.write(`--${name} must be a number, not "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

const synthetic = numberFlag('synthetic');
let sim;
try {
  sim = await startSimulator({
    port: numberFlag('port'),
    tokenTtlSeconds: numberFlag('token-ttl-s'),
    central: {
      faults: {
        latencyMs: numberFlag('latency-ms'),
        errorRate: numberFlag('error-rate'),
        dropRate: numberFlag('drop-rate'),
        malformedRate: numberFlag('malformed-rate'),
        truncatedRate: numberFlag('truncated-rate'),
        outage: values.outage,
        seed: numberFlag('fault-seed'),
      },
      tombstoneRetentionSeconds: numberFlag('tombstone-retention-s'),
      synthetic: synthetic ? { count: synthetic, seed: numberFlag('seed') ?? 1 } : undefined,
    },
  });
} catch (error) {
  process.stderr.write(`simulator did not start: ${(error as Error).message}\n`);
  process.exit(1);
}
process.stdout.write(`Simulator on ${sim.url}\n`);
process.stdout.write(`Virtual printer on ${sim.printer.interface} (what it printed: ${sim.url}/sim/printer)\n`);
const running = sim;
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
