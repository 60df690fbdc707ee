/**
 * `npm start`: builds, then runs the product on the local cloud at http://127.0.0.1:PORT
 * (default 3000). A new data folder is seeded with the demo company through the real actions.
 * Ctrl-C stops it cleanly.
 */
import { join } from 'node:path';
import { buildMirror, bundleFunctions, packMiniprogramNpm } from './build';
import { isEmpty, seedDemoCompany as seed } from './demo/seed';
import { closeOnSignals, createLocalCloud, type LocalCloud } from './local-cloud';
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
  POST ${url}/__admin/clock           设置或拨快时钟
例：curl -s -XPOST ${url}/functions/offboarding -H 'content-type: application/json' -H 'x-wx-openid: ${adminOpenid}' -d '{"action":"me.get"}'
按 Ctrl-C 停止。`);

  closeOnSignals(cloud, () => console.log('\n正在停止…'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
