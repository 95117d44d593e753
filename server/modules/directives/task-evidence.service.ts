import { AppError } from '../../../core/errors.ts';
import type { TaskEvidenceView } from '../../../core/schemas/directives.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { isSystemActor, recordedBy, type Actor } from '../../shared/actor.ts';
import { documentTypeOf, sha256Of } from '../../shared/file-types.ts';
import type { UnitsService } from '../units/units.module.ts';
import { directiveMessages as messages } from './directives.messages.ts';
import { directivesPolicy as policy } from './directives.policy.ts';
import { toTaskEvidenceView } from './directives.presenter.ts';
import type { DirectivesRepository } from './directives.repository.ts';
import type { DirectivesService } from './directives.service.ts';
import type { TaskEvidenceRepository } from './task-evidence.repository.ts';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/**
 * Evidence files on a directive task's progress (issue 16): the task's unit attaches a PDF, an image
 * or an Office document (its type from its bytes: SVG, HTML and the like are refused); stored as the
 * inspection photos are (the bytes first, under their hash, then the audited row). A file is given
 * to the issuer, the units above it and the task's own unit only, and each reading is audited.
 */
export class TaskEvidence {
  constructor(
    private readonly d: {
      db: Db;
      repo: DirectivesRepository;
      evidence: TaskEvidenceRepository;
      units: UnitsService;
      directives: DirectivesService;
    },
  ) {}

  /** Attaches a file to a task; the path's file key makes a resend store it once. */
  async attach(
    actor: Actor,
    o: { directiveId: string; taskId: string; fileKey: string; filename: string | undefined; body: unknown },
  ): Promise<TaskEvidenceView> {
    const m = messages[actor.locale];
    const { directive } = await this.d.directives.accessOf(this.d.db, actor, o.directiveId);
    const task = await this.d.repo.findTask(this.d.db, directive.id, o.taskId);
    if (!task) throw new AppError('NOT_FOUND');
    if (!isSystemActor(actor) && !(await this.d.units.isOfficer(this.d.db, actor.userId, task.unit_id)))
      throw new AppError('FORBIDDEN', [{ path: 'taskId', message: m.notOfficer }]);
    const resent = await this.d.evidence.byClientKey(this.d.db, o.fileKey);
    if (resent) {
      if (resent.task_id !== task.id) throw new AppError('CONFLICT', [{ path: 'fileKey', message: m.otherEvidence }]);
      return this.viewOf(resent.id);
    }
    const body = Buffer.isBuffer(o.body) ? o.body : Buffer.alloc(0);
    if (body.length > MAX_EVIDENCE_BYTES)
      throw new AppError('VALIDATION_FAILED', [{ path: 'body', message: m.evidenceTooBig }]);
    const type = body.length > 0 ? documentTypeOf(body) : null;
    if (!type) throw new AppError('VALIDATION_FAILED', [{ path: 'body', message: m.evidenceType }]);
    const sha256 = sha256Of(body);
    // The bytes first, in a statement of their own: the audited transaction writes only the small row.
    await this.d.evidence.putBlob(this.d.db, sha256, body);
    const id = await this.d.db.transaction().execute(async (trx) => {
      const written = await this.d.evidence.insert(trx, {
        client_key: o.fileKey,
        task_id: task.id,
        filename: safeFilename(o.filename, type, vietnamToday()),
        media_type: type,
        sha256,
        byte_size: body.length,
        uploaded_by: recordedBy(actor),
      });
      const unit = (await this.d.units.findById(trx, task.unit_id))!;
      await this.d.directives.audit(trx, actor, 'attach_task_evidence', unit, directive.id, {
        taskId: task.id,
        evidenceId: written,
        bytes: body.length,
        mediaType: type,
      });
      return written;
    });
    return this.viewOf(id);
  }

  /** A file's bytes, to those who may see the task's progress; the reading is audited. */
  async file(actor: Actor, id: string): Promise<{ filename: string; mediaType: string; body: Buffer }> {
    const file = await this.d.evidence.file(this.d.db, id);
    if (!file) throw new AppError('NOT_FOUND');
    const { directive, relation } = await this.d.directives.accessOf(this.d.db, actor, file.directive_id);
    if (!policy.readEvidence(relation, file.unit_id)) throw new AppError('NOT_FOUND');
    await this.d.directives.audit(this.d.db, actor, 'read_task_evidence', directive, directive.id, {
      taskId: file.task_id,
      evidenceId: file.id,
    });
    return { filename: file.filename, mediaType: file.media_type, body: file.body };
  }

  private async viewOf(id: string): Promise<TaskEvidenceView> {
    const file = await this.d.evidence.file(this.d.db, id);
    const [row] = (await this.d.evidence.ofTasks(this.d.db, [file!.task_id])).filter((e) => e.id === id);
    return toTaskEvidenceView(row!);
  }
}

const extensions: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** The name it is served under: the client's name kept to safe characters, its extension the real type's. */
export function safeFilename(raw: string | undefined, type: string, day: string): string {
  const ext = extensions[type] ?? 'bin';
  const base = (raw ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return `${base || `minh-chung-${day}`}.${ext}`;
}
