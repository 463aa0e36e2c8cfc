import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import SavedMeTimeButton from './SavedMeTimeButton.vue';

/** The button sits on briefs, proposals and offers that customers read too: it must hide for them. */
describe('SavedMeTimeButton', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    i18n.global.locale.value = 'en';
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ data: { timeSavedCounters: [] } }), {
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const render = async (role: 'CUSTOMER' | 'MARKETER') => {
    useSessionStore().user = {
      id: 'u1',
      email: 'someone@example.com',
      displayName: 'Someone',
      role,
      locale: 'en',
      active: true,
    };
    const wrapper = mount(SavedMeTimeButton, {
      props: { contentType: 'PROPOSAL', contentId: 'p1' },
      global: { plugins: [i18n] },
    });
    await flushPromises();
    return wrapper;
  };

  it('renders nothing for a customer, and asks the server nothing', async () => {
    const wrapper = await render('CUSTOMER');
    expect(wrapper.find('button').exists()).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('offers the one click to staff', async () => {
    const wrapper = await render('MARKETER');
    expect(wrapper.find('button').exists()).toBe(true);
  });
});
