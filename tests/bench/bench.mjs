// `npm run bench [-- --quick] [-- --runs N] [-- --only stage,stage]`: builds the app and the bench pages, then measures.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? args[runsAt + 1] : '3';
// `--only open,dashboards`: only these stages (floor, recompute, import, open, dashboards).
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '') : '';
const root = resolve(import.meta.dirname, '../..');

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'tests/bench/vite.config.ts']);
run('npx', ['playwright', 'test', '--config', 'tests/bench/playwright.config.ts'], {
  BENCH_QUICK: quick ? '1' : '0',
  BENCH_RUNS: runs,
  BENCH_ONLY: only,
});
