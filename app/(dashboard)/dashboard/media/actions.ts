'use server';

import { authedAction } from '@/lib/action';
import { updateMediaDetails } from '@/services/media';

// Thin, like ../actions.ts: one service verb behind authedAction; the verb checks what the
// person may do. Every export here is a public POST endpoint.

export const updateMediaDetailsAction = authedAction(updateMediaDetails);
