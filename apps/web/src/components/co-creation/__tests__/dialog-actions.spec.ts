import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import type { ProposalCardFragment } from '@/graphql/generated';
import ProposalForm from '../ProposalForm.vue';
import ReasonDialog from '../ReasonDialog.vue';

const t = i18n.global.t;
const global = { plugins: [i18n], stubs: { AttachmentPicker: true } };
const buttons = (wrapper: ReturnType<typeof mount>) =>
  wrapper.findAll('.dialog__actions button').map((b) => ({ text: b.text(), type: b.attributes('type') }));

describe('co-creation dialog actions', () => {
  it('proposing has no Cancel; editing one’s proposal has Cancel, which emits cancel', async () => {
    const proposing = mount(ProposalForm, { props: { threadId: 't1' }, global });
    expect(buttons(proposing)).toEqual([{ text: t('coCreation.proposal.submit'), type: 'submit' }]);

    const proposal = { id: 'p1', title: 'Essai DS4', description: 'Un week-end', images: [] } as unknown;
    const editing = mount(ProposalForm, { props: { proposal: proposal as ProposalCardFragment }, global });
    expect(buttons(editing)).toEqual([
      { text: t('common.cancel'), type: 'button' },
      { text: t('common.save'), type: 'submit' },
    ]);
    await editing.get('.dialog__actions .btn--secondary').trigger('click');
    expect(editing.emitted('cancel')).toHaveLength(1);
  });

  it('hiding keeps its danger action, submits the reason and closes on Cancel', async () => {
    const send = vi.fn().mockResolvedValue(undefined);
    const wrapper = mount(ReasonDialog, {
      props: { open: true, title: 'Masquer', intro: 'Pourquoi ?', confirmLabel: 'Masquer la proposition', send },
      global,
    });
    expect(wrapper.get('.dialog__actions .btn--danger').text()).toBe('Masquer la proposition');
    await wrapper.get('textarea').setValue('Hors sujet');
    await wrapper.get('form').trigger('submit');
    expect(send).toHaveBeenCalledWith('Hors sujet');
    await wrapper.get('.dialog__actions .btn--secondary').trigger('click');
    expect(wrapper.emitted('close')).toHaveLength(1);
  });
});
