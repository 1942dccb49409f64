import type { Metadata } from 'next';
import { am } from '@/components/dashboard/admin-messages';
import { SettingsForm } from '@/components/dashboard/admin-settings-form';
import { getSettingsForEdit } from '@/db/queries/admin';
import { requireAdminPage } from '../lib';
import { updateSettingsAction } from './actions';

export const metadata: Metadata = { title: am.settings };

export default async function AdminSettingsPage() {
  await requireAdminPage('/dashboard/admin/settings');
  const { updatedAt, ...values } = await getSettingsForEdit();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{am.settings}</h1>
        <p className="mt-1 text-sm text-slate-600">{am.settingsIntro}</p>
      </div>
      <SettingsForm initial={values} updatedAt={updatedAt} save={updateSettingsAction} />
    </div>
  );
}
