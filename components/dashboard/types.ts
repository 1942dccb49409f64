// Shapes shared by the dashboard's client components (plain data, safe to send to a browser).

import type { ActionResult } from '@/domain/errors';

export type { ActionResult };

export type ServerAction<I, T> = (input: I) => Promise<ActionResult<T>>;
