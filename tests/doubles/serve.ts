// npm run api-double -- [--latency MS]: the model API double on 127.0.0.1 for trying a run by hand.
import { Command } from 'commander';
import { startModelApi } from './model-api.ts';

const { latency } = new Command()
  .option('--latency <ms>', 'latency of every call', '300')
  .parse()
  .opts<{ latency: string }>();
const api = await startModelApi({
  latency: Number(latency),
  judges: { 'claude-sonnet-4-5': 'first' },
});
console.log(`model API double listening at ${api.url} (test data, not a model). In another shell:

  export OPENAI_API_KEY=test ANTHROPIC_API_KEY=test OPENAI_BASE_URL=${api.url}/v1 ANTHROPIC_BASE_URL=${api.url}

Ctrl-C stops it.`);
process.on('SIGINT', () => void api.close().then(() => process.exit(0)));
