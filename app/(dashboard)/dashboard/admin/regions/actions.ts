'use server';

import { authedAction } from '@/lib/action';
import { createRegion, moveRegion, renameRegion } from '@/services/admin/org';

// Thin: one service verb behind authedAction; the verb checks that the person is an
// admin. Every export here is a public POST endpoint.

export const createRegionAction = authedAction(createRegion);
export const renameRegionAction = authedAction(renameRegion);
export const moveRegionAction = authedAction(moveRegion);
