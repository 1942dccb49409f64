'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { EditorContent, mergeAttributes, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { NodeSelection, Selection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import Blockquote from '@tiptap/extension-blockquote';
import { ListItem } from '@tiptap/extension-list';
import { Placeholder } from '@tiptap/extensions';
import { safeHref, safeImageSrc, type RichTextDoc } from '@/domain/rich-text';
import { normalizeEditorDoc } from '@/domain/rich-text-editor';
import type { MediaSummary } from '@/domain/media';
import { em } from './editor-messages';
import { MediaPicker, type BrowseMedia } from './media-picker';

export interface UploadedImage {
  src: string;
  mediaId: number;
  width: number;
  height: number;
}

export interface RichTextEditorProps {
  /** Read once when the editor is created; remount (change `key`) to load another body. */
  initial: RichTextDoc;
  onChange: (doc: RichTextDoc) => void;
  uploadImage: (file: File) => Promise<UploadedImage>;
  /** Pages of the media library; without it the toolbar has no 媒体库 button. */
  browseMedia?: BrowseMedia;
  disabled?: boolean;
  ariaLabel?: string;
  placeholder?: string;
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** Mirrors the stored schema: quotes and list items hold only paragraphs and lists. */
const BodyBlockquote = Blockquote.extend({ content: '(paragraph | bulletList | orderedList)+' });
const BodyListItem = ListItem.extend({ content: 'paragraph (paragraph | bulletList | orderedList)*' });

const imgOf = (el: HTMLElement) => (el.tagName === 'IMG' ? el : el.querySelector('img'));
const numberAttr = (value: string | null | undefined) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** Block image shown as it is published: <figure><img><figcaption>. Caption and alt are edited in the side panel. */
const FigureImage = Image.extend({
  addAttributes() {
    return {
      src: { default: null, parseHTML: (el) => imgOf(el)?.getAttribute('src') ?? null },
      alt: { default: null, parseHTML: (el) => imgOf(el)?.getAttribute('alt') || null },
      caption: {
        default: null,
        parseHTML: (el) => el.querySelector('figcaption')?.textContent?.trim() || null,
        rendered: false,
      },
      mediaId: {
        default: null,
        parseHTML: (el) => numberAttr(imgOf(el)?.getAttribute('data-media-id')),
        renderHTML: (attrs) => (attrs.mediaId ? { 'data-media-id': String(attrs.mediaId) } : {}),
      },
      width: { default: null, parseHTML: (el) => numberAttr(imgOf(el)?.getAttribute('width')) },
      height: { default: null, parseHTML: (el) => numberAttr(imgOf(el)?.getAttribute('height')) },
    };
  },
  parseHTML() {
    // Unsafe sources (http:, data:, javascript:) are not taken from pasted HTML at all.
    const safe = (el: HTMLElement) => (safeImageSrc(imgOf(el)?.getAttribute('src')) ? null : false);
    return [
      { tag: 'figure', getAttrs: safe },
      { tag: 'img[src]', getAttrs: safe },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const caption = typeof node.attrs.caption === 'string' ? node.attrs.caption : '';
    return [
      'figure',
      { class: 'rte-figure' },
      ['img', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes)],
      ['figcaption', { 'data-empty': caption ? null : em.imageCaption }, caption],
    ];
  },
});

type UploadState = { busy: number; error: string | null };

export function RichTextEditor({
  initial,
  onChange,
  uploadImage,
  browseMedia,
  disabled = false,
  ariaLabel = em.editorLabel,
  placeholder = em.placeholder,
}: RichTextEditorProps) {
  const contentId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const onChangeRef = useRef(onChange);
  const insertFilesRef = useRef<(files: File[]) => void>(() => {});
  const [upload, setUpload] = useState<UploadState>({ busy: 0, error: null });
  const [link, setLink] = useState<{ draft: string; error: string | null } | null>(null);
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    immediatelyRender: false,
    editable: !disabled,
    content: initial,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        blockquote: false,
        listItem: false,
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          isAllowedUri: (url) => safeHref(url) !== null,
          HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
        },
      }),
      BodyBlockquote,
      BodyListItem,
      FigureImage,
      Placeholder.configure({ placeholder }),
    ],
    editorProps: {
      attributes: {
        id: contentId,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': ariaLabel,
        'data-testid': 'rich-text-editor',
        class: 'prose-zh rte-content',
      },
      handlePaste: (_view, event) => {
        const files = imageFiles(event.clipboardData);
        if (!files.length) return false;
        insertFilesRef.current(files);
        return true;
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = moved ? [] : imageFiles(event.dataTransfer);
        if (!files.length) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        if (at) view.dispatch(view.state.tr.setSelection(Selection.near(view.state.doc.resolve(at.pos))));
        insertFilesRef.current(files);
        return true;
      },
    },
    onUpdate: ({ editor }) => onChangeRef.current(normalizeEditorDoc(editor.getJSON())),
  });

  useEffect(() => {
    // false: toggling editability is not an edit, so no onChange.
    if (editor && editor.isEditable === disabled) editor.setEditable(!disabled, false);
  }, [editor, disabled]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) return null;
      const sel = e.state.selection;
      const image = sel instanceof NodeSelection && sel.node.type.name === 'image' ? sel.node : null;
      return {
        paragraph: e.isActive('paragraph'),
        h2: e.isActive('heading', { level: 2 }),
        h3: e.isActive('heading', { level: 3 }),
        bold: e.isActive('bold'),
        italic: e.isActive('italic'),
        quote: e.isActive('blockquote'),
        bulletList: e.isActive('bulletList'),
        orderedList: e.isActive('orderedList'),
        link: e.isActive('link'),
        href: String(e.getAttributes('link').href ?? ''),
        canUndo: e.can().undo(),
        canRedo: e.can().redo(),
        image: image
          ? { pos: sel.from, caption: String(image.attrs.caption ?? ''), alt: String(image.attrs.alt ?? '') }
          : null,
      };
    },
  });

  useEffect(() => {
    insertFilesRef.current = async (files: File[]) => {
      if (!editor || disabled) return;
      for (const file of files) {
        if (!IMAGE_TYPES.includes(file.type)) {
          setUpload((u) => ({ ...u, error: em.imageWrongType }));
          continue;
        }
        setUpload((u) => ({ busy: u.busy + 1, error: null }));
        try {
          const img = await uploadImage(file);
          if (editor.isDestroyed) return;
          editor
            .chain()
            .focus()
            .insertContent({
              type: 'image',
              attrs: { src: img.src, mediaId: img.mediaId, width: img.width, height: img.height, alt: null, caption: null },
            })
            .run();
          setUpload((u) => ({ ...u, busy: u.busy - 1 }));
        } catch (err) {
          const message = err instanceof Error && err.message ? err.message : typeof err === 'string' && err ? err : em.imageUploadFailed;
          setUpload((u) => ({ busy: u.busy - 1, error: message }));
        }
      }
    };
  }, [editor, disabled, uploadImage]);

  const off = !editor || disabled;
  const run = (fn: (e: Editor) => void) => () => {
    if (editor && !disabled) fn(editor);
  };

  const openLink = () => {
    if (link) return setLink(null);
    setLink({ draft: state?.href ?? '', error: null });
  };
  const applyLink = () => {
    if (!editor || !link) return;
    const href = safeHref(link.draft);
    if (!href) return setLink({ ...link, error: em.linkInvalid });
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    setLink(null);
  };
  const removeLink = () => {
    editor?.chain().focus().extendMarkRange('link').unsetLink().run();
    setLink(null);
  };

  /** A library photo goes in with its id and the library's caption and alt text. */
  const insertFromLibrary = (m: MediaSummary) => {
    setPicking(false);
    if (!editor || disabled) return;
    editor
      .chain()
      .focus()
      .insertContent({
        type: 'image',
        attrs: {
          src: m.src,
          mediaId: m.id,
          width: m.width,
          height: m.height,
          alt: m.alt.slice(0, 300) || null,
          caption: m.caption.slice(0, 500) || null,
        },
      })
      .run();
  };

  const setImageAttr = (name: 'caption' | 'alt', value: string) => {
    const pos = state?.image?.pos;
    if (!editor || disabled || pos === undefined) return;
    // An attribute step keeps the image selected, unlike replacing the node.
    editor.view.dispatch(editor.state.tr.setNodeAttribute(pos, name, value || null));
  };

  return (
    <div className="min-w-0 max-w-full rounded-md border border-line bg-white focus-within:border-muted">
      <div
        role="toolbar"
        aria-label={em.toolbar}
        aria-controls={contentId}
        onKeyDown={moveFocusWithArrows}
        className="sticky top-0 z-10 flex items-center gap-1 overflow-x-auto rounded-t-md border-b border-line bg-white p-1 [scrollbar-width:thin] sm:flex-wrap"
      >
        <ToolButton label={em.paragraph} pressed={!!state?.paragraph && !state.h2 && !state.h3} disabled={off} onClick={run((e) => e.chain().focus().setParagraph().run())}>
          {em.paragraphShort}
        </ToolButton>
        <ToolButton label={em.heading2} pressed={!!state?.h2} disabled={off} onClick={run((e) => e.chain().focus().toggleHeading({ level: 2 }).run())} />
        <ToolButton label={em.heading3} pressed={!!state?.h3} disabled={off} onClick={run((e) => e.chain().focus().toggleHeading({ level: 3 }).run())} />
        <Separator />
        <ToolButton label={em.bold} pressed={!!state?.bold} disabled={off} onClick={run((e) => e.chain().focus().toggleBold().run())} className="font-bold" />
        <ToolButton label={em.italic} pressed={!!state?.italic} disabled={off} onClick={run((e) => e.chain().focus().toggleItalic().run())} className="italic" />
        <ToolButton label={em.link} pressed={!!state?.link} disabled={off} onClick={openLink} keepFocus={false} expanded={!!link} />
        <Separator />
        <ToolButton label={em.quote} pressed={!!state?.quote} disabled={off} onClick={run((e) => e.chain().focus().toggleBlockquote().run())} />
        <ToolButton label={em.bulletList} pressed={!!state?.bulletList} disabled={off} onClick={run((e) => e.chain().focus().toggleBulletList().run())} />
        <ToolButton label={em.orderedList} pressed={!!state?.orderedList} disabled={off} onClick={run((e) => e.chain().focus().toggleOrderedList().run())} />
        <Separator />
        <ToolButton label={em.insertImage} disabled={off || upload.busy > 0} onClick={() => fileInput.current?.click()} keepFocus={false} />
        {browseMedia && (
          <ToolButton label={em.mediaLibrary} disabled={off} onClick={() => setPicking(true)} keepFocus={false} hasPopup="dialog" expanded={picking} />
        )}
        <Separator />
        <ToolButton label={em.undo} disabled={off || !state?.canUndo} onClick={run((e) => e.chain().focus().undo().run())} />
        <ToolButton label={em.redo} disabled={off || !state?.canRedo} onClick={run((e) => e.chain().focus().redo().run())} />
      </div>

      {/* No name: this input must never be submitted with a surrounding form. */}
      <input
        ref={fileInput}
        type="file"
        accept={IMAGE_TYPES.join(',')}
        hidden
        tabIndex={-1}
        aria-hidden
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void insertFilesRef.current(files);
        }}
      />

      {picking && browseMedia && <MediaPicker browse={browseMedia} onPick={insertFromLibrary} onClose={() => setPicking(false)} />}

      {link && (
        <div className="flex flex-wrap items-center gap-2 border-b border-line bg-gray-50 p-2">
          <label className="sr-only" htmlFor={`${contentId}-link`}>
            {em.linkUrl}
          </label>
          <input
            autoFocus
            id={`${contentId}-link`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={em.linkPlaceholder}
            value={link.draft}
            aria-invalid={!!link.error}
            aria-describedby={link.error ? `${contentId}-link-error` : undefined}
            onChange={(e) => setLink({ draft: e.target.value, error: null })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setLink(null);
                editor?.commands.focus();
              }
            }}
            className="h-10 min-w-0 flex-1 basis-48 rounded border border-line bg-white px-2 text-base"
          />
          <div className="flex gap-2">
            <PanelButton onClick={applyLink} primary>
              {em.linkApply}
            </PanelButton>
            {state?.link && <PanelButton onClick={removeLink}>{em.linkRemove}</PanelButton>}
            <PanelButton
              onClick={() => {
                setLink(null);
                editor?.commands.focus();
              }}
            >
              {em.linkCancel}
            </PanelButton>
          </div>
          {link.error && (
            <p id={`${contentId}-link-error`} role="alert" className="w-full text-sm text-brand">
              {link.error}
            </p>
          )}
        </div>
      )}

      {state?.image && (
        <fieldset className="grid gap-2 border-b border-line bg-gray-50 p-2 sm:grid-cols-2" disabled={disabled}>
          <legend className="sr-only">{em.imageSettings}</legend>
          <ImageField
            id={`${contentId}-caption`}
            label={em.imageCaption}
            maxLength={500}
            value={state.image.caption}
            onChange={(v) => setImageAttr('caption', v)}
          />
          <ImageField
            id={`${contentId}-alt`}
            label={em.imageAlt}
            hint={em.imageAltHint}
            maxLength={300}
            value={state.image.alt}
            onChange={(v) => setImageAttr('alt', v)}
          />
        </fieldset>
      )}

      <div aria-live="polite">
        {upload.busy > 0 && (
          <p role="status" className="border-b border-line bg-gray-50 px-3 py-2 text-sm text-muted">
            {em.imageUploading}
          </p>
        )}
        {upload.error && (
          <p role="alert" className="border-b border-line bg-brand-soft px-3 py-2 text-sm text-brand">
            {upload.error}
          </p>
        )}
      </div>

      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        <p className="min-h-64 px-4 py-3 text-base text-muted">{em.loading}</p>
      )}
    </div>
  );
}

function imageFiles(data: DataTransfer | null): File[] {
  return Array.from(data?.files ?? []).filter((f) => f.type.startsWith('image/'));
}

/** Arrow keys move along the toolbar, as the ARIA toolbar pattern expects. */
function moveFocusWithArrows(e: KeyboardEvent<HTMLDivElement>) {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'));
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (i === -1) return;
  e.preventDefault();
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next]?.focus();
}

function ToolButton({
  label,
  pressed,
  expanded,
  disabled,
  onClick,
  keepFocus = true,
  hasPopup,
  className = '',
  children,
}: {
  label: string;
  pressed?: boolean;
  expanded?: boolean;
  disabled?: boolean;
  onClick: () => void;
  /** Formatting buttons must not take focus from the text, or the selection and phone keyboard are lost. */
  keepFocus?: boolean;
  hasPopup?: 'dialog';
  className?: string;
  children?: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed === undefined ? undefined : pressed}
      aria-expanded={expanded}
      aria-haspopup={hasPopup}
      disabled={disabled}
      onMouseDown={keepFocus ? (e) => e.preventDefault() : undefined}
      onClick={onClick}
      className={`h-10 min-w-10 shrink-0 whitespace-nowrap rounded px-2 text-sm text-ink hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand disabled:cursor-not-allowed disabled:opacity-40 aria-pressed:bg-brand aria-pressed:text-white aria-pressed:hover:bg-brand-dark ${className}`}
    >
      {children ?? label}
    </button>
  );
}

function Separator() {
  return <span aria-hidden className="mx-0.5 h-6 w-px shrink-0 bg-line" />;
}

function PanelButton({ onClick, primary, children }: { onClick: () => void; primary?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={`h-10 shrink-0 rounded px-3 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand ${
        primary ? 'bg-brand text-white hover:bg-brand-dark' : 'border border-line bg-white text-ink hover:bg-gray-100'
      }`}
    >
      {children}
    </button>
  );
}

function ImageField({
  id,
  label,
  hint,
  maxLength,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  maxLength: number;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm text-muted">
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        className="mt-1 h-10 w-full rounded border border-line bg-white px-2 text-base"
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}
