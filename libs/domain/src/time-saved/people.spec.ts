import { countPeople, type PersonTeamRow } from './people';

const row = (userId: string, teamId: string | null, minutes: number, entries: number, mask: number): PersonTeamRow => ({
  userId,
  teamId,
  minutes,
  entries,
  mask,
});

describe('countPeople', () => {
  it('counts a person in two teams once in all, once in each team, with the union of their splits', () => {
    const count = countPeople(
      [
        row('ana', 't1', 30, 2, 0b001),
        row('ana', 't2', 15, 1, 0b100),
        row('bob', 't1', 60, 1, 0b001),
        row('cy', null, 5, 1, 0b010),
      ],
      3,
      10,
    );
    expect(count.people).toBe(3);
    expect(count.peoplePerBit).toEqual([2, 1, 1]);
    expect(count.teams).toEqual([
      { teamId: 't1', minutes: 90, entries: 3, people: 2 },
      { teamId: 't2', minutes: 15, entries: 1, people: 1 },
      { teamId: null, minutes: 5, entries: 1, people: 1 },
    ]);
    expect(count.contributors).toEqual([
      { userId: 'bob', minutes: 60, entries: 1 },
      { userId: 'ana', minutes: 45, entries: 3 },
      { userId: 'cy', minutes: 5, entries: 1 },
    ]);
  });

  it('keeps the top contributors only, ties broken by id, whatever the order rows come in', () => {
    const rows = [
      row('d', 't', 10, 1, 1),
      row('a', 't', 10, 1, 1),
      row('c', 't', 30, 1, 1),
      row('b', 't', 20, 1, 1),
      row('e', 't', 5, 1, 1),
    ];
    const expected = [
      { userId: 'c', minutes: 30, entries: 1 },
      { userId: 'b', minutes: 20, entries: 1 },
      { userId: 'a', minutes: 10, entries: 1 },
    ];
    expect(countPeople(rows, 1, 3).contributors).toEqual(expected);
    expect(countPeople([...rows].reverse(), 1, 3).contributors).toEqual(expected);
  });

  it('counts nobody in an empty period', () => {
    expect(countPeople([], 2, 10)).toEqual({ people: 0, peoplePerBit: [0, 0], teams: [], contributors: [] });
  });
});
