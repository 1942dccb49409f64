import { useCallback, useState } from 'react';
import { uploadPhoto, type UploadProgress as Progress } from '@/lib/media-client';
import type { UploadedImage } from './rich-text-editor';

/** The editors' photo upload (shrunk, resumable) and its progress, for <UploadProgress>. */
export function usePhotoUpload(): [Progress | null, (file: File) => Promise<UploadedImage>] {
  const [progress, setProgress] = useState<Progress | null>(null);
  const upload = useCallback(async (file: File) => {
    try {
      return await uploadPhoto(file, setProgress);
    } finally {
      setProgress(null);
    }
  }, []);
  return [progress, upload];
}

/** The state of a photo on its way up: shrinking, a percentage, or waiting for a signal. */
export function UploadProgress({ progress }: { progress: Progress | null }) {
  if (!progress) return null;
  const percent = Math.round(progress.fraction * 100);
  const label =
    progress.phase === 'shrinking'
      ? '正在压缩照片…'
      : progress.phase === 'waiting'
        ? '网络中断,恢复信号后将从断点继续上传…'
        : `正在上传照片 ${percent}%(${(progress.bytesSent / 1024).toFixed(0)} / ${(progress.bytesTotal / 1024).toFixed(0)} KB)`;
  return (
    <div role="status" className="space-y-1 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="upload-progress">
      <span>{label}</span>
      {progress.phase === 'uploading' && (
        <progress className="block h-2 w-full accent-red-700" max={100} value={percent} aria-label="上传进度" />
      )}
    </div>
  );
}
