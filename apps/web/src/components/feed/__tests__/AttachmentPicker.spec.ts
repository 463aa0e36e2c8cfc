import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import AttachmentPicker from '../AttachmentPicker.vue';

describe('AttachmentPicker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports uploading while a file is on its way, then adds what the server stored', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    const wrapper = mount(AttachmentPicker, { props: { modelValue: [] }, global: { plugins: [i18n] } });
    const input = wrapper.get('input[type="file"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'affiche.png', { type: 'image/png' })] });
    await input.trigger('change');
    expect(wrapper.emitted('update:uploading')).toEqual([[true]]);

    const stored = { id: 'a1', kind: 'IMAGE', mimeType: 'image/png', sizeBytes: 1, originalName: 'affiche.png' };
    answer(new Response(JSON.stringify(stored), { status: 201, headers: { 'content-type': 'application/json' } }));
    await flushPromises();
    expect(wrapper.emitted('update:uploading')).toEqual([[true], [false]]);
    expect(wrapper.emitted('update:modelValue')).toEqual([[[stored]]]);
  });
});
