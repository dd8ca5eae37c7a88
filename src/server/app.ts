import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerActorResolution } from './auth/actor.ts';
import { personalDataRoutes } from './account/personal-data.ts';
import { adminBackupRoutes } from './admin/backup.ts';
import { authRoutes } from './auth/auth.ts';
import { challengeRoutes } from './challenges/challenges.ts';
import { similarityRoutes } from './challenges/similarity.ts';
import { conceptRoutes } from './concepts/concepts.ts';
import type { AppContext } from './context.ts';
import { registerErrorHandler, toAppError } from './error-handler.ts';
import { healthRoutes } from './health/health.ts';
import { importRoutes } from './imports/imports.ts';
import { notificationRoutes } from './notifications/notifications.ts';
import { organisationRoutes } from './organisations/organisations.ts';
import { regionRoutes } from './regions/regions.ts';
import { taggingRoutes } from './tagging/tagging.ts';
import { serviceRoutes } from './services/services.ts';
import { siteRoutes } from './sites/sites.ts';
import { skillsRoutes } from './skills/skills.ts';
import { symbiosisRoutes } from './symbiosis/symbiosis.ts';
import { continuingEducationRoutes } from './training/continuing-education.ts';
import { workingLifeRoutes } from './training/working-life.ts';
import { trainingPathRoutes } from './training/paths.ts';
import { callRoutes } from './projects/calls.ts';
import { consortiumRoutes } from './projects/consortium.ts';
import { kpiRoutes } from './projects/kpis.ts';
import { pipelineRoutes } from './projects/pipeline.ts';
import { programmeCountryRoutes } from './projects/programme-countries.ts';
import { cordisRoutes } from './cordis/cordis.ts';
import { partnerRoutes } from './partners/partners.ts';
import { registerWebApp } from './web-app.ts';

export type ApiRoute = { method: string; url: string };

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
  }
}

export type BuildAppOptions = {
  /** false for tests that only exercise the API. */
  serveWebApp?: boolean;
  logger?: boolean;
};

/** Builds the Fastify app: security headers, auth, every /api route, OpenAPI, the web app. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false || ctx.config.logLevel === 'silent'
        ? false
        : {
            level: ctx.config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
          },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Every request is logged (structured, JSON) except the health probe and the pages of
    // personal survey links, whose address is the respondent's secret.
    logController: new LogController({
      disableRequestLogging: (request) => request.url === '/api/health' || request.url.startsWith('/survey/'),
    }),
    routerOptions: { maxParamLength: 200 },
    // Errors Fastify raises before routing (bad URL encoding, over-long params, bad content
    // type) get the same error format as everything else.
    frameworkErrors: (error, _request, reply) => {
      const mapped = toAppError(error);
      const raw = reply as unknown as { code(status: number): { send(body: unknown): void } };
      raw.code(mapped.status).send({ error: { code: mapped.code, message: mapped.message } });
    },
  });
  // Every /api route is listed here; the permission test checks each against the permission table.
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.schema?.hide) return;
    for (const method of [route.method].flat())
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kenno API',
        version: ctx.version,
        description:
          'The API of Kenno, the platform of the Finnish battery value-chain network. Errors are {"error":{"code","message","details?"}}. ' +
          'Authenticate with a session cookie (writes need the X-CSRF-Token header) or a personal API token (Authorization: Bearer).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'kenno_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  registerActorResolution(app, ctx);
  await app.register(async (api) => {
    await healthRoutes(api, ctx);
    await authRoutes(api, ctx);
    await regionRoutes(api, ctx);
    await conceptRoutes(api, ctx);
    await organisationRoutes(api, ctx);
    await importRoutes(api, ctx);
    await taggingRoutes(api, ctx);
    await challengeRoutes(api, ctx);
    await similarityRoutes(api, ctx);
    await notificationRoutes(api, ctx);
    await adminBackupRoutes(api, ctx);
    await personalDataRoutes(api, ctx);
    await siteRoutes(api, ctx);
    await serviceRoutes(api, ctx);
    await symbiosisRoutes(api, ctx);
    await skillsRoutes(api, ctx);
    await workingLifeRoutes(api, ctx);
    await continuingEducationRoutes(api, ctx);
    await trainingPathRoutes(api, ctx);
    await pipelineRoutes(api, ctx);
    await callRoutes(api, ctx);
    await kpiRoutes(api, ctx);
    await consortiumRoutes(api, ctx);
    await programmeCountryRoutes(api, ctx);
    await cordisRoutes(api, ctx);
    await partnerRoutes(api, ctx);
    api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });
  if (options.serveWebApp !== false) await registerWebApp(app);
  return app;
}
