import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import AttachmentList from '../AttachmentList.vue';
import { formatFileSize } from '../file-size';
import type { PostAttachmentFieldsFragment } from '@/graphql/generated';

const file = (
  id: string,
  kind: 'IMAGE' | 'PDF',
  originalName: string,
  sizeBytes = 2048,
): PostAttachmentFieldsFragment => ({
  id,
  kind,
  mimeType: kind === 'IMAGE' ? 'image/png' : 'application/pdf',
  sizeBytes,
  originalName,
  width: kind === 'IMAGE' ? 1200 : null,
  height: kind === 'IMAGE' ? 800 : null,
  url: `/files/${id}`,
});

const render = (attachments: PostAttachmentFieldsFragment[]) => {
  i18n.global.locale.value = 'en';
  return mount(AttachmentList, { props: { attachments }, global: { plugins: [i18n] } });
};

describe('AttachmentList', () => {
  it('shows images inline, lazily, named by their file name, each linking to the full size', () => {
    const wrapper = render([file('a', 'IMAGE', 'affiche DS4.png'), file('b', 'IMAGE', 'essai.jpg')]);
    const images = wrapper.findAll('img');
    expect(images.map((img) => img.attributes('alt'))).toEqual(['affiche DS4.png', 'essai.jpg']);
    expect(images.every((img) => img.attributes('loading') === 'lazy')).toBe(true);
    expect(images[0].attributes()).toEqual(expect.objectContaining({ src: '/files/a', width: '1200', height: '800' }));
    const link = wrapper.find('a');
    expect(link.attributes()).toEqual(expect.objectContaining({ href: '/files/a', target: '_blank', rel: 'noopener' }));
    expect(link.attributes('aria-label')).toBe('Open affiche DS4.png full size');
  });

  it('lists PDFs as download links with their name and size, never as images', () => {
    const wrapper = render([file('p', 'PDF', 'plan média.pdf', 3.4 * 1024 * 1024)]);
    expect(wrapper.find('img').exists()).toBe(false);
    const link = wrapper.get('a');
    expect(link.attributes('href')).toBe('/files/p');
    expect(link.attributes()).toHaveProperty('download');
    expect(link.text()).toContain('plan média.pdf');
    expect(link.text()).toContain('PDF, 3.4 MB');
  });

  it('renders nothing without files', () => {
    expect(render([]).html()).toBe('<!--v-if-->');
  });
});

describe('formatFileSize', () => {
  it('speaks in KB below a megabyte and MB above, in the locale', () => {
    expect(formatFileSize(200, 'en')).toBe('1 kB');
    expect(formatFileSize(820 * 1024, 'en')).toBe('820 kB');
    expect(formatFileSize(3.4 * 1024 * 1024, 'en')).toBe('3.4 MB');
    expect(formatFileSize(3.4 * 1024 * 1024, 'fr')).toBe('3,4\u202fMo');
  });
});
