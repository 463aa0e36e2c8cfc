import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import { ApiError } from '@/graphql/client';
import { UpdateBriefDocument, type BriefDetailFragment } from '@/graphql/generated';

const request = vi.fn();
vi.mock('@/graphql/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/graphql/client')>()),
  request: (...args: unknown[]) => request(...args),
}));
const { default: BriefEditor } = await import('./BriefEditor.vue');

const file = (id: string, originalName: string) => ({
  __typename: 'BriefAttachment' as const,
  id,
  kind: 'PDF' as const,
  mimeType: 'application/pdf',
  sizeBytes: 2048,
  originalName,
  width: null,
  height: null,
  url: `/files/${id}`,
});
const brief = {
  id: 'brief-1',
  title: 'Lancement DS 4',
  campaignName: 'DS 4 printemps',
  context: '',
  objective: '',
  audience: '',
  keyMessage: '',
  deliverables: '',
  budgetAmount: null,
  budgetCurrency: 'EUR',
  startDate: null,
  endDate: null,
  channels: [],
  attachments: [file('plan', 'plan média.pdf'), file('charte', 'charte DS.pdf'), file('ev', 'export CRM.pdf')],
  kpis: [{ actuals: [{ evidenceAttachmentId: 'ev' }] }],
} as unknown as BriefDetailFragment;

const mountEditor = () =>
  mount(BriefEditor, { props: { brief, channels: [] }, global: { plugins: [i18n] }, attachTo: document.body });

describe('BriefEditor files', () => {
  beforeEach(() => {
    request.mockReset();
    i18n.global.locale.value = 'fr';
  });

  it('lists the brief’s own files, evidence left out, each with a remove button', () => {
    const wrapper = mountEditor();
    expect(wrapper.findAll('[data-testid="brief-file"]').map((li) => li.find('a').text())).toEqual([
      'plan média.pdf',
      'charte DS.pdf',
    ]);
    expect(wrapper.findAll('[data-testid="remove-brief-file"]').map((b) => b.attributes('aria-label'))).toEqual([
      'Retirer plan média.pdf du brief',
      'Retirer charte DS.pdf du brief',
    ]);
    wrapper.unmount();
  });

  it('removes a file by sending the list without it (and without the evidence)', async () => {
    const remaining = [file('charte', 'charte DS.pdf'), file('ev', 'export CRM.pdf')];
    request.mockResolvedValue({ updateBrief: { id: brief.id, version: 0, attachments: remaining } });
    const wrapper = mountEditor();
    await wrapper.findAll('[data-testid="remove-brief-file"]')[0].trigger('click');
    await flushPromises();
    expect(request).toHaveBeenCalledWith(UpdateBriefDocument, {
      id: brief.id,
      input: { attachmentIds: ['charte'] },
    });
    expect(wrapper.emitted('saved')).toEqual([[{ attachments: remaining, version: 0 }]]);
    wrapper.unmount();
  });

  it('says why when the API refuses, and lets the person try again', async () => {
    request.mockRejectedValue(
      new ApiError({ code: 'FORBIDDEN', message: 'This brief is in review: nobody edits it until it is decided.' }),
    );
    const wrapper = mountEditor();
    const remove = wrapper.findAll('[data-testid="remove-brief-file"]')[1];
    await remove.trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(wrapper.emitted('saved')).toBeUndefined();
    expect(remove.attributes('disabled')).toBeUndefined();
    wrapper.unmount();
  });
});
