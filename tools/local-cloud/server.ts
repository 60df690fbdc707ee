/**
 * Runs the local cloud as a process: `tsx tools/local-cloud/server.ts`.
 * Environment: PORT (default 3000; 0 picks a free port), LOCAL_CLOUD_DIR (default
 * `<repo>/.local-cloud`), FUNCTIONS_DIR (default `<repo>/cloudfunctions`), ADMIN_OPENIDS (passed
 * to the functions, default `demo-admin`), LOCAL_CLOUD_JITTER_MS (random delay, up to that many
 * milliseconds, before each SDK answer; default 0). Prints one line `local-cloud listening on <url>` when
 * the port is open (tests wait for it). SIGINT/SIGTERM close it cleanly.
 */
import path from 'node:path';
import { closeOnSignals, createLocalCloud } from './local-cloud';

const repo = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const cloud = await createLocalCloud({
    dataDir: process.env.LOCAL_CLOUD_DIR ?? path.join(repo, '.local-cloud'),
    functionsDir: process.env.FUNCTIONS_DIR ?? path.join(repo, 'cloudfunctions'),
    env: { ADMIN_OPENIDS: process.env.ADMIN_OPENIDS ?? 'demo-admin' },
    jitterMs: Number(process.env.LOCAL_CLOUD_JITTER_MS) || 0,
  });
  const { url } = await cloud.listen(Number(process.env.PORT ?? 3000));
  console.log(`local-cloud listening on ${url}`);
  closeOnSignals(cloud);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
