import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { errorFields, logger } from '../platform/server/log';

/**
 * Where partner rate limits are counted. With REDIS_URL, in Redis, shared by every gateway
 * replica (one partner, one limit, however many gateways); while Redis is unreachable each
 * gateway falls back to counting in its own memory (the limit then holds per gateway). Without
 * REDIS_URL, in memory (one gateway).
 */
export interface RateLimits {
  /** The limiter of `perMinute` requests a minute, by client. */
  limiter(perMinute: number): RateLimiterAbstract;
  /** Resolves once Redis answers, or after a few seconds without it (the gateway starts either way). */
  connected(): Promise<void>;
  close(): Promise<void>;
}

const CONNECT_WAIT_MS = 3000;

export function rateLimits(options: { redisUrl?: string; keyPrefix?: string } = {}): RateLimits {
  const limiters = new Map<number, RateLimiterAbstract>();
  const redis = options.redisUrl ? new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'zrg-gateway' }) : undefined;
  if (redis) {
    const log = logger('gateway');
    let down = false;
    redis.on('error', (error) => {
      if (!down) log.warn(errorFields(error), 'rate limits: Redis unreachable, counting in this gateway until it is back');
      down = true;
    });
    redis.on('ready', () => {
      if (down) log.info({}, 'rate limits: Redis back');
      down = false;
    });
  }
  return {
    limiter(perMinute) {
      let limiter = limiters.get(perMinute);
      if (!limiter) {
        const memory = new RateLimiterMemory({ points: perMinute, duration: 60 });
        limiter = redis
          ? new RateLimiterRedis({ storeClient: redis, points: perMinute, duration: 60, keyPrefix: `${options.keyPrefix ?? 'zrg'}:rate:${perMinute}`, rejectIfRedisNotReady: true, insuranceLimiter: memory })
          : memory;
        limiters.set(perMinute, limiter);
      }
      return limiter;
    },
    async connected() {
      if (!redis || redis.status === 'ready') return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise((resolve) => redis.once('ready', resolve)), new Promise((resolve) => (timer = setTimeout(resolve, CONNECT_WAIT_MS)))]);
      clearTimeout(timer);
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
