import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import { ApiError } from '@/graphql/client';
import InvitationPage from '@/pages/InvitationPage.vue';

const request = vi.hoisted(() => vi.fn());
vi.mock('@/graphql/client', async (original) => ({
  ...(await original<typeof import('@/graphql/client')>()),
  request,
}));

const operation = (doc: unknown) => String(doc).match(/(query|mutation) (\w+)/)?.[2];
const newcomer = {
  id: 'u9',
  email: 'ines@client.example',
  displayName: 'Inès',
  role: 'CUSTOMER',
  locale: 'en',
  active: true,
};

async function render() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/invitation/:token', component: InvitationPage, props: true },
      { path: '/threads/:id', component: { template: '<p>thread</p>' } },
      { path: '/threads', component: { template: '<p>threads</p>' } },
      { path: '/sign-in', component: { template: '<p>sign in</p>' } },
    ],
  });
  await router.push('/invitation/tok3n');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18n, pinia, router] } });
  await flushPromises();
  return { wrapper, router };
}

describe('invitation page', () => {
  beforeEach(() => {
    request.mockReset();
    i18n.global.locale.value = 'en';
  });

  it('says one thing about a link that cannot be used, whatever the reason', async () => {
    request.mockRejectedValue(new ApiError({ code: 'BAD_USER_INPUT', message: 'x', reason: 'invitationInvalid' }));
    const { wrapper } = await render();
    expect(wrapper.get('[data-testid="invitation-invalid"]').text()).toContain('This invitation link is not valid');
    expect(wrapper.find('form').exists()).toBe(false);
  });

  it('checks the new account form before sending, then joins and opens the thread', async () => {
    request.mockImplementation(async (doc: unknown, vars: Record<string, unknown>) => {
      switch (operation(doc)) {
        case 'InvitationPreview':
          return {
            invitationPreview: { threadTitle: 'DS 4 Édition Atelier', email: 'ines@client.example', hasAccount: false },
          };
        case 'AcceptInvitation':
          expect(vars).toEqual({
            token: 'tok3n',
            displayName: 'Inès',
            password: 'une-phrase-longue',
            locale: 'en',
          });
          return { acceptInvitation: newcomer };
        case 'CoCreationThreads':
          return {
            coCreationThreads: { edges: [{ node: { id: 't7', title: 'DS 4 Édition Atelier' } }], pageInfo: {} },
          };
        default:
          throw new Error(`unexpected ${operation(doc)}`);
      }
    });
    const { wrapper, router } = await render();
    expect(wrapper.get('h1').text()).toBe('You are invited to “DS 4 Édition Atelier”');

    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.findAll('.field__error').map((e) => e.text())).toEqual([
      'This field is required.',
      'The password must be at least 10 characters long.',
    ]);
    expect(request).toHaveBeenCalledTimes(1);

    const inputs = wrapper.findAll('input');
    await inputs[0].setValue('Inès');
    await inputs[1].setValue('une-phrase-longue');
    await inputs[2].setValue('une-phrase-autre');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.findAll('.field__error').map((e) => e.text())).toEqual(['The two passwords differ.']);

    await inputs[2].setValue('une-phrase-longue');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/threads/t7');
  });

  it('asks an existing customer for their password only, and shows a wrong one on its field', async () => {
    request.mockImplementation(async (doc: unknown) => {
      if (operation(doc) === 'InvitationPreview') {
        return { invitationPreview: { threadTitle: 'Essais', email: 'pierre@client.example', hasAccount: true } };
      }
      throw new ApiError({ code: 'BAD_USER_INPUT', message: 'x', reason: 'invalidCredentials', field: 'password' });
    });
    const { wrapper } = await render();
    const inputs = wrapper.findAll('input');
    expect(inputs).toHaveLength(1);
    await inputs[0].setValue('mauvais');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('.field__error').text()).toBe('Incorrect e-mail or password.');
  });
});
