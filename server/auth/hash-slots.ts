// At most a few password hashes run at once (each takes ~0.25 s and 128 MiB); the rest wait in
// a bounded queue, so a flood of sign-ups cannot starve the thread pool that serves files.
import { HttpError } from '../plugins/errors.ts';

export interface HashSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function hashSlots(concurrency: number, maxWaiting: number): HashSlots {
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    active--;
    const next = queue.shift();
    if (next) {
      active++;
      next();
    }
  };
  return {
    async run(work) {
      if (active >= concurrency) {
        if (queue.length >= maxWaiting) {
          throw new HttpError(503, 'busy', 'The server is busy checking other passwords; try again in a few seconds.', {}, { 'retry-after': '5' });
        }
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        active++;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    hashSlots: HashSlots;
  }
}
