import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createLocalCloud,
  type LocalCloud,
  type LocalCloudOptions,
} from '../../../tools/local-cloud';

export const FIXTURE_FUNCTIONS = path.join(__dirname, 'fixtures', 'functions');

export interface Harness {
  cloud: LocalCloud;
  dataDir: string;
  db: WxServerSdk.Database;
  /** Closes the cloud and removes its temp data folder. */
  dispose(): Promise<void>;
}

/** A local cloud on a fresh temp folder, running the test fixtures' functions. */
export async function startHarness(options: Partial<LocalCloudOptions> = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'));
  const cloud = await createLocalCloud({
    dataDir,
    functionsDir: FIXTURE_FUNCTIONS,
    realTimeTimers: false,
    env: { ADMIN_OPENIDS: 'admin-1' },
    logger: { error: () => undefined }, // failures are asserted on, not printed
    ...options,
  });
  return {
    cloud,
    dataDir,
    db: cloud.cloud.database(),
    dispose: async () => {
      await cloud.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The rejection of a promise, for asserting on SDK-shaped errors. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<{ errCode: number; errMsg: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { errCode: number; errMsg: string };
  }
  throw new Error('expected a rejection');
}
