import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountStatus, ResetPasswordForm } from '@/components/dashboard/admin-account-panel';
import { am } from '@/components/dashboard/admin-messages';
import { AdminBackLink, CreatedNotice } from '@/components/dashboard/admin-page-parts';
import { EditUserForm } from '@/components/dashboard/admin-user-form';
import { getUserForEdit } from '@/db/queries/admin';
import { formatDateTime } from '@/domain/format';
import { ROLE_LABELS } from '@/domain/roles';
import { idParam, requireAdminPage, userFormOptions } from '../../lib';
import { disableUserAction, enableUserAction, resetPasswordAction, updateUserAction } from '../actions';

export const metadata: Metadata = { title: am.editUser };

export default async function EditUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const id = idParam((await params).id);
  const p = await requireAdminPage(`/dashboard/admin/users/${id || ''}`);
  const u = id ? await getUserForEdit(id) : null;
  if (!u) notFound();
  const [options, sp] = await Promise.all([userFormOptions(), searchParams]);
  const self = u.id === p.id;
  return (
    <div className="space-y-4">
      <AdminBackLink href="/dashboard/admin/users" label={am.users} />
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="text-xl font-bold break-words">{u.displayName}</h1>
        <span className="text-sm text-slate-600">
          {u.username} · {ROLE_LABELS[u.role]}
        </span>
        {!u.active && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900">{am.disabled}</span>}
      </div>
      {sp.created === '1' && <CreatedNotice text={am.created} />}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <EditUserForm
          id={u.id}
          self={self}
          initial={{ username: u.username, displayName: u.displayName, phone: u.phone ?? '', role: u.role, teamId: u.teamId, columnIds: u.columnIds, regionIds: u.regionIds }}
          options={options}
          update={updateUserAction}
        />
        <div className="min-w-0 space-y-4">
          <AccountStatus
            id={u.id}
            name={u.displayName}
            active={u.active}
            self={self}
            createdAt={formatDateTime(u.createdAt)}
            lastLoginAt={u.lastLoginAt ? formatDateTime(u.lastLoginAt) : null}
            disable={disableUserAction}
            enable={enableUserAction}
          />
          <ResetPasswordForm id={u.id} reset={resetPasswordAction} />
        </div>
      </div>
    </div>
  );
}
