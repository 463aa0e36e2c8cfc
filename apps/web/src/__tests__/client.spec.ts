import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request } from '@/graphql/client';
import { MeDocument, SignInDocument } from '@/graphql/generated';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('request', () => {
  afterEach(() => vi.restoreAllMocks());

  it('POSTs the operation as JSON to /graphql with the session cookie', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ data: { me: null } }));
    await expect(request(MeDocument)).resolves.toEqual({ me: null });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect((init?.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(String(init?.body)).query).toContain('query Me');
  });

  it('throws an ApiError carrying the extensions', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      json({
        data: null,
        errors: [
          {
            message: 'Too many attempts.',
            extensions: {
              code: 'TOO_MANY_REQUESTS',
              reason: 'tooManyAttempts',
              params: { retryAfterMinutes: 12 },
              requestId: 'req-1',
            },
          },
        ],
      }),
    );
    const error = await request(SignInDocument, { email: 'a@b.co', password: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'tooManyAttempts',
      params: { retryAfterMinutes: 12 },
      requestId: 'req-1',
      message: 'Too many attempts.',
    });
  });

  it('reports network failures and non-GraphQL answers', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(request(MeDocument)).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('Too Many Requests', { status: 429 }));
    await expect(request(MeDocument)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('<html>', { status: 502 }));
    await expect(request(MeDocument)).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
