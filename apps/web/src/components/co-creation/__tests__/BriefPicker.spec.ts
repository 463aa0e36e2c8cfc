import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@/i18n';

const request = vi.fn();
vi.mock('@/graphql/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/graphql/client')>()),
  request: (...args: unknown[]) => request(...args),
}));
const { default: BriefPicker } = await import('../BriefPicker.vue');

const edges = (...titles: string[]) => ({
  briefs: { edges: titles.map((title, i) => ({ node: { id: `b${i}`, title, campaignName: '', status: 'LIVE' } })) },
});

describe('BriefPicker', () => {
  afterEach(() => request.mockReset());

  it('lists the briefs, keeps the linked one and sends null for "no brief"', async () => {
    request.mockResolvedValue(edges('Lancement DS4'));
    const wrapper = mount(BriefPicker, {
      props: { modelValue: 'old', linked: { id: 'old', title: 'Salon de Lyon' } },
      global: { plugins: [i18n] },
    });
    await flushPromises();
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual([
      i18n.global.t('coCreation.pickers.noBrief'),
      'Salon de Lyon',
      'Lancement DS4',
    ]);
    await wrapper.get('select').setValue('');
    expect(wrapper.emitted('update:modelValue')).toEqual([[null]]);
  });

  it('says when nothing matches, and offers a retry on error', async () => {
    request.mockResolvedValueOnce(edges()).mockRejectedValueOnce(new Error('boom'));
    const wrapper = mount(BriefPicker, { props: { modelValue: null }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(wrapper.text()).toContain(i18n.global.t('coCreation.pickers.noBriefs'));
    vi.useFakeTimers();
    await wrapper.get('input[type="search"]').setValue('essai');
    vi.advanceTimersByTime(300);
    vi.useRealTimers();
    await flushPromises();
    expect(request).toHaveBeenLastCalledWith(expect.anything(), { search: 'essai' });
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
  });
});
