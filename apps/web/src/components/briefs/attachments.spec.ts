import { describe, expect, it } from 'vitest';
import { attachmentIdsAfter, briefFiles, evidenceIds, evidenceName, roomLeft } from './attachments';

const file = (id: string, kind: 'IMAGE' | 'PDF' = 'PDF') => ({
  id,
  kind,
  originalName: `${id}.pdf`,
  url: `/files/${id}`,
});
const brief = {
  attachments: [file('a'), file('b', 'IMAGE'), file('ev')],
  kpis: [
    { actuals: [{ evidenceAttachmentId: null }, { evidenceAttachmentId: 'ev' }] },
    { actuals: [{ evidenceAttachmentId: 'gone' }] },
  ],
};

describe('brief attachments', () => {
  it('tells the evidence files apart from the brief’s own files', () => {
    expect([...evidenceIds(brief)].sort()).toEqual(['ev', 'gone']);
    expect(briefFiles(brief)).toEqual([file('a'), file('b', 'IMAGE')]);
  });

  it('sends the whole list of the brief’s own files after adding or removing, never the evidence', () => {
    expect(attachmentIdsAfter(brief, { add: ['c', 'd'] })).toEqual(['a', 'b', 'c', 'd']);
    expect(attachmentIdsAfter(brief, { remove: 'a' })).toEqual(['b']);
    expect(attachmentIdsAfter(brief, { remove: 'ev' })).toEqual(['a', 'b']);
    expect(attachmentIdsAfter(brief, { add: ['a'] })).toEqual(['a', 'b']);
    expect(attachmentIdsAfter({ attachments: [file('ev')], kpis: brief.kpis }, { remove: 'x' })).toEqual([]);
  });

  it('counts the room left against every attached file, evidence included', () => {
    expect(roomLeft(brief)).toBe(1);
    expect(roomLeft({ attachments: [] })).toBe(4);
    expect(roomLeft({ attachments: [file('1'), file('2'), file('3'), file('4'), file('5')] })).toBe(0);
  });

  it('names an evidence file when the brief lists it', () => {
    expect(evidenceName(brief, 'ev')).toBe('ev.pdf');
    expect(evidenceName(brief, 'gone')).toBeNull();
  });
});
