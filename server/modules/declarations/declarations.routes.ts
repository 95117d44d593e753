import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { actorOf, citizenMetaOf, citizenSessionOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { declarationsContract } from '../../../core/contracts/declarations.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';

export const declarationsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const pub = { access: 'public' as const };
  const otpLimit = { max: config.publicRateLimit.otpPerMinute, timeWindow: '1 minute' };
  const submitLimit = { max: config.publicRateLimit.submitPerMinute, timeWindow: '1 minute' };
  const meta = citizenMetaOf;

  route(app, declarationsContract.postPublicOtp, { config: { ...pub, rateLimit: otpLimit } }, async (req) =>
    services.otp.request(req.body.phone, req.body.purpose, req.locale),
  );

  route(app, declarationsContract.postPublicDeclarations, { config: { ...pub, rateLimit: submitLimit } }, async (req) =>
    services.declarations.declare(req.body, meta(req)),
  );

  route(app, declarationsContract.postPublicStatus, { config: pub }, async (req) => {
    const view = await services.people.ownStatus(req.body.qrToken);
    if (!view) throw new AppError('NOT_FOUND');
    return view;
  });

  route(app, declarationsContract.postPublicArrivals, { config: { ...pub, rateLimit: submitLimit } }, async (req) =>
    services.declarations.arrival(citizenSessionOf(req), req.body, meta(req)),
  );

  route(app, declarationsContract.postPublicResidence, { config: { ...pub, rateLimit: submitLimit } }, async (req) =>
    services.declarations.residence(req.body, meta(req)),
  );

  route(app, declarationsContract.postPublicMeErase, { config: { ...pub, rateLimit: otpLimit } }, async (req) =>
    services.declarationsOfficials.erase(citizenSessionOf(req), req.body, meta(req)),
  );

  route(app, declarationsContract.getDeclarations, async (req) =>
    services.declarationsOfficials.listDeclarations(actorOf(req), req.query),
  );

  sheetRoutes(
    app,
    declarationsContract.getDeclarationsExport,
    declarationsContract.getDeclarationsExportCsv,
    async (req) => services.declarationsOfficials.exportDeclarations(actorOf(req), req.query),
  );

  route(app, declarationsContract.getArrivals, async (req) =>
    services.declarationsOfficials.listArrivals(actorOf(req), req.query),
  );

  sheetRoutes(app, declarationsContract.getArrivalsExport, declarationsContract.getArrivalsExportCsv, async (req) =>
    services.declarationsOfficials.exportArrivals(actorOf(req), req.query),
  );

  route(app, declarationsContract.patchArrivalsById, async (req) => {
    await services.declarationsOfficials.setFollowUp(actorOf(req), req.params.id, req.body.followUpStatus);
    return { ok: true as const };
  });
};
