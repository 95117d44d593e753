import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { plansContract } from '../../../../core/contracts/plans.ts';
import { committeeRoles, type CommitteeMemberInput, type CommitteeView } from '../../../../core/schemas/plans.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { FormActions, FormError, Notice, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';

type Member = CommitteeView['members'][number];
/** A row of the editor: every field as typed (empty is absent). */
interface Draft {
  key: number;
  fullName: string;
  role: CommitteeMemberInput['role'];
  position: string;
  phone: string;
  duty: string;
  userId?: string | undefined;
}

let nextKey = 0;
const draftOf = (m?: Member): Draft => ({
  key: nextKey++,
  fullName: m?.fullName ?? '',
  role: m?.role ?? 'member',
  position: m?.position ?? '',
  phone: m?.phone ?? '',
  duty: m?.duty ?? '',
  userId: m?.userId,
});

/** Replaces the whole list of members (the server keeps one list per committee). */
function MembersEditor({ committee, onSaved }: { committee: CommitteeView; onSaved(c: CommitteeView): void }) {
  const { t } = useTranslation();
  const { error, busy, run } = useFormSubmit();
  const [rows, setRows] = useState<Draft[]>(() =>
    committee.members.length > 0 ? committee.members.map(draftOf) : [draftOf()],
  );
  const change = (key: number, patch: Partial<Draft>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () =>
      onSaved(
        await api(plansContract.putPlansCommitteeMembers, {
          params: { unitId: committee.unit.id },
          body: {
            members: rows
              .filter((r) => r.fullName.trim())
              .map((r) => ({
                fullName: r.fullName.trim(),
                role: r.role,
                position: r.position.trim() || undefined,
                phone: r.phone.trim() || undefined,
                duty: r.duty.trim() || undefined,
                userId: r.userId,
              })),
          },
        }),
      ),
    );
  };
  const roleOptions = committeeRoles.map((r) => ({ value: r, label: t(`plans.committeeRole.${r}`) }));
  return (
    <form className="form-card" onSubmit={submit} data-testid="committee-editor">
      <FormError error={error} />
      {rows.map((r, i) => (
        <fieldset key={r.key} className="form-grid" data-testid="committee-member-row">
          <legend>{t('plans.memberN', { n: i + 1 })}</legend>
          <TextField
            label={t('plans.memberName')}
            value={r.fullName}
            onChange={(v) => change(r.key, { fullName: v })}
            testId="member-name"
          />
          <SelectField
            label={t('plans.memberRole')}
            value={r.role}
            onChange={(v) => change(r.key, { role: v as Draft['role'] })}
            options={roleOptions}
            testId="member-role"
          />
          <TextField
            label={t('plans.memberPosition')}
            value={r.position}
            onChange={(v) => change(r.key, { position: v })}
          />
          <TextField
            label={t('plans.memberPhone')}
            type="tel"
            value={r.phone}
            onChange={(v) => change(r.key, { phone: v })}
            testId="member-phone"
          />
          <TextField
            label={t('plans.memberDuty')}
            value={r.duty}
            onChange={(v) => change(r.key, { duty: v })}
            hint={t('plans.memberDutyHint')}
            testId="member-duty"
          />
          <button type="button" onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}>
            {t('plans.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setRows((list) => [...list, draftOf()])} data-testid="member-add">
        {t('plans.addMember')}
      </button>
      <FormActions busy={busy} label={t('plans.saveMembers')} testId="committee-save" />
    </form>
  );
}

/**
 * The steering committee's members with their roles, phones and duty roster (command on the spot):
 * read by whoever sees the unit's plan, kept by the unit's officers.
 */
export function CommitteeMembers({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [committee, setCommittee] = useState<CommitteeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api(plansContract.getPlansCommittee, { params: { unitId } }).then(
      (c) => live && setCommittee(c),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [unitId]);
  const columns: Column<Member>[] = [
    { key: 'name', header: t('plans.memberName'), render: (m) => m.fullName },
    { key: 'role', header: t('plans.memberRole'), render: (m) => t(`plans.committeeRole.${m.role}`) },
    { key: 'position', header: t('plans.memberPosition'), render: (m) => m.position ?? t('common.empty') },
    {
      key: 'phone',
      header: t('plans.memberPhone'),
      render: (m) => (m.phone ? <a href={`tel:${m.phone.replace(/[^+0-9]/g, '')}`}>{m.phone}</a> : t('common.empty')),
    },
    { key: 'duty', header: t('plans.memberDuty'), render: (m) => m.duty ?? t('common.empty') },
  ];
  return (
    <section aria-labelledby="committee-title" data-testid="committee-members">
      <h2 id="committee-title">{t('plans.committeeTitle')}</h2>
      <Notice>{notice}</Notice>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {committee?.mayManage && (
        <button
          type="button"
          aria-expanded={editing}
          onClick={() => setEditing((e) => !e)}
          data-testid="committee-edit"
        >
          {editing ? t('common.close') : t('plans.editMembers')}
        </button>
      )}
      {committee && editing && (
        <MembersEditor
          committee={committee}
          onSaved={(c) => {
            setCommittee(c);
            setEditing(false);
            setNotice(t('plans.membersSaved', { n: c.members.length }));
          }}
        />
      )}
      <DataTable
        testId="committee-table"
        columns={columns}
        rows={committee?.members ?? []}
        rowKey={(m) => m.id}
        emptyText={committee ? t('plans.noMembers') : t('common.loading')}
      />
    </section>
  );
}
