import { parseArgs } from 'node:util';
import { startSimulator } from './server';

const { values } = parseArgs({ options: { port: { type: 'string', default: '5171' } } });
const sim = await startSimulator({ port: Number(values.port) });
process.stdout.write(`Simulator on ${sim.url}\n`);
process.stdout.write(`Virtual printer on ${sim.printer.interface} (what it printed: ${sim.url}/sim/printer)\n`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
