import { filetypemime } from 'magic-bytes.js';
import type { AttachmentKind } from './attachment.entity';

/** What may be uploaded, by the type detected from the bytes. */
export const ALLOWED_TYPES: Readonly<Record<string, AttachmentKind>> = {
  'image/png': 'IMAGE',
  'image/jpeg': 'IMAGE',
  'image/gif': 'IMAGE',
  'image/webp': 'IMAGE',
  'application/pdf': 'PDF',
};

/** The signature each allowed type must start with, checked on top of magic-bytes.js's answer. */
const SIGNATURES: Readonly<Record<string, (bytes: Buffer) => boolean>> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => ['GIF87a', 'GIF89a'].includes(b.toString('latin1', 0, 6)),
  'image/webp': (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  'application/pdf': (b) => b.toString('latin1', 0, 5) === '%PDF-',
};

export interface DetectedType {
  mimeType: string;
  kind: AttachmentKind;
}

/**
 * The type of a file from its first bytes, or null when it is not one Atelier accepts. The file's
 * name and the client's Content-Type are never consulted.
 */
export function detectAllowedType(bytes: Buffer): DetectedType | null {
  const head = bytes.subarray(0, 4100);
  const mimeType = filetypemime(head).find((candidate) => candidate in ALLOWED_TYPES);
  if (!mimeType || !SIGNATURES[mimeType](head)) return null;
  return { mimeType, kind: ALLOWED_TYPES[mimeType] };
}

/** Width and height read from an image's header when cheap (PNG, GIF, WebP, JPEG), else null. */
export function imageSize(mimeType: string, b: Buffer): { width: number; height: number } | null {
  try {
    const size = readSize(mimeType, b);
    return size && size.width > 0 && size.height > 0 ? size : null;
  } catch {
    return null; // a truncated header: the dimensions are optional
  }
}

function readSize(mimeType: string, b: Buffer): { width: number; height: number } | null {
  switch (mimeType) {
    case 'image/png':
      return b.toString('latin1', 12, 16) === 'IHDR' ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : null;
    case 'image/gif':
      return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
    case 'image/webp': {
      const chunk = b.toString('latin1', 12, 16);
      if (chunk === 'VP8X') return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
      if (chunk === 'VP8L') {
        const bits = b.readUInt32LE(21);
        return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
      }
      if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
      return null;
    }
    case 'image/jpeg':
      return jpegSize(b);
    default:
      return null;
  }
}

/** Walks the JPEG segments to the first start-of-frame marker. */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < b.length) {
    if (b[offset] !== 0xff) return null;
    const marker = b[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) return { height: b.readUInt16BE(offset + 5), width: b.readUInt16BE(offset + 7) };
    offset += 2 + b.readUInt16BE(offset + 2);
  }
  return null;
}

export const ORIGINAL_NAME_MAX_LENGTH = 200;

/**
 * A file name safe to store and show: the last path segment only, no control or reserved
 * characters, at most 200 characters (the extension kept when it can be), never empty.
 */
export function sanitizeFileName(name: string | undefined, fallbackExtension: string): string {
  const lastSegment = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = Array.from(cleaned.length > 0 ? cleaned : `file.${fallbackExtension}`);
  // Counted in characters, as PostgreSQL's varchar(200) counts them.
  if (chars.length <= ORIGINAL_NAME_MAX_LENGTH) return chars.join('');
  const dot = chars.lastIndexOf('.');
  const extension = dot > 0 && chars.length - dot <= 10 ? chars.slice(dot) : [];
  return [...chars.slice(0, ORIGINAL_NAME_MAX_LENGTH - extension.length), ...extension].join('');
}

/** `Content-Disposition` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
