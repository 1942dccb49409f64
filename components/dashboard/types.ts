// Shapes shared by the dashboard's client components (plain data, safe to send to a browser).

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string>; details?: Record<string, unknown> };

export type ServerAction<I, T> = (input: I) => Promise<ActionResult<T>>;
