import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@/i18n';

const request = vi.fn();
vi.mock('@/graphql/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/graphql/client')>()),
  request: (...args: unknown[]) => request(...args),
}));
const { default: RunnerPicker } = await import('../RunnerPicker.vue');

describe('RunnerPicker', () => {
  afterEach(() => request.mockReset());

  it('offers active staff only and drops a runner deactivated since', async () => {
    request.mockResolvedValue({
      users: [
        { id: 's1', displayName: 'Sophie Lambert', role: 'MANAGER', active: true },
        { id: 'c1', displayName: 'Pierre Durand', role: 'CUSTOMER', active: true },
        { id: 'x1', displayName: 'Ancien', role: 'MARKETER', active: false },
      ],
    });
    const wrapper = mount(RunnerPicker, { props: { modelValue: ['s1', 'x1'] }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(wrapper.findAll('label.check').map((l) => l.text())).toEqual(['Sophie Lambert']);
    expect(wrapper.emitted('update:modelValue')).toEqual([[['s1']]]);
  });

  it('shows the error with a retry', async () => {
    request.mockRejectedValueOnce(new Error('down'));
    const wrapper = mount(RunnerPicker, { props: { modelValue: [] }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
  });
});
