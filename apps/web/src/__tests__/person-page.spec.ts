import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import PersonPage from '@/pages/PersonPage.vue';

const respond = (body: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })),
  );

const render = async () => {
  i18n.global.locale.value = 'en';
  const wrapper = mount(PersonPage, {
    props: { id: 'u1' },
    global: { plugins: [i18n], stubs: { RouterLink: { template: '<a><slot /></a>' } } },
  });
  await flushPromises();
  return wrapper;
};

const person = {
  id: 'u1',
  displayName: 'Camille Martin',
  handle: 'camille.martin',
  email: 'camille.martin@atelier.example',
  role: 'MARKETER',
  active: true,
  teams: [{ id: 't1', name: 'Digital & Social' }],
};

describe('PersonPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows name, handle, role, e-mail and teams', async () => {
    respond({ data: { person } });
    const text = (await render()).get('[data-testid="person"]').text();
    expect(text).toContain('Camille Martin');
    expect(text).toContain('@camille.martin');
    expect(text).toContain('Marketer');
    expect(text).toContain('camille.martin@atelier.example');
    expect(text).toContain('Digital & Social');
    expect(text).not.toContain('Deactivated account');
  });

  it('says when the account is deactivated, and when the person is in no team', async () => {
    respond({ data: { person: { ...person, active: false, teams: [] } } });
    const text = (await render()).text();
    expect(text).toContain('Deactivated account');
    expect(text).toContain('Not in any team.');
  });

  it('shows the error with a retry for an unknown person', async () => {
    respond({
      data: null,
      errors: [
        {
          message: 'This user does not exist or is not visible to you.',
          extensions: { code: 'NOT_FOUND', reason: 'notFound' },
        },
      ],
    });
    const wrapper = await render();
    expect(wrapper.get('h1').text()).toBe('Person not found');
    expect(wrapper.get('[role="alert"]').text()).toContain('does not exist or is not visible to you');
  });
});
