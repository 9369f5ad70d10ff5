import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * Workers connected to the queue now (BullMQ names each worker's connection; Redis lists them
 * with CLIENT LIST). Undefined where the server refuses CLIENT LIST (some hosted Redis).
 */
export async function countWorkers(redis: Redis, queueName: string): Promise<number | undefined> {
  const queue = new Queue(queueName, { connection: redis });
  try {
    return await queue.getWorkersCount();
  } catch {
    return undefined;
  } finally {
    await queue.close();
  }
}
