import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mediaTypes } from '../../core/contracts/contract.ts';
import type { Locale } from '../../core/errors.ts';
import { AppError } from '../../core/errors.ts';
import type { SessionInfo } from '../../core/schemas/auth.ts';
import type { Actor } from '../shared/actor.ts';
import type { SheetExport } from '../shared/excel.ts';

/** Route access level: `public` needs no session; everything else does (the default). */
export type Access = 'public' | 'user';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  /** Needs a recent sign-in or re-authentication (see auth-hook.ts). */
  stepUp: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, for the jurisdiction test that must cover each one. */
    routeCatalogue: RouteEntry[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable by a session that must first change its password or enrol a second factor. */
    duringSetup?: boolean;
    /** Bulk exports and administrators' actions: the session must have (re)authenticated lately. */
    stepUp?: boolean;
  }
  interface FastifyRequest {
    locale: Locale;
    actorOrNull: Actor | null;
    sessionToken: string | null;
    /** What the session answers to GET /api/auth/me, kept from the lookup the auth hook made. */
    sessionInfo: SessionInfo | null;
    /** The session's public id (what GET /api/auth/sessions lists). */
    sessionPublicId: string | null;
  }
}

/** The signed-in actor of a route that requires a session (the auth hook guarantees one). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actorOrNull) throw new AppError('UNAUTHENTICATED');
  return req.actorOrNull;
}

export function sendXlsx(reply: FastifyReply, file: SheetExport) {
  return sendFile(
    reply,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    file.filename,
    file.xlsx(),
  );
}

/** The same export as CSV (UTF-8 with BOM, so Excel opens Vietnamese correctly). */
export function sendCsv(reply: FastifyReply, file: SheetExport) {
  return sendFile(reply, 'text/csv; charset=utf-8', file.csvFilename, file.csv());
}

function sendFile(reply: FastifyReply, type: string, filename: string, stream: Readable) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(stream);
}

/** The citizen session a citizens' page sends as `Authorization: Bearer …` (null when none). */
export function citizenSessionOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S{1,200})$/i.exec(header.trim());
  return m ? m[1]! : null;
}

/** What a citizen's request carries for the audit log and the messages. */
export function citizenMetaOf(req: FastifyRequest): { ip: string; requestId: string; locale: Locale } {
  return { ip: req.ip, requestId: req.id, locale: req.locale };
}
