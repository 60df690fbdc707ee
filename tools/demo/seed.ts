/** Seeds the demo company into a local cloud through the real actions (`npm start`, the preview, e2e). */
import type { ActionName, Envelope } from '../../server/contract';
import type { LocalCloud } from '../local-cloud';
import { demoRoster, importAndBind, seedDemoCases } from './demo-company';

export async function isEmpty(cloud: LocalCloud): Promise<boolean> {
  const { total } = await cloud.cloud.database().collection('employees').count();
  return total === 0;
}

export async function seedDemoCompany(
  cloud: LocalCloud,
  adminOpenid: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  const invoke = (openid: string, action: ActionName, payload?: unknown) =>
    cloud.invoke('offboarding', { action, payload }, { openid }) as Promise<Envelope<unknown>>;
  const upload = async (openid: string, cloudPath: string, content: Uint8Array) =>
    (await cloud.upload(cloudPath, content, openid)).fileID;
  const people = await importAndBind(invoke, adminOpenid, demoRoster());
  const cases = await seedDemoCases(invoke, upload, people);
  log(
    `已创建演示公司：${people.length} 人，${Object.keys(cases).length} 个离职案件（每个状态一个）`,
  );
}
