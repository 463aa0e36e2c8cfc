import { describe, expect, it } from 'vitest';
import { INVITATION_STATUSES, OFFER_STATUSES, THREAD_STATUSES } from '@atelier/domain';
import { OFFER_MOVES } from '@/components/co-creation/workflow';
import en from '@/i18n/en.json';
import fr from '@/i18n/fr.json';

/** The co-creation sources, read as text: every translation key they name must exist in both languages. */
const sources = import.meta.glob(
  [
    '../components/co-creation/*.{vue,ts}',
    '../pages/{CoCreation,Thread,Invitation,Outbox}*.vue',
    '../layouts/*.vue',
    '../router.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>;

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string) =>
  key
    .split('.')
    .reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
const leaves = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));

const literalKeys = [
  ...new Set(
    Object.values(sources).flatMap((text) =>
      [...text.matchAll(/'((?:coCreation|errors)\.[A-Za-z0-9_.]+[A-Za-z0-9_])'/g)].map((m) => m[1]),
    ),
  ),
];
const dynamicKeys = [
  ...THREAD_STATUSES.map((s) => `coCreation.statuses.thread.${s}`),
  ...OFFER_STATUSES.map((s) => `coCreation.statuses.offer.${s}`),
  ...INVITATION_STATUSES.map((s) => `coCreation.statuses.invitation.${s}`),
  ...['ACTIVE', 'HIDDEN', 'MERGED'].map((s) => `coCreation.statuses.proposal.${s}`),
  ...['OPEN', 'VOTING', 'CLOSED'].flatMap((s) => [`coCreation.thread.moveTo.${s}`, `coCreation.thread.moveHints.${s}`]),
  ...OFFER_MOVES.flatMap((s) => [`coCreation.offer.moveTo.${s}`, `coCreation.offer.moveHints.${s}`]),
  ...['NEWEST', 'MOST_VOTED', 'SHORTLISTED'].map((s) => `coCreation.proposal.sorts.${s}`),
  ...[
    'invitationInvalid',
    'passwordsDiffer',
    'proposalsClosed',
    'votingClosed',
    'invalidDiscount',
    'validUntilBeforeFrom',
  ].map((r) => `errors.${r}`),
];

describe('co-creation translations', () => {
  it('finds the sources it checks', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(literalKeys.length).toBeGreaterThan(100);
  });

  it.each([
    ['en', en],
    ['fr', fr],
  ])('has every key the pages use in %s', (_, messages) => {
    const missing = [...literalKeys, ...dynamicKeys].filter((key) => typeof lookup(messages as Tree, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('says the same things in French and English', () => {
    expect(leaves(fr.coCreation as Tree).sort()).toEqual(leaves(en.coCreation as Tree).sort());
  });
});
