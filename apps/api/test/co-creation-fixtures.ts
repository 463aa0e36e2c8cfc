import { randomBytes } from 'node:crypto';
import { GqlClient, GraphQLResponse, PASSWORD, TestApp } from './support/test-app';

/** The operations the co-creation tests share. */
export const OPS = {
  createThread: `mutation ($input: CreateCoCreationThreadInput!) { createCoCreationThread(input: $input) { id status } }`,
  setThreadStatus: `mutation ($id: ID!, $status: ThreadStatus!) { setThreadStatus(id: $id, status: $status) { id status } }`,
  thread: `query ($id: ID!) { coCreationThread(id: $id) { id title status viewerCanPropose viewerCanVote proposalCount
             brief { id } runners { id displayName isStaff } }
           proposals(threadId: $id, orderBy: MOST_VOTED, first: 20) { edges { node { id title voteCount } } }
           offers(threadId: $id) { id status } }`,
  threads: `query { coCreationThreads(first: 50) { edges { node { id title } } } }`,
  invite: `mutation ($threadId: ID!, $emails: [String!]!) { inviteCustomers(threadId: $threadId, emails: $emails) { id email status expiresAt } }`,
  revoke: `mutation ($id: ID!) { revokeInvitation(id: $id) { id status } }`,
  invitations: `query ($threadId: ID!) { invitations(threadId: $threadId) { id email status invitedBy { displayName } } }`,
  outbox: `query { outbox(first: 50) { edges { node { id to subject text link } } } }`,
  preview: `query ($token: String!) { invitationPreview(token: $token) { threadTitle email hasAccount } }`,
  accept: `mutation ($token: String!, $displayName: String, $password: String) {
             acceptInvitation(token: $token, displayName: $displayName, password: $password) { id role displayName } }`,
  submit: `mutation ($threadId: ID!, $input: SubmitProposalInput!) { submitProposal(threadId: $threadId, input: $input) {
             id title status voteCount author { id displayName isStaff } } }`,
  edit: `mutation ($id: ID!, $input: EditProposalInput!) { editProposal(id: $id, input: $input) { id title editedAt } }`,
  vote: `mutation ($id: ID!, $vote: Boolean!) { voteProposal(id: $id, vote: $vote) { id voteCount viewerHasVoted } }`,
  proposal: `query ($id: ID!) { proposal(id: $id) { id title status hiddenReason shortlisted mergedInto voteCount viewerHasVoted
               author { id displayName isStaff } notes { id body } commentCount
               comments { id body author { id displayName email } } images { id url } } }`,
  note: `mutation ($id: ID!, $body: String!) { addStaffNote(proposalId: $id, body: $body) { id body author { displayName } } }`,
  hide: `mutation ($id: ID!, $reason: String!) { hideContent(targetId: $id, reason: $reason) {
           __typename ... on Proposal { id status hiddenReason } ... on Comment { id hidden hiddenReason } } }`,
  unhide: `mutation ($id: ID!) { unhideContent(targetId: $id) {
             __typename ... on Proposal { id status hiddenReason } ... on Comment { id hidden hiddenReason } } }`,
  shortlist: `mutation ($id: ID!, $on: Boolean!) { shortlistProposal(id: $id, shortlisted: $on) { id shortlisted } }`,
  merge: `mutation ($id: ID!, $into: ID!) { mergeProposal(id: $id, intoId: $into) { id status mergedInto } }`,
  addComment: `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
  createOffer: `mutation ($threadId: ID!, $proposalIds: [ID!]!, $input: CreateOfferInput!) {
                  createOffer(threadId: $threadId, proposalIds: $proposalIds, input: $input) { id status credits { id displayName } } }`,
  updateOffer: `mutation ($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id status title } }`,
  setCredits: `mutation ($id: ID!, $userIds: [ID!]!) { setOfferCredits(offerId: $id, userIds: $userIds) { id credits { id } } }`,
  approveOffer: `mutation ($id: ID!) { approveOffer(id: $id) { id status publishedAt } }`,
  publishOffer: `mutation ($id: ID!) { publishOffer(id: $id) { id status publishedAt } }`,
  withdrawOffer: `mutation ($id: ID!) { withdrawOffer(id: $id) { id status publishedAt } }`,
  offer: `query ($id: ID!) { offer(id: $id) { id title status briefId credits { id displayName isStaff } proposals { id } } }`,
  offerVersions: `query ($id: ID!) { offer(id: $id) { id versions { version status snapshot } } }`,
  participation: `query ($id: ID!) { threadParticipation(threadId: $id) { invited accepted activeLast7Days proposals comments votes hoursToFirstPublishedOffer } }`,
  notifications: `query { notifications(first: 20) { edges { node { kind } } } }`,
};

export const HOUR = 3_600_000;

export function expectOk<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`unexpected error: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

export const reasonOf = (response: GraphQLResponse): unknown => response.errors?.[0]?.extensions?.reason;

/** A thread created by `staff`, opened unless told otherwise: proposals open now, voting later. */
export async function openThread(
  staff: GqlClient,
  options: { title?: string; open?: boolean; runnerIds?: string[] } = {},
): Promise<string> {
  const now = Date.now();
  const { createCoCreationThread: created } = expectOk(
    await staff.request<{ createCoCreationThread: { id: string } }>(OPS.createThread, {
      input: {
        title: options.title ?? `Édition limitée ${randomBytes(3).toString('hex')}`,
        question: 'Quelle finition **imaginez-vous** pour la DS 4 ?',
        rules: 'Une proposition par idée.',
        opensAt: new Date(now - HOUR).toISOString(),
        closesAt: new Date(now + 24 * HOUR).toISOString(),
        votingEndsAt: new Date(now + 48 * HOUR).toISOString(),
        runnerIds: options.runnerIds ?? [],
      },
    }),
  );
  if (options.open !== false) {
    expectOk(await staff.request(OPS.setThreadStatus, { id: created.id, status: 'OPEN' }));
  }
  return created.id;
}

/** The tokens of the outbox messages sent to `email`, newest first. */
export async function tokensFor(staff: GqlClient, email: string): Promise<string[]> {
  const { outbox } = expectOk(
    await staff.request<{ outbox: { edges: { node: { to: string; link: string } }[] } }>(OPS.outbox),
  );
  return outbox.edges.filter((edge) => edge.node.to === email).map((edge) => edge.node.link.split('/invitation/')[1]);
}

export const customerEmail = (): string => `client-${randomBytes(4).toString('hex')}@client.example`;

/** Invites a new address to the thread and accepts as a new customer: a signed-in client. */
export async function joinAsNewCustomer(
  t: TestApp,
  staff: GqlClient,
  threadId: string,
  displayName = `Client ${randomBytes(2).toString('hex')}`,
): Promise<{ client: GqlClient; id: string; email: string }> {
  const email = customerEmail();
  expectOk(await staff.request(OPS.invite, { threadId, emails: [email] }));
  const [token] = await tokensFor(staff, email);
  const client = t.client();
  const { acceptInvitation } = expectOk(
    await client.request<{ acceptInvitation: { id: string } }>(OPS.accept, { token, displayName, password: PASSWORD }),
  );
  return { client, id: acceptInvitation.id, email };
}

export async function submitProposal(client: GqlClient, threadId: string, title = 'Toit noir perla'): Promise<string> {
  const { submitProposal } = expectOk(
    await client.request<{ submitProposal: { id: string } }>(OPS.submit, {
      threadId,
      input: { title, description: 'Un toit **noir** contrasté.', imageIds: [] },
    }),
  );
  return submitProposal.id;
}
