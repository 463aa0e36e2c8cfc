import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import ContentActions from '../ContentActions.vue';
import ModalDialog from '@/components/common/ModalDialog.vue';

const labels = { edit: 'Edit', delete: 'Delete', confirmTitle: 'Delete this?', confirmBody: 'It cannot be undone.' };

const render = (
  props: Partial<{ canEdit: boolean; canDelete: boolean; look: 'button' | 'link' }>,
  remove = vi.fn(async () => undefined),
) =>
  mount(ContentActions, {
    props: { canEdit: true, canDelete: true, look: 'button', labels, remove, ...props },
    slots: { default: '<button type="button" class="extra">Pin</button>' },
    global: { plugins: [i18n] },
  });

describe('ContentActions', () => {
  it('shows only the allowed actions after the slotted ones, as buttons or links', () => {
    const buttons = render({ canDelete: false }).findAll('button');
    expect(buttons.map((b) => b.text())).toEqual(['Pin', 'Edit']);
    expect(buttons[1].classes()).toContain('btn');
    const links = render({ canEdit: false, look: 'link' }).findAll('button');
    expect(links.map((b) => b.text())).toEqual(['Pin', 'Delete']);
    expect(links[1].classes()).toContain('link-button--danger');
  });

  it('emits edit', async () => {
    const wrapper = render({});
    await wrapper.findAll('button')[1].trigger('click');
    expect(wrapper.emitted('edit')).toHaveLength(1);
  });

  it('deletes only once confirmed, then closes the confirmation', async () => {
    const remove = vi.fn(async () => undefined);
    const wrapper = render({}, remove);
    expect(wrapper.find('dialog').exists()).toBe(false);
    await wrapper.findAll('button')[2].trigger('click');
    const dialog = wrapper.get('dialog');
    expect(dialog.text()).toContain('Delete this?');
    expect(dialog.text()).toContain('It cannot be undone.');
    expect(remove).not.toHaveBeenCalled();
    await dialog.findAll('button').at(-1)!.trigger('click');
    await flushPromises();
    expect(remove).toHaveBeenCalledTimes(1);
    expect(wrapper.find('dialog').exists()).toBe(false);
  });

  it('cancels without deleting, also with Escape', async () => {
    const remove = vi.fn(async () => undefined);
    const wrapper = render({}, remove);
    await wrapper.findAll('button')[2].trigger('click');
    await wrapper.get('dialog').trigger('cancel');
    expect(wrapper.find('dialog').exists()).toBe(false);
    expect(remove).not.toHaveBeenCalled();
  });
});

describe('ModalDialog', () => {
  it('is labelled by its title and asks to close on Escape, leaving the decision to its parent', async () => {
    const wrapper = mount(ModalDialog, {
      props: { open: true, title: 'New space' },
      slots: { default: '<p>body</p>' },
    });
    const dialog = wrapper.get('dialog');
    expect(wrapper.get(`#${dialog.attributes('aria-labelledby')}`).text()).toBe('New space');
    await dialog.trigger('cancel');
    expect(wrapper.emitted('close')).toHaveLength(1);
  });
});
