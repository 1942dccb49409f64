import { m } from './messages';

export function NotFoundView() {
  return (
    <div className="mx-auto max-w-xl rounded bg-white px-6 py-16 text-center shadow-sm">
      <p className="font-serif text-6xl font-bold text-brand">404</p>
      <h1 className="mt-4 text-2xl font-bold">{m.notFoundTitle}</h1>
      <p className="mt-3 text-muted">{m.notFoundBody}</p>
      <a href="/" className="mt-8 inline-flex min-h-11 items-center rounded bg-brand px-6 text-white hover:bg-brand-dark">
        {m.backHome}
      </a>
    </div>
  );
}
