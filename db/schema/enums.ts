import { pgEnum } from 'drizzle-orm/pg-core';
import { ARTICLE_STATUSES } from '@/domain/workflow';
import { ROLES } from '@/domain/roles';
import { REGION_LEVELS } from '@/domain/regions';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from '@/domain/messages';

export const articleStatus = pgEnum('article_status', ARTICLE_STATUSES);
export const userRole = pgEnum('user_role', ROLES);
export const regionLevel = pgEnum('region_level', REGION_LEVELS);
export const messageKind = pgEnum('message_kind', MESSAGE_KINDS);
export const messageStatus = pgEnum('message_status', MESSAGE_STATUSES);
