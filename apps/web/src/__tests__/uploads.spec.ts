import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/graphql/client';
import { fileUrl, uploadFile } from '@/graphql/uploads';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('uploadFile', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the file as multipart field "file" with the CSRF header', async () => {
    const stored = { id: 'a1', kind: 'IMAGE', mimeType: 'image/png', sizeBytes: 3, originalName: 'a.png' };
    const fetchMock = vi.fn(async () => json(201, stored));
    vi.stubGlobal('fetch', fetchMock);
    const result = await uploadFile(new File(['abc'], 'a.png', { type: 'image/png' }));
    expect(result).toEqual(stored);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/uploads');
    expect((init.headers as Record<string, string>)['x-atelier-upload']).toBe('1');
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('turns refusals into ApiErrors with the reason the UI translates', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(413, {
          errors: [{ message: 'too large', extensions: { code: 'BAD_USER_INPUT', reason: 'fileTooLarge', params: { maxBytes: 10 } } }],
        }),
      ),
    );
    const error = await uploadFile(new File(['x'], 'big.pdf')).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.reason).toBe('fileTooLarge');
    expect(error.params).toEqual({ maxBytes: 10 });
  });

  it('reports network failures, and builds file URLs safely', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    await expect(uploadFile(new File(['x'], 'a.png'))).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(fileUrl('a/b')).toBe('/files/a%2Fb');
  });
});
