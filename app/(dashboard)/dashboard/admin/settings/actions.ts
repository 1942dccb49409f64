'use server';

import { authedAction } from '@/lib/action';
import { updateSettings } from '@/services/admin/settings';

// Thin: one service verb behind authedAction, which refreshes the `settings` tag every
// public page's header and footer read. A public POST endpoint like every export here.

export const updateSettingsAction = authedAction(updateSettings);
