'use client';

/** Opens the browser's print dialog (the page's print stylesheet makes it an A4 sheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="min-h-10 rounded bg-red-700 px-4 py-2 text-white hover:bg-red-800">
      {label}
    </button>
  );
}
