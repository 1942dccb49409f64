'use server';

import { authedAction } from '@/lib/action';
import { createUser, disableUser, enableUser, resetPassword, updateUser } from '@/services/admin/users';

// Thin, like ../../actions.ts: one service verb behind authedAction; the verb checks that
// the person is an admin. Every export here is a public POST endpoint.

export const createUserAction = authedAction(createUser);
export const updateUserAction = authedAction(updateUser);
export const disableUserAction = authedAction(disableUser);
export const enableUserAction = authedAction(enableUser);
export const resetPasswordAction = authedAction(resetPassword);
