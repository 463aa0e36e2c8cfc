import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type IntrospectionQuery,
} from 'graphql';
import { HOUR, OPS, expectOk, joinAsNewCustomer, openThread, submitProposal } from './co-creation-fixtures';
import { GqlClient, GraphQLResponse, TestApp, startTestApp } from './support/test-app';

/** Accounts are hashed with argon2 and the app boots: generous on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

/**
 * The authorization matrix: EVERY query and mutation of the schema, called as a customer invited to
 * thread A with the ids of thread B and of internal content (a space, a post, staff people). The
 * expected outcome of each is written below by hand; a field without a row fails the test, so no
 * operation reaches customers without someone deciding it. `OK` means the call may succeed: its
 * answer is then searched for every internal marker.
 *
 * Arguments are built from the schema (ids by name: `threadId` is thread B's, `targetId` a proposal
 * of B…); a row overrides them where the generic guess would not test anything.
 */
type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT' | 'CONFLICT';

interface Ids {
  threadA: string;
  threadB: string;
  proposalA: string;
  proposalB: string;
  proposalB2: string;
  offerB: string;
  draftOfferA: string;
  commentB: string;
  invitationB: string;
  space: string;
  post: string;
  staffUser: string;
  customerB: string;
}

interface Row {
  expect: Outcome;
  args?: (ids: Ids) => Record<string, unknown>;
  /** Run after every other field (it changes the session). */
  last?: boolean;
}

const EXPECTED: Record<string, Row> = {
  // ---- queries ----
  'Query.brief': { expect: 'FORBIDDEN' },
  'Query.briefDiff': { expect: 'FORBIDDEN' },
  'Query.briefVersions': { expect: 'FORBIDDEN' },
  'Query.briefs': { expect: 'FORBIDDEN' },
  'Query.channelScorecard': { expect: 'FORBIDDEN' },
  'Query.channels': { expect: 'FORBIDDEN' },
  'Query.coCreationThread': { expect: 'NOT_FOUND', args: (ids) => ({ id: ids.threadB }) },
  // Their own threads only: the answer is searched for thread B's markers.
  'Query.coCreationThreads': { expect: 'OK' },
  'Query.contentTimeSaved': { expect: 'FORBIDDEN' },
  'Query.costSettings': { expect: 'FORBIDDEN' },
  'Query.feed': { expect: 'FORBIDDEN' },
  'Query.invitationPreview': { expect: 'BAD_USER_INPUT' },
  'Query.invitations': { expect: 'FORBIDDEN', args: (ids) => ({ threadId: ids.threadB }) },
  'Query.me': { expect: 'OK' },
  'Query.mentionCandidates': { expect: 'FORBIDDEN' },
  'Query.myHelpfulContent': { expect: 'FORBIDDEN' },
  'Query.myTimeSaved': { expect: 'FORBIDDEN' },
  'Query.myTimeSavedSummary': { expect: 'FORBIDDEN' },
  'Query.notifications': { expect: 'OK' },
  'Query.offer': { expect: 'NOT_FOUND', args: (ids) => ({ id: ids.offerB }) },
  'Query.offers': { expect: 'NOT_FOUND', args: (ids) => ({ threadId: ids.threadB }) },
  'Query.outbox': { expect: 'FORBIDDEN' },
  'Query.person': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.staffUser }) },
  'Query.post': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.post }) },
  'Query.proposal': { expect: 'NOT_FOUND', args: (ids) => ({ id: ids.proposalB }) },
  // Any order, SHORTLISTED included: thread B stays missing.
  'Query.proposals': { expect: 'NOT_FOUND', args: (ids) => ({ threadId: ids.threadB, orderBy: 'SHORTLISTED' }) },
  'Query.roiReport': { expect: 'FORBIDDEN' },
  'Query.search': { expect: 'FORBIDDEN' },
  'Query.space': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.space }) },
  'Query.spaces': { expect: 'FORBIDDEN' },
  'Query.teams': { expect: 'FORBIDDEN' },
  'Query.threadParticipation': { expect: 'FORBIDDEN' },
  'Query.timeSavedCounters': { expect: 'FORBIDDEN' },
  'Query.timeSavedDefaults': { expect: 'FORBIDDEN' },
  'Query.timeSavedEntries': { expect: 'FORBIDDEN' },
  'Query.unreadNotificationCount': { expect: 'OK' },
  'Query.users': { expect: 'FORBIDDEN' },

  // ---- mutations ----
  'Mutation.acceptInvitation': { expect: 'BAD_USER_INPUT' },
  'Mutation.addComment': { expect: 'NOT_FOUND' },
  'Mutation.addStaffNote': { expect: 'FORBIDDEN' },
  'Mutation.addSpaceMember': { expect: 'FORBIDDEN' },
  'Mutation.approveBrief': { expect: 'FORBIDDEN' },
  'Mutation.approveOffer': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.draftOfferA }) },
  'Mutation.changePassword': { expect: 'BAD_USER_INPUT', last: true },
  'Mutation.closeBrief': { expect: 'FORBIDDEN' },
  'Mutation.createBrief': { expect: 'FORBIDDEN' },
  'Mutation.createChannel': { expect: 'FORBIDDEN' },
  'Mutation.createCoCreationThread': { expect: 'FORBIDDEN' },
  'Mutation.createOffer': { expect: 'FORBIDDEN' },
  'Mutation.createPost': { expect: 'FORBIDDEN' },
  'Mutation.createSpace': { expect: 'FORBIDDEN' },
  'Mutation.createTeam': { expect: 'FORBIDDEN' },
  'Mutation.createUser': { expect: 'FORBIDDEN' },
  'Mutation.deactivateUser': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.staffUser }) },
  'Mutation.deleteComment': { expect: 'NOT_FOUND', args: (ids) => ({ id: ids.commentB }) },
  'Mutation.deletePost': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.post }) },
  'Mutation.deleteTimeSaved': { expect: 'FORBIDDEN' },
  'Mutation.editComment': { expect: 'NOT_FOUND', args: (ids) => ({ id: ids.commentB, body: 'x' }) },
  'Mutation.hideComment': { expect: 'NOT_FOUND', args: (ids) => ({ id: ids.commentB, reason: 'x' }) },
  'Mutation.unhideComment': { expect: 'NOT_FOUND', args: (ids) => ({ id: ids.commentB }) },
  'Mutation.editPost': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.post, body: 'x' }) },
  'Mutation.editProposal': { expect: 'NOT_FOUND', args: (ids) => ({ id: ids.proposalB }) },
  // Staff only, whatever the id: thread B's proposal here; see the test below for the other ids.
  'Mutation.hideContent': { expect: 'FORBIDDEN' },
  'Mutation.inviteCustomers': { expect: 'FORBIDDEN' },
  'Mutation.joinSpace': { expect: 'FORBIDDEN' },
  'Mutation.launchBrief': { expect: 'FORBIDDEN' },
  'Mutation.leaveSpace': { expect: 'FORBIDDEN' },
  'Mutation.logTimeSaved': { expect: 'FORBIDDEN' },
  'Mutation.markNotificationsRead': { expect: 'OK' },
  'Mutation.mergeProposal': { expect: 'FORBIDDEN' },
  'Mutation.pinPost': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.post }) },
  'Mutation.publishOffer': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.draftOfferA }) },
  'Mutation.react': { expect: 'NOT_FOUND' },
  'Mutation.reactivateUser': { expect: 'FORBIDDEN' },
  'Mutation.recordKpiActual': { expect: 'FORBIDDEN' },
  'Mutation.rejectKpiActual': { expect: 'FORBIDDEN' },
  'Mutation.removeSpaceMember': { expect: 'FORBIDDEN' },
  'Mutation.requestBriefChanges': { expect: 'FORBIDDEN' },
  'Mutation.revokeInvitation': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.invitationB }) },
  'Mutation.savedMeTime': { expect: 'FORBIDDEN' },
  'Mutation.setCurrency': { expect: 'FORBIDDEN' },
  'Mutation.setKpis': { expect: 'FORBIDDEN' },
  'Mutation.setOfferCredits': { expect: 'FORBIDDEN' },
  'Mutation.setPlatformMonthlyCost': { expect: 'FORBIDDEN' },
  'Mutation.setTeamHourlyCost': { expect: 'FORBIDDEN' },
  'Mutation.setThreadStatus': { expect: 'FORBIDDEN' },
  'Mutation.setTimeSavedDefaults': { expect: 'FORBIDDEN' },
  'Mutation.voteProposal': { expect: 'NOT_FOUND' },
  'Mutation.shareBriefToSpace': { expect: 'FORBIDDEN' },
  'Mutation.shortlistProposal': { expect: 'FORBIDDEN' },
  // A wrong password: refused like any sign-in.
  'Mutation.signIn': { expect: 'UNAUTHENTICATED' },
  'Mutation.signOut': { expect: 'OK', last: true },
  'Mutation.submitBrief': { expect: 'FORBIDDEN' },
  'Mutation.submitProposal': { expect: 'NOT_FOUND' },
  'Mutation.undoSavedMeTime': { expect: 'FORBIDDEN' },
  'Mutation.unhideContent': { expect: 'FORBIDDEN' },
  'Mutation.updateBrief': { expect: 'FORBIDDEN' },
  'Mutation.updateMyLocale': { expect: 'OK' },
  'Mutation.updateOffer': { expect: 'FORBIDDEN' },
  'Mutation.updateCoCreationThread': { expect: 'FORBIDDEN' },
  'Mutation.updateTimeSaved': { expect: 'FORBIDDEN' },
  'Mutation.updateUser': { expect: 'FORBIDDEN' },
  'Mutation.verifyKpiActual': { expect: 'FORBIDDEN' },
  'Mutation.watchBrief': { expect: 'FORBIDDEN' },
  'Mutation.withdrawOffer': { expect: 'FORBIDDEN', args: (ids) => ({ id: ids.offerB }) },
};

/** Operations a signed-out caller may call; the deactivated customer's answers for them. */
const PUBLIC: Record<string, Outcome> = {
  'Query.me': 'OK',
  'Query.invitationPreview': 'BAD_USER_INPUT',
  'Mutation.acceptInvitation': 'BAD_USER_INPUT',
  'Mutation.signIn': 'UNAUTHENTICATED',
  'Mutation.signOut': 'OK',
};

/** Text that exists only in thread B or internal content: no customer answer may contain any. */
const MARKERS = {
  threadB: 'MARQUEUR-FIL-B',
  proposalB: 'MARQUEUR-PROPOSITION-B',
  offerB: 'MARQUEUR-OFFRE-B',
  commentB: 'MARQUEUR-COMMENTAIRE-B',
  note: 'MARQUEUR-NOTE-INTERNE',
  draftOffer: 'MARQUEUR-BROUILLON',
  space: 'MARQUEUR-ESPACE',
  post: 'MARQUEUR-POST',
  staffDomain: '@staff.example',
};

function valueFor(name: string, type: GraphQLInputType, ids: Ids, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(name, type.ofType, ids, depth);
  if (isListType(type)) {
    const item = valueFor(name.replace(/Ids$/, 'Id').replace(/s$/, ''), type.ofType, ids, depth);
    return item === undefined ? [] : [item];
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    if (depth > 3) return undefined;
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      value[field.name] = valueFor(field.name, field.type, ids, depth + 1);
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return idFor(name, ids);
      case 'Int':
        return 5;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return new Date(Date.now() + HOUR).toISOString();
      default:
        return name.toLowerCase().includes('email') ? 'someone@client.example' : 'x';
    }
  }
  return undefined;
}

function idFor(name: string, ids: Ids): string {
  const byName: Record<string, string> = {
    threadId: ids.threadB,
    proposalId: ids.proposalB,
    intoId: ids.proposalB2,
    offerId: ids.offerB,
    targetId: ids.proposalB,
    parentId: ids.commentB,
    spaceId: ids.space,
    postId: ids.post,
    userId: ids.staffUser,
    imageId: ids.post,
    attachmentId: ids.post,
  };
  return byName[name] ?? ids.proposalB;
}

/** Scalars (and a few levels of objects) without required arguments: what a curious client would ask. */
function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isUnionType(named)) {
    const members = named.getTypes().map((member) => `... on ${member.name} ${selectionOf(member, depth + 1)}`);
    return `{ __typename ${members.join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  if (depth > 2) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values((named as GraphQLObjectType).getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const inner = getNamedType(field.type);
    if (isObjectType(inner) || isUnionType(inner)) parts.push(`${field.name} ${selectionOf(field.type, depth + 1)}`);
    else parts.push(field.name);
  }
  return `{ ${parts.join(' ')} }`;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const declared = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${arg.type.toString()}`);
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const head = declared.length ? `(${declared.join(', ')})` : '';
  const call = passed.length ? `(${passed.join(', ')})` : '';
  return `${kind} M${head} { ${field.name}${call} ${selectionOf(field.type)} }`;
}

function outcomeOf(response: GraphQLResponse, fieldName: string): Outcome | string {
  const data = response.data as Record<string, unknown> | null | undefined;
  if (data && data[fieldName] !== null && data[fieldName] !== undefined) return 'OK';
  const code = response.errors?.[0]?.extensions?.code;
  if (!response.errors?.length) return 'OK';
  return String(code);
}

describe('co-creation: authorization matrix for an invited customer', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let ids: Ids;
  let customer: GqlClient;
  let deactivated: GqlClient;

  beforeAll(async () => {
    t = await startTestApp();
    const staffUser = await t.createUser('MANAGER', { email: 'helene.staff@staff.example', displayName: 'Hélène' });
    const staff = t.client();
    await staff.signIn(staffUser.email);

    const threadA = await openThread(staff, { title: 'Fil A' });
    const threadB = await openThread(staff, { title: MARKERS.threadB });
    ({ client: customer } = await joinAsNewCustomer(t, staff, threadA, 'Client A'));
    const b = await joinAsNewCustomer(t, staff, threadB, 'Client B');
    const proposalA = await submitProposal(customer, threadA, 'Proposition A');
    const proposalB = await submitProposal(b.client, threadB, MARKERS.proposalB);
    const proposalB2 = await submitProposal(b.client, threadB, `${MARKERS.proposalB} 2`);
    expectOk(await staff.request(OPS.note, { id: proposalA, body: MARKERS.note }));
    expectOk(await staff.request(OPS.note, { id: proposalB, body: MARKERS.note }));
    const { addComment } = expectOk(
      await b.client.request<{ addComment: { id: string } }>(OPS.addComment, {
        input: { targetId: proposalB, body: MARKERS.commentB },
      }),
    );
    // A staff comment on thread A: its author's address must not reach the customer.
    expectOk(await staff.request(OPS.addComment, { input: { targetId: proposalA, body: 'Merci !' } }));

    const offerInput = (threadId: string, proposalIds: string[], title: string) => ({
      threadId,
      proposalIds,
      input: { title, description: title, terms: '', currency: 'EUR', discountPercent: 5 },
    });
    const offerB = expectOk(
      await staff.request<{ createOffer: { id: string } }>(
        OPS.createOffer,
        offerInput(threadB, [proposalB], MARKERS.offerB),
      ),
    ).createOffer.id;
    expectOk(await staff.request(OPS.approveOffer, { id: offerB }));
    expectOk(await staff.request(OPS.publishOffer, { id: offerB }));
    const draftOfferA = expectOk(
      await staff.request<{ createOffer: { id: string } }>(
        OPS.createOffer,
        offerInput(threadA, [proposalA], MARKERS.draftOffer),
      ),
    ).createOffer.id;

    const { createSpace } = expectOk(
      await staff.request<{ createSpace: { id: string } }>(
        `mutation ($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
        { input: { name: MARKERS.space } },
      ),
    );
    const { createPost } = expectOk(
      await staff.request<{ createPost: { id: string } }>(
        `mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }`,
        { input: { spaceId: createSpace.id, body: MARKERS.post } },
      ),
    );
    const [invitationB] = await t.sql<{ id: string }>('select id from thread_invitations where thread_id = $1', [
      threadB,
    ]);
    ids = {
      threadA,
      threadB,
      proposalA,
      proposalB,
      proposalB2,
      offerB,
      draftOfferA,
      commentB: addComment.id,
      invitationB: invitationB.id,
      space: createSpace.id,
      post: createPost.id,
      staffUser: staffUser.id,
      customerB: b.id,
    };

    const gone = await joinAsNewCustomer(t, staff, threadA, 'Client désactivé');
    deactivated = gone.client;
    expectOk(
      await (
        await t.signedIn('ADMIN')
      ).client.request(`mutation ($id: ID!) { deactivateUser(id: $id) { id } }`, {
        id: gone.id,
      }),
    );

    const introspection = await customer.request<IntrospectionQuery>(getIntrospectionQuery());
    schema = buildClientSchema(expectOk(introspection));
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close());

  const fields = (): { key: string; kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] => [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({
      key: `Query.${field.name}`,
      kind: 'query' as const,
      field,
    })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({
      key: `Mutation.${field.name}`,
      kind: 'mutation' as const,
      field,
    })),
  ];

  const call = (client: GqlClient, kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, row?: Row) => {
    const variables: Record<string, unknown> = {};
    for (const arg of field.args) {
      // Optional arguments are left out (pages, cursors), but ids: those are what a guesser would try.
      if (isNonNullType(arg.type) || getNamedType(arg.type).name === 'ID') {
        variables[arg.name] = valueFor(arg.name, arg.type, ids);
      }
    }
    Object.assign(variables, row?.args?.(ids));
    return client.request(operationFor(kind, field), variables);
  };

  const expectNoMarker = (key: string, response: GraphQLResponse) => {
    const raw = JSON.stringify(response);
    for (const marker of Object.values(MARKERS)) {
      if (raw.includes(marker)) throw new Error(`${key} returned "${marker}": ${raw.slice(0, 500)}`);
    }
  };

  it('has a hand-written row for every query and mutation, and none for operations that are gone', () => {
    const keys = fields().map((f) => f.key);
    expect(keys.filter((key) => !EXPECTED[key])).toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it("never shows staff notes, draft offers or others' addresses in the customer's own thread", async () => {
    const responses = [
      await customer.request(OPS.thread, { id: ids.threadA }),
      await customer.request(
        `query ($id: ID!) { proposals(threadId: $id, orderBy: SHORTLISTED, first: 20) { edges { node { id notes { body }
           shortlisted comments { body author { id displayName email teams { id } } } } } } offers(threadId: $id) { id title } }`,
        { id: ids.threadA },
      ),
      await customer.request(OPS.offer, { id: ids.draftOfferA }),
    ];
    for (const response of responses) expectNoMarker('thread A', response);
    const comments = (
      expectOk(responses[1]) as {
        proposals: { edges: { node: { comments: { author: { email: string | null } }[] } }[] };
      }
    ).proposals.edges.flatMap((edge) => edge.node.comments);
    expect(comments.map((comment) => comment.author.email)).toEqual([null]);
    expect(responses[2].errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses hideContent and unhideContent whatever the id: their own thread, thread B, internal content', async () => {
    const targets = [ids.proposalA, ids.proposalB, ids.commentB, ids.offerB, ids.draftOfferA, ids.post, ids.space];
    for (const targetId of targets) {
      for (const [query, variables] of [
        [OPS.hide, { id: targetId, reason: 'x' }],
        [OPS.unhide, { id: targetId }],
      ] as const) {
        const response = await customer.request(query, variables);
        expect([targetId, response.errors?.[0]?.extensions?.code]).toEqual([targetId, 'FORBIDDEN']);
        expectNoMarker('hideContent', response);
      }
    }
    const hidden = await t.sql<{ n: string }>(
      `select (select count(*) from proposals where status = 'HIDDEN')
            + (select count(*) from comments where hidden_at is not null) as n`,
    );
    expect(Number(hidden[0].n)).toBe(0);
  });

  it(
    'answers each operation as the table says, and never with thread B or internal content',
    async () => {
      const ordered = fields().sort((a, b) => Number(!!EXPECTED[a.key]?.last) - Number(!!EXPECTED[b.key]?.last));
      const observed: Record<string, string> = {};
      for (const { key, kind, field } of ordered) {
        const row = EXPECTED[key];
        if (!row) continue;
        const response = await call(customer, kind, field, row);
        observed[key] = outcomeOf(response, field.name);
        expectNoMarker(key, response);
      }
      const expected = Object.fromEntries(Object.keys(observed).map((key) => [key, EXPECTED[key].expect]));
      expect(observed).toEqual(expected);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'refuses everything but the public operations to a deactivated customer',
    async () => {
      const observed: Record<string, string> = {};
      for (const { key, kind, field } of fields()) {
        const response = await call(deactivated, kind, field, EXPECTED[key]);
        observed[key] = outcomeOf(response, field.name);
        expectNoMarker(key, response);
      }
      const expected = Object.fromEntries(Object.keys(observed).map((key) => [key, PUBLIC[key] ?? 'UNAUTHENTICATED']));
      expect(observed).toEqual(expected);
    },
    SETUP_TIMEOUT_MS,
  );
});
