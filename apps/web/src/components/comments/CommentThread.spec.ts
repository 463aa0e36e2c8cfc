import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '@atelier/domain';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import type { CommentScopeType, ThreadComment } from '@/composables/useCommentThread';

const request = vi.fn();
vi.mock('@/graphql/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/graphql/client')>()),
  request: (...args: unknown[]) => request(...args),
}));
const { default: CommentThread } = await import('./CommentThread.vue');

const comment: ThreadComment = {
  id: 'c1',
  targetId: 'x1',
  parentId: null,
  body: 'Les essais DS4 commencent lundi.',
  bodyHtml: '<p>Les essais DS4 commencent lundi.</p>',
  createdAt: '2026-11-20T09:00:00.000Z',
  editedAt: null,
  deletedAt: null,
  hidden: false,
  hiddenReason: null,
  author: { id: 'author', displayName: 'Camille Martin' },
  reactions: { targetId: 'c1', total: 0, kinds: [] },
  replies: [],
};

async function render(role: Role, scopeType: CommentScopeType, mentionContext: string | null) {
  setActivePinia(createPinia());
  useSessionStore().user = {
    id: 'viewer',
    email: 'viewer@example.com',
    displayName: 'Viewer',
    role,
    locale: 'en',
    active: true,
  };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { render: () => null } }],
  });
  await router.push('/');
  const wrapper = mount(CommentThread, {
    props: { targetId: 'x1', comments: [comment], count: 1, scopeType, mentionContext },
    global: { plugins: [i18n, router] },
  });
  await flushPromises();
  return wrapper;
}

const buttons = (wrapper: Awaited<ReturnType<typeof render>>) => wrapper.findAll('button').map((b) => b.text());

/** The one discussion component serves posts (SPACE), briefs (BRIEF) and co-creation (THREAD). */
describe('CommentThread', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'en';
    request.mockReset();
    request.mockResolvedValue({ timeSavedCounters: [] });
  });

  it('offers moderation as the policy says: staff in co-creation, administrators anywhere', async () => {
    expect(buttons(await render('MANAGER', 'THREAD', 'x1'))).toContain('Hide');
    expect(buttons(await render('MANAGER', 'SPACE', 'x1'))).not.toContain('Hide');
    expect(buttons(await render('ADMIN', 'BRIEF', 'x1'))).toContain('Hide');
    expect(buttons(await render('CUSTOMER', 'THREAD', null))).not.toContain('Hide');
  });

  it('gives no mention autocomplete to whoever may not mention, in the reply form too', async () => {
    const wrapper = await render('CUSTOMER', 'THREAD', null);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Reply')!
      .trigger('click');
    const textareas = wrapper.findAll('textarea');
    expect(textareas).toHaveLength(2);
    for (const textarea of textareas) expect(textarea.attributes('aria-autocomplete')).toBeUndefined();
  });

  it('gives staff mention autocomplete in every form of the thread', async () => {
    const wrapper = await render('MARKETER', 'SPACE', 'x1');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Reply')!
      .trigger('click');
    for (const textarea of wrapper.findAll('textarea')) expect(textarea.attributes('aria-autocomplete')).toBe('list');
  });

  it('shows the count in the heading and tells the page the new one', async () => {
    const wrapper = await render('MARKETER', 'SPACE', 'x1');
    expect(wrapper.find('h2').text()).toBe('1 comment');
    request.mockResolvedValueOnce({ addComment: { ...comment, id: 'c2', replies: undefined } });
    await wrapper.findAll('textarea')[0].setValue('Merci');
    await wrapper.find('form.comment-form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('h2').text()).toBe('2 comments');
    expect(wrapper.emitted('count')).toEqual([[2]]);
  });
});
