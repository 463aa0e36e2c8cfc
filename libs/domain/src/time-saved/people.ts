/**
 * Who logged time in a period, counted from one row per (person, team) of the period: people in
 * all, people per split (a bit of `mask`: a category or kind of content they logged in), people,
 * minutes and entries per team, and the top contributors. The report's rollups give these rows
 * already summed per (person, team); a person in two teams is one person, counted in both teams.
 */
export interface PersonTeamRow {
  userId: string;
  teamId: string | null;
  minutes: number;
  entries: number;
  mask: number;
}

export interface PeopleCount {
  people: number;
  /** People with bit i in their mask, for i below `bits`. */
  peoplePerBit: number[];
  teams: { teamId: string | null; minutes: number; entries: number; people: number }[];
  /** The `limit` people who saved the most minutes; ties by id. */
  contributors: { userId: string; minutes: number; entries: number }[];
}

export function countPeople(rows: readonly PersonTeamRow[], bits: number, limit: number): PeopleCount {
  const persons = new Map<string, { minutes: number; entries: number; mask: number }>();
  const teams = new Map<string | null, { teamId: string | null; minutes: number; entries: number; people: number }>();
  for (const row of rows) {
    const person = persons.get(row.userId);
    if (person) {
      person.minutes += row.minutes;
      person.entries += row.entries;
      person.mask |= row.mask;
    } else {
      persons.set(row.userId, { minutes: row.minutes, entries: row.entries, mask: row.mask });
    }
    const team = teams.get(row.teamId);
    if (team) {
      team.minutes += row.minutes;
      team.entries += row.entries;
      team.people += 1;
    } else {
      teams.set(row.teamId, { teamId: row.teamId, minutes: row.minutes, entries: row.entries, people: 1 });
    }
  }

  const peoplePerBit = new Array<number>(bits).fill(0);
  const ahead = (a: { userId: string; minutes: number }, b: { userId: string; minutes: number }) =>
    a.minutes > b.minutes || (a.minutes === b.minutes && a.userId < b.userId);
  // The top `limit` kept sorted as people go by: tens of thousands of people, ten places.
  const top: PeopleCount['contributors'] = [];
  for (const [userId, person] of persons) {
    for (let bit = 0; bit < bits; bit += 1) if (person.mask & (1 << bit)) peoplePerBit[bit] += 1;
    const candidate = { userId, minutes: person.minutes, entries: person.entries };
    if (top.length === limit && !ahead(candidate, top[top.length - 1])) continue;
    let at = top.length;
    while (at > 0 && ahead(candidate, top[at - 1])) at -= 1;
    top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
  }
  return { people: persons.size, peoplePerBit, teams: [...teams.values()], contributors: top };
}
