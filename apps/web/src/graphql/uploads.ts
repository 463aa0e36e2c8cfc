import { ApiError } from './client';

/** What `POST /uploads` answers. */
export interface UploadedFile {
  id: string;
  kind: 'IMAGE' | 'PDF' | (string & {});
  mimeType: string;
  sizeBytes: number;
  originalName: string;
}

export const UPLOAD_ENDPOINT = '/uploads';
export const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];
export const MAX_ATTACHMENTS = 4;

/** Where an uploaded file is served (to its uploader, then to whoever reads the content it is attached to). */
export const fileUrl = (id: string) => `/files/${encodeURIComponent(id)}`;

/**
 * Sends one file as multipart (field `file`) with the header the API's CSRF check requires, and
 * returns what was stored, or throws an {@link ApiError} (same shape as GraphQL errors).
 */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(UPLOAD_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-atelier-upload': '1', accept: 'application/json' },
      body: form,
      signal,
    });
  } catch (cause) {
    throw new ApiError({ code: 'NETWORK_ERROR', message: cause instanceof Error ? cause.message : 'Network error' });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const first = (body as { errors?: { message?: string; extensions?: Record<string, unknown> }[] })?.errors?.[0];
  if (!response.ok || first) {
    const ext = (first?.extensions ?? {}) as {
      code?: string;
      reason?: string;
      field?: string;
      params?: Record<string, string | number>;
      requestId?: string;
    };
    throw new ApiError({
      code:
        ext.code ?? (response.status === 413 || response.status === 415 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR'),
      message: first?.message ?? `Upload failed (HTTP ${response.status})`,
      reason:
        ext.reason ??
        (response.status === 413 ? 'fileTooLarge' : response.status === 415 ? 'fileTypeNotAllowed' : undefined),
      field: ext.field,
      params: ext.params,
      requestId: ext.requestId,
    });
  }
  return body as UploadedFile;
}

/** Uploads are linked to a post through `attachmentIds` on CreatePostInput; the composer offers files. */
export const ATTACHMENTS_LINKABLE = true;
