import { describe, expect, it } from 'vitest';
import { briefFiles, evidenceIds, evidenceName, roomLeft } from './attachments';

const file = (id: string, kind = 'PDF') => ({ id, kind, fileName: `${id}.pdf`, url: `/files/${id}` });
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
    expect(briefFiles(brief)).toEqual([
      { id: 'a', kind: 'PDF', url: '/files/a', originalName: 'a.pdf' },
      { id: 'b', kind: 'IMAGE', url: '/files/b', originalName: 'b.pdf' },
    ]);
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
