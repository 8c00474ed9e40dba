// The root plugin: external plugins → app plugins → routes, plus the built client.
import Fastify, { LogController, type FastifyHttpOptions, type FastifyServerOptions } from 'fastify';
import type { Server } from 'node:http';
import fastifyStatic from '@fastify/static';
import compress from '@fastify/compress';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { existsSync } from 'node:fs';
import zlib from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextPlugin, type AppContext } from './plugins/context.ts';
import { clientErrorHandler, errorsPlugin, frameworkErrors } from './plugins/errors.ts';
import { securityPlugin } from './plugins/security.ts';
import { requestLogPlugin } from './plugins/request-log.ts';
import { sessionPlugin } from './plugins/session.ts';
import { accessPlugin, type Access } from './plugins/access.ts';
import { capConnectionsPerAddress } from './http/connection-cap.ts';
import { hashSlots } from './auth/hash-slots.ts';
import { HTTP_DEFAULTS, type HttpOptions } from './config.ts';
import { healthRoutes } from './routes/health/index.ts';
import { authRoutes } from './routes/auth/index.ts';
import { meRoutes } from './routes/me/index.ts';
import { frameworkRoutes } from './routes/framework/index.ts';
import { attemptRoutes } from './routes/attempts/index.ts';
import { progressRoutes } from './routes/progress/index.ts';
import { part2Routes } from './routes/part2/index.ts';
import { essayRoutes } from './routes/essays/index.ts';
import { sharedEssayRoutes } from './routes/essays/shared.ts';
import { groupRoutes } from './routes/groups/index.ts';
import { groupResultRoutes } from './routes/groups/results.ts';
import { drillRoutes } from './routes/groups/drills.ts';
import { groupEssayRoutes } from './routes/groups/essays.ts';
import { learningRoutes } from './routes/learning/index.ts';
import { reportRoutes } from './routes/reports/index.ts';
import { mailPlugin, type MailOptions } from './mail.ts';

export interface AppOptions extends AppContext {
  sessionSecret: string;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built client; served with an SPA fallback when it exists. */
  clientDir?: string;
  http?: Partial<HttpOptions>;
  /** Password-reset and email-change mail; none given → links are written to the log. */
  mail?: MailOptions;
}

export interface RouteEntry {
  method: string;
  url: string;
  /** Declares its replies (and so appears, typed, in the OpenAPI document). */
  hasSchema: boolean;
  /** Who may call it (routes outside /api serve files and documentation to anyone). */
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export const defaultClientDir = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/client');

export async function buildApp(options: AppOptions) {
  const http = { ...HTTP_DEFAULTS, ...options.http };
  const serverOptions: FastifyHttpOptions<Server> = {
    logger: options.logger ?? false,
    // Fastify's two lines per request are replaced by requestLogPlugin's one line at most.
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count is valid for proxy-addr; Fastify's types omit it.
    trustProxy: http.trustProxy as boolean | string,
    bodyLimit: 64 * 1024,
    // A stalled or trickled request is cut off instead of holding its socket forever.
    requestTimeout: http.requestTimeoutMs,
    connectionTimeout: 2 * http.requestTimeoutMs,
    http: { headersTimeout: http.requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, http.requestTimeoutMs) },
    frameworkErrors,
    clientErrorHandler,
    // Unknown fields are refused (400), not silently dropped; path params like :slot are coerced from text.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  };
  const app = Fastify(serverOptions).withTypeProvider<TypeBoxTypeProvider>();
  capConnectionsPerAddress(app.server, http.maxConnectionsPerAddress);
  // Every route, as registered: the fuzz, access and OpenAPI tests walk this table.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, hasSchema: Boolean(route.schema?.response), access: route.config?.access ?? 'anonymous' });
    }
  });

  // A write with no body may still say it is JSON (the write guard asks every write to).
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body === '' ? done(null, undefined) : json(request, String(body), done));

  await app.register(swagger, {
    openapi: { info: { title: 'CETL Practice API', version: '1' }, components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cetl_session' } } } },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // Fast settings: an 85 KB attempt shrinks to about a third at brotli quality 1 in a fraction of
  // the time the defaults take (quality 4 cost 3–4 ms per read on this 2-core machine).
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
  });
  await app.register(securityPlugin);
  await app.register(requestLogPlugin, { mode: http.logRequests });
  await app.register(errorsPlugin);
  await app.register(contextPlugin, { db: options.db, framework: options.framework, part2: options.part2, now: options.now });
  await app.register(sessionPlugin, { secret: options.sessionSecret, cookieSecure: http.cookieSecure });
  await app.register(accessPlugin);
  // Two password hashes at once (one per core); up to 200 more wait their turn, the rest get 503.
  app.decorate('hashSlots', hashSlots(2, 200));
  await app.register(mailPlugin, options.mail ?? {});

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(frameworkRoutes);
  await app.register(attemptRoutes);
  await app.register(progressRoutes);
  await app.register(part2Routes);
  await app.register(essayRoutes);
  await app.register(sharedEssayRoutes);
  await app.register(groupRoutes);
  await app.register(groupResultRoutes);
  await app.register(drillRoutes);
  await app.register(groupEssayRoutes);
  await app.register(learningRoutes);
  await app.register(reportRoutes);

  const clientDir = options.clientDir ?? defaultClientDir;
  const hasClient = existsSync(clientDir);
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      // The build writes .br and .gz beside each asset; they are sent as they are.
      preCompressed: true,
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
