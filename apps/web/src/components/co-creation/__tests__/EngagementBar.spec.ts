import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { i18n } from '@/i18n';
import { ApiError } from '@/graphql/client';
import type { ReactionsFragment } from '@/graphql/generated';
import ReactionsBar from '@/components/feed/ReactionsBar.vue';
import EngagementBar from '../EngagementBar.vue';

const request = vi.hoisted(() => vi.fn());
vi.mock('@/graphql/client', async (original) => ({
  ...(await original<typeof import('@/graphql/client')>()),
  request,
}));

const none: ReactionsFragment = { targetId: 'o1', total: 0, kinds: [] };
const fromServer: ReactionsFragment = {
  targetId: 'o1',
  total: 3,
  kinds: [{ kind: 'LIKE', count: 3, viewerReacted: true }],
};

function render() {
  const shown: ReactionsFragment[] = [];
  const wrapper = mount(EngagementBar, {
    props: {
      contentType: 'OFFER',
      contentId: 'o1',
      summary: none,
      'onUpdate:summary': (next: ReactionsFragment) => {
        shown.push(next);
        void wrapper.setProps({ summary: next });
      },
    },
    global: { plugins: [i18n, createPinia()], stubs: { SavedMeTimeButton: true } },
  });
  return { wrapper, shown };
}

describe('engagement bar of a proposal or an offer', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    request.mockReset();
  });

  it('shows the reaction at once, then what the server counted', async () => {
    request.mockResolvedValue({ react: fromServer });
    const { wrapper, shown } = render();
    wrapper.findComponent(ReactionsBar).vm.$emit('react', 'LIKE');
    await flushPromises();
    expect(request).toHaveBeenCalledWith(expect.anything(), { targetId: 'o1', kind: 'LIKE' });
    expect(shown.map((s) => s.total)).toEqual([1, 3]);
  });

  it('puts the counts back when the server refuses', async () => {
    request.mockRejectedValue(new ApiError({ code: 'NOT_FOUND', message: 'x' }));
    const { wrapper, shown } = render();
    wrapper.findComponent(ReactionsBar).vm.$emit('react', 'LIKE');
    await flushPromises();
    expect(shown.map((s) => s.total)).toEqual([1, 0]);
    expect(shown.at(-1)).toEqual(none);
  });
});
