import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import EvidenceField from './EvidenceField.vue';

describe('EvidenceField', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uploads one file as the evidence', async () => {
    const stored = { id: 'f1', kind: 'PDF', mimeType: 'application/pdf', sizeBytes: 2048, originalName: 'crm.pdf' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(stored), { status: 201 })),
    );
    const wrapper = mount(EvidenceField, {
      props: { canUpload: true, mode: 'file', url: '', file: null },
      global: { plugins: [i18n] },
    });
    const input = wrapper.get('input[type="file"]');
    expect(input.attributes('multiple')).toBeUndefined();
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'crm.pdf')] });
    await input.trigger('change');
    await flushPromises();
    expect(wrapper.emitted('update:file')).toEqual([[stored]]);
    expect(wrapper.emitted('update:uploading')).toEqual([[true], [false]]);
  });

  it('offers only a link when the brief has no room for another file', () => {
    const wrapper = mount(EvidenceField, {
      props: { canUpload: false, mode: 'link', url: '', file: null },
      global: { plugins: [i18n] },
    });
    expect(wrapper.get('input[value="file"]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('input[type="url"]').exists()).toBe(true);
  });
});
