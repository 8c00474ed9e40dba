// The root plugin: external plugins → app plugins → routes, plus the built client.
import Fastify, { type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextPlugin, type AppContext } from './plugins/context.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { sessionPlugin } from './plugins/session.ts';
import { healthRoutes } from './routes/health/index.ts';
import { authRoutes } from './routes/auth/index.ts';
import { meRoutes } from './routes/me/index.ts';
import { frameworkRoutes } from './routes/framework/index.ts';
import { attemptRoutes } from './routes/attempts/index.ts';
import { progressRoutes } from './routes/progress/index.ts';

export interface AppOptions extends AppContext {
  sessionSecret: string;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built client; served with an SPA fallback when it exists. */
  clientDir?: string;
}

export const defaultClientDir = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/client');

export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: false,
    bodyLimit: 64 * 1024,
    // Unknown fields are refused (400), not silently dropped; path params like :slot are coerced from text.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(errorsPlugin);
  await app.register(contextPlugin, { db: options.db, framework: options.framework, now: options.now });
  await app.register(sessionPlugin, { secret: options.sessionSecret });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(frameworkRoutes);
  await app.register(attemptRoutes);
  await app.register(progressRoutes);

  const clientDir = options.clientDir ?? defaultClientDir;
  const hasClient = existsSync(clientDir);
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      // Hashed asset names never change content, so browsers may keep them; the shell is revalidated.
      setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/exam/…, /report/…) load the app shell; unknown /api paths stay JSON 404s.
    if (hasClient && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.code(404).send({ error: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` });
  });
  return app;
}
