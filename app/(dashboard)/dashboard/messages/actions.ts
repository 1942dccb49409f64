'use server';

import { authedAction } from '@/lib/action';
import { assignMessage, handleMessage, reopenMessage, revealMessageContact } from '@/services/message-inbox';

// Thin, like ../actions.ts: one service verb behind authedAction; the verb checks what the
// person may do. Every export here is a public POST endpoint.

export const assignMessageAction = authedAction(assignMessage);
export const handleMessageAction = authedAction(handleMessage);
export const reopenMessageAction = authedAction(reopenMessage);
export const revealMessageContactAction = authedAction(revealMessageContact);
