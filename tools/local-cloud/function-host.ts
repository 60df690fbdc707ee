import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InstanceData, InvokeMessage, ResultMessage } from './function-worker';

/** How many instances of one function may run at once (WeChat scales further; tests need few). */
export const MAX_INSTANCES_PER_FUNCTION = 16;

/** A function run that threw (or whose instance died): what WeChat reports as -504002. */
export class FunctionRunError extends Error {
  constructor(
    message: string,
    readonly functionStack?: string,
  ) {
    super(message);
    this.name = 'FunctionRunError';
  }
}

interface Instance {
  readonly id: string;
  readonly functionName: string;
  readonly worker: Worker;
  readonly ready: Promise<void>;
  pending: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null;
}

export interface InvokeRequest {
  functionName: string;
  mainFile: string;
  event: unknown;
  context: Record<string, string>;
  wxContext: WxServerSdk.WXContext;
  frozenAt: number | null;
  /** Called with the instance id before the run starts and after it ends (round-trip counting). */
  onStart(instanceId: string): void;
  onEnd(instanceId: string): void;
}

// Each instance loads TypeScript (the function's main.ts and the server code) through tsx.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
require(workerData.tsxApi).register();
require(workerData.workerFile);
`;

/**
 * Function instances as the platform runs them: each in its own worker thread (its own
 * `process.env`, hence its own `getWXContext()`), one invocation at a time; an overlapping call
 * starts another instance, so calls run concurrently and interleave at every awaited SDK call.
 * Idle instances stay warm and are reused, as on WeChat.
 */
export class FunctionHost {
  private readonly idle = new Map<string, Instance[]>();
  private readonly instances = new Set<Instance>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private invocationId = 0;
  /** Instances started since the host was made (each a cold start). */
  started = 0;

  constructor(
    private readonly envId: string,
    /** The SDK URL for an instance id (the wire tells instances apart by it). */
    private readonly serviceUrl: (instanceId: string) => string,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  private start(functionName: string, mainFile: string): Instance {
    const id = randomUUID().replace(/-/g, '').slice(0, 16);
    this.started++;
    const data: InstanceData & { tsxApi: string; workerFile: string } = {
      mainFile,
      serviceUrl: this.serviceUrl(id),
      envId: this.envId,
      tsxApi: require.resolve('tsx/cjs/api'),
      workerFile: path.join(__dirname, 'function-worker.ts'),
    };
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: data,
      env: Object.fromEntries(
        Object.entries(this.env).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      ),
    });
    const instance: Instance = {
      id,
      functionName,
      worker,
      pending: null,
      ready: new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      }),
    };
    worker.on('message', (message: ResultMessage | 'ready') => {
      if (message === 'ready' || !instance.pending) return;
      const { resolve, reject } = instance.pending;
      instance.pending = null;
      // Parsed here, not by the thread's messaging: values belong to the caller's realm (a
      // jest test's sandbox checks arrays with instanceof).
      if (message.ok) resolve(JSON.parse(message.json) as unknown);
      else reject(new FunctionRunError(message.message, message.stack));
    });
    const died = (error: unknown) => {
      this.instances.delete(instance);
      const list = this.idle.get(functionName) ?? [];
      this.idle.set(
        functionName,
        list.filter((other) => other !== instance),
      );
      instance.pending?.reject(
        new FunctionRunError(
          `函数实例异常退出 (instance died): ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      instance.pending = null;
      this.wake(functionName);
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`exit code ${code}`)));
    this.instances.add(instance);
    return instance;
  }

  private wake(functionName: string): void {
    this.waiting.get(functionName)?.shift()?.();
  }

  private async acquire(functionName: string, mainFile: string): Promise<Instance> {
    for (;;) {
      const warm = this.idle.get(functionName)?.pop();
      if (warm) return warm;
      const running = [...this.instances].filter((i) => i.functionName === functionName).length;
      if (running < MAX_INSTANCES_PER_FUNCTION) return this.start(functionName, mainFile);
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(functionName) ?? [];
        queue.push(resolve);
        this.waiting.set(functionName, queue);
      });
    }
  }

  private release(instance: Instance): void {
    if (!this.instances.has(instance)) return;
    const list = this.idle.get(instance.functionName) ?? [];
    list.push(instance);
    this.idle.set(instance.functionName, list);
    this.wake(instance.functionName);
  }

  async invoke(request: InvokeRequest): Promise<unknown> {
    const instance = await this.acquire(request.functionName, request.mainFile);
    try {
      await instance.ready;
    } catch (error) {
      await instance.worker.terminate();
      throw new FunctionRunError(
        `函数加载失败 (function failed to load): ${error instanceof Error ? error.message : String(error)}`,
        error instanceof Error ? error.stack : undefined,
      );
    }
    request.onStart(instance.id);
    try {
      return await new Promise<unknown>((resolve, reject) => {
        instance.pending = { resolve, reject };
        const message: InvokeMessage = {
          id: ++this.invocationId,
          event: request.event,
          context: request.context,
          wxContext: request.wxContext,
          frozenAt: request.frozenAt,
        };
        instance.worker.postMessage(message);
      });
    } finally {
      request.onEnd(instance.id);
      this.release(instance);
    }
  }

  /** Ends every instance: the next call starts cold (reset, close). */
  async stop(): Promise<void> {
    const all = [...this.instances];
    this.instances.clear();
    this.idle.clear();
    await Promise.all(all.map((instance) => instance.worker.terminate()));
  }
}
