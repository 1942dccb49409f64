'use server';

import { authedAction } from '@/lib/action';
import { createTeam, updateTeam } from '@/services/admin/org';

// Thin: one service verb behind authedAction; the verb checks that the person is an admin
// and reports the public cache tags a rename touches. Every export is a public POST endpoint.

export const createTeamAction = authedAction(createTeam);
export const updateTeamAction = authedAction(updateTeam);
