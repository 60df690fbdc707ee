/**
 * `npm start`: builds, then runs the product on the local cloud at http://127.0.0.1:PORT
 * (default 3000). A new data folder is seeded with the demo company through the real actions.
 * Ctrl-C stops it cleanly.
 */
import { join } from 'node:path';
import { buildMirror, bundleFunctions, packMiniprogramNpm } from './build';
import { isEmpty, seedDemoCompany as seed } from './demo/seed';
import { closeOnSignals, createLocalCloud, type LocalCloud } from './local-cloud';
import { DEMO_OA_CALLBACK_SECRET, DEMO_OA_WEBHOOK_SECRET } from './oa/demo-secrets';
import { previewHandler } from './preview/server';

const repo = join(__dirname, '..');

async function printPeople(cloud: LocalCloud, adminOpenid: string): Promise<void> {
  const { data } = await cloud.cloud
    .database()
    .collection('employees')
    .where({ openid: cloud.cloud.database().command.exists(true) })
    .orderBy('_id', 'asc')
    .limit(100)
    .get();
  console.log('\n身份（请求头 x-wx-openid）：');
  console.log(`  ${adminOpenid.padEnd(14)} 管理员（ADMIN_OPENIDS，无需绑定）`);
  for (const person of data) {
    const roles = (person.roles as string[]).filter((role) => role !== 'employee');
    console.log(
      `  ${String(person.openid).padEnd(14)} ${String(person._id)} ${String(person.name)} · ${String(person.department)}${roles.length ? ` · ${roles.join('/')}` : ''}`,
    );
  }
}

async function main(): Promise<void> {
  console.log('构建云函数与小程序…');
  await bundleFunctions();
  await packMiniprogramNpm();
  await buildMirror();

  // The OA webhook works out of the box on this machine: a demo secret in this process's own
  // environment (never in a deployed function's), printed below for the OA client.
  process.env.OA_WEBHOOK_SECRET ||= DEMO_OA_WEBHOOK_SECRET;
  process.env.OA_CALLBACK_SECRET ||= DEMO_OA_CALLBACK_SECRET;
  // The demo company's name on every letter (DESIGN §3); unset on WeChat, letters say 公司.
  process.env.COMPANY_NAME ||= '示例科技有限公司';
  const adminOpenids = process.env.ADMIN_OPENIDS ?? 'demo-admin';
  const adminOpenid = adminOpenids.split(',')[0]?.trim() || 'demo-admin';
  const cloud = await createLocalCloud({
    dataDir: process.env.LOCAL_CLOUD_DIR ?? join(repo, '.local-cloud'),
    env: { ...process.env, ADMIN_OPENIDS: adminOpenids },
    jitterMs: Number(process.env.LOCAL_CLOUD_JITTER_MS) || 0,
  });
  const preview = previewHandler({
    cloud,
    mirrorDir: join(repo, '.build', 'miniprogram'),
    adminOpenid,
    async resetDemo() {
      await cloud.reset();
      await seed(cloud, adminOpenid);
    },
  });
  const { url } = await cloud.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', {
    fallback: preview,
    async beforeListen(local) {
      if (!(await isEmpty(local))) return;
      try {
        await seed(local, adminOpenid);
      } catch (error) {
        // A broken seed must not keep the product from starting.
        console.error('演示数据创建失败：', error);
      }
    },
  });
  await preview.warm();
  console.log(`\n预览（浏览器打开）：${url}/\n`);
  await printPeople(cloud, adminOpenid);
  console.log(`
预览：${url}/
本地云已启动：${url}
  POST ${url}/functions/offboarding   调用云函数（请求头 x-wx-openid 指定身份）
  POST ${url}/storage/upload          上传文件
  GET  ${url}/__admin/outbox          订阅消息发件箱
  POST ${url}/http/oa-webhook         OA 接入（HTTP 访问服务；README「接入 OA」）
       OA_WEBHOOK_SECRET=${process.env.OA_WEBHOOK_SECRET === DEMO_OA_WEBHOOK_SECRET ? `${DEMO_OA_WEBHOOK_SECRET}（演示值，仅限本机）` : '（已由环境变量设置）'}
       例：npm run oa -- submit D004 resignation
       状态回调：${process.env.OA_CALLBACK_URL ? `发往 ${process.env.OA_CALLBACK_URL}` : `未设置 OA_CALLBACK_URL（示例接收器：OA_CALLBACK_SECRET=${process.env.OA_CALLBACK_SECRET === DEMO_OA_CALLBACK_SECRET ? DEMO_OA_CALLBACK_SECRET : '…'} npx tsx tools/oa/receiver.ts，再以 OA_CALLBACK_URL=http://127.0.0.1:4100/oa/callbacks npm start）`}
  POST ${url}/__admin/clock           设置或拨快时钟
例：curl -s -XPOST ${url}/functions/offboarding -H 'content-type: application/json' -H 'x-wx-openid: ${adminOpenid}' -d '{"action":"me.get"}'
按 Ctrl-C 停止。`);

  closeOnSignals(cloud, () => console.log('\n正在停止…'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
