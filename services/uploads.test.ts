/**
 * Photo uploads through the real route handler and tus server: a normal photo is stored
 * without its metadata, and hostile files are refused with a Chinese message, with nothing
 * stored and nothing written outside the storage folders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { media } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { principalOf } from '@/test/principals';

const dirs = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mkdtempSync } = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tmpdir } = require('node:os') as typeof import('node:os');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { join } = require('node:path') as typeof import('node:path');
  const root = mkdtempSync(join(tmpdir(), 'ms-uploads-'));
  process.env.MEDIA_DIR = join(root, 'media');
  process.env.UPLOAD_DIR = join(root, 'uploads');
  return { root };
});
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; name: string; role: string }; sv: number; expires: string } }));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => undefined, signOut: async () => undefined, handlers: {} }));

const route = () => import('@/app/api/uploads/[[...id]]/route');
const BASE = 'http://localhost/api/uploads';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('seeded');
  const p = await principalOf(t.db, 'reporter1');
  session.current = { user: { id: String(p.id), name: p.name, role: p.role }, sv: await sessionVersion(p.id), expires: new Date(Date.now() + 3600_000).toISOString() };
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dirs.root, { recursive: true, force: true });
});

async function sessionVersion(id: number) {
  const { users } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const [u] = await t.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, id));
  return u!.sv;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function create(length: number, filename = 'photo.jpg') {
  const { POST } = await route();
  return POST(
    new Request(BASE, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(length), 'Upload-Metadata': `filename ${b64(filename)},filetype ${b64('image/jpeg')}` },
    }),
    { params: Promise.resolve({}) },
  );
}

async function patch(id: string, offset: number, bytes: Buffer) {
  const { PATCH } = await route();
  return PATCH(
    new Request(`${BASE}/${id}`, {
      method: 'PATCH',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(bytes),
      duplex: 'half',
    } as RequestInit),
    { params: Promise.resolve({ id: [id] }) },
  );
}

async function head(id: string) {
  const { HEAD } = await route();
  return HEAD(new Request(`${BASE}/${id}`, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } }), { params: Promise.resolve({ id: [id] }) });
}

/** Uploads in one or more chunks; returns the last response. */
async function upload(bytes: Buffer, opts: { chunks?: number; filename?: string } = {}) {
  const created = await create(bytes.length, opts.filename);
  if (created.status !== 201) return created;
  const id = created.headers.get('location')!.split('/').pop()!;
  const chunks = opts.chunks ?? 1;
  const size = Math.ceil(bytes.length / chunks) || 0;
  let res: Response = created;
  for (let offset = 0; offset < bytes.length; offset += size) {
    res = await patch(id, offset, bytes.subarray(offset, offset + size));
    if (res.status >= 300) return res;
  }
  return res;
}

const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dirs.root, path.join(e.parentPath, e.name)));
}

async function photoWithGps(width: number, height: number, orientation = 1) {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation })
    .withExifMerge({
      IFD0: { Make: 'TestPhone', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 39/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '91/1 7/1 0/1' },
    })
    .toBuffer();
}

/** A PNG that claims 30000×30000 pixels in a few dozen bytes: the header is all a bomb needs. */
async function decompressionBomb() {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer();
  const out = Buffer.from(png);
  out.writeUInt32BE(30000, 16);
  out.writeUInt32BE(30000, 20);
  out.writeUInt32BE(zlib.crc32(out.subarray(12, 29)) >>> 0, 29);
  return out;
}

describe('photo uploads (tus)', () => {
  it('stores a photo sent in chunks: rotated, without EXIF or GPS, under a generated name', async () => {
    const original = await photoWithGps(1200, 800, 6);
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(29.65, 1);
    const res = await upload(original, { chunks: 3, filename: '../../../etc/拉萨 photo.jpg' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: number; src: string; width: number; height: number };
    // Orientation 6 means the camera was turned: the stored image stands upright.
    expect([body.width, body.height]).toEqual([800, 1200]);
    const stored = fs.readFileSync(path.join(process.env.MEDIA_DIR!, body.src.replace(/^\/media\//, '')));
    expect(await exifr.parse(stored, { gps: true, tiff: true, exif: true })).toBeUndefined();
    expect(await sharp(stored).metadata()).toMatchObject({ width: 800, height: 1200, format: 'jpeg' });
    expect(body.src).toMatch(/^\/media\/\d{4}\/\d{2}\/[a-f0-9]{24}\.jpg$/);
    // Nothing in progress is left behind, and the client's name appears nowhere.
    expect(filesUnder(process.env.UPLOAD_DIR!)).toEqual([]);
    const all = filesUnder(dirs.root);
    expect(all.some((f) => f.includes('etc') || f.includes('拉萨') || f.includes('photo'))).toBe(false);
  });

  it('resumes: HEAD reports the bytes received, and the rest completes the upload', async () => {
    const original = await photoWithGps(900, 600);
    const created = await create(original.length);
    const id = created.headers.get('location')!.split('/').pop()!;
    const half = Math.floor(original.length / 2);
    expect((await patch(id, 0, original.subarray(0, half))).status).toBe(204);
    const h = await head(id);
    expect(h.headers.get('upload-offset')).toBe(String(half));
    const done = await patch(id, half, original.subarray(half));
    expect(done.status).toBe(200);
    expect(((await done.json()) as { width: number }).width).toBe(900);
  });

  it('another person cannot continue someone else’s upload', async () => {
    const original = await photoWithGps(300, 200);
    const created = await create(original.length);
    const id = created.headers.get('location')!.split('/').pop()!;
    const mine = session.current;
    const other = await principalOf(t.db, 'reporter2');
    session.current = { user: { id: String(other.id), name: other.name, role: other.role }, sv: await sessionVersion(other.id), expires: mine!.expires };
    try {
      expect((await patch(id, 0, original)).status).toBe(404);
    } finally {
      session.current = mine;
    }
    // Its owner can still cancel it.
    const { DELETE } = await route();
    const del = await DELETE(new Request(`${BASE}/${id}`, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' } }), { params: Promise.resolve({ id: [id] }) });
    expect(del.status).toBe(204);
    expect(filesUnder(process.env.UPLOAD_DIR!)).toEqual([]);
  });

  it('refuses callers who are not signed in', async () => {
    const mine = session.current;
    session.current = null;
    try {
      const res = await create(100);
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toContain('登录');
    } finally {
      session.current = mine;
    }
  });

  describe('hostile uploads are refused with nothing stored', () => {
    const cases: [string, () => Promise<Buffer>, number, RegExp][] = [
      ['a shell script renamed .jpg', async () => Buffer.from('#!/bin/sh\nrm -rf / --no-preserve-root\n'), 415, /不是照片/],
      ['an SVG with a script', async () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, /SVG/],
      ['a truncated JPEG', async () => (await photoWithGps(1000, 800)).subarray(0, 30_000), 422, /不完整|损坏/],
      ['a decompression bomb', decompressionBomb, 413, /像素/],
      ['an iPhone HEIC photo', async () => Buffer.concat([Buffer.from('000000186674797068656963000000006d69663168656963', 'hex'), Buffer.alloc(64)]), 415, /HEIC/],
      ['a GIF', async () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).gif().toBuffer(), 415, /JPEG、PNG 或 WebP/],
    ];
    for (const [name, make, status, message] of cases) {
      it(name, async () => {
        const before = await t.db.$count(media);
        const filesBefore = filesUnder(process.env.MEDIA_DIR!);
        const res = await upload(await make(), { filename: '../../evil.jpg' });
        expect(res.status).toBe(status);
        expect(await errorOf(res)).toMatch(message);
        expect(await t.db.$count(media)).toBe(before);
        expect(filesUnder(process.env.MEDIA_DIR!)).toEqual(filesBefore);
        expect(filesUnder(process.env.UPLOAD_DIR!)).toEqual([]);
      });
    }

    it('a zero-byte file', async () => {
      const res = await upload(Buffer.alloc(0));
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toContain('空文件');
      expect(filesUnder(process.env.UPLOAD_DIR!)).toEqual([]);
    });

    it('an oversize file is refused before any byte is sent', async () => {
      const res = await create(16 * 1024 * 1024);
      expect(res.status).toBe(413);
      expect(await errorOf(res)).toContain('15 MB');
    });

    it('a path in the upload address is not an upload', async () => {
      for (const id of ['..', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(32) + '/../x']) {
        expect((await patch(id, 0, Buffer.from('x'))).status).toBe(404);
      }
    });
  });

  it('writes nothing outside the storage and upload folders', () => {
    for (const f of filesUnder(dirs.root)) expect(f).toMatch(/^(media\/\d{4}\/\d{2}\/[a-f0-9]{24}(-\d+)?\.(jpg|webp)|uploads\/[a-f0-9]{32}(\.json)?)$/);
    expect(fs.readdirSync(os.tmpdir()).some((f) => f.includes('evil'))).toBe(false);
  });
});
