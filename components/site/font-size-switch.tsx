import { m } from './messages';

/**
 * 字号 switch without JavaScript: radio inputs that CSS (:has, in globals.css) reads to
 * scale the article body. Must sit inside `.article-shell`.
 */
export function FontSizeSwitch() {
  const opt = (id: string, label: string, checked?: boolean) => (
    <>
      <input type="radio" name="font-size" id={id} className="peer sr-only" defaultChecked={checked} />
      <label
        htmlFor={id}
        className="inline-flex h-9 min-w-9 cursor-pointer items-center justify-center rounded border border-line px-2 text-sm select-none hover:border-brand"
      >
        {label}
      </label>
    </>
  );
  return (
    <fieldset className="no-print flex items-center gap-1.5">
      <legend className="sr-only">{m.fontSize}</legend>
      <span aria-hidden className="mr-1 text-sm text-muted">
        {m.fontSize}
      </span>
      {opt('fs-small', m.fontSmall)}
      {opt('fs-medium', m.fontMedium, true)}
      {opt('fs-large', m.fontLarge)}
    </fieldset>
  );
}
