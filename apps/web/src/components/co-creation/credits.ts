interface Person {
  id: string;
  displayName: string;
  isStaff: boolean;
}

/** Everyone who may be credited: the authors of the linked proposals, and whoever is credited already; once each, by name. */
export function creditCandidates(proposals: { author: Person }[], credits: Person[]): Person[] {
  const byId = new Map<string, Person>();
  for (const person of [...credits, ...proposals.map((p) => p.author)])
    if (!byId.has(person.id)) byId.set(person.id, person);
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
