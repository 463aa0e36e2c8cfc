import { ThreadsService } from '../src/co-creation/threads.service';
import {
  HOUR,
  OPS,
  customerEmail,
  expectOk,
  joinAsNewCustomer,
  openThread,
  reasonOf,
  submitProposal,
  tokensFor,
} from './co-creation-fixtures';
import { GqlClient, PASSWORD, TestApp, errorCode, startTestApp } from './support/test-app';

/** Accounts are hashed with argon2 and the app boots: generous on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

describe('co-creation: threads, invitations, proposals, votes, offers', () => {
  let t: TestApp;
  let staff: GqlClient;
  let staffId: string;
  let manager: GqlClient;

  beforeAll(async () => {
    t = await startTestApp();
    ({
      client: staff,
      user: { id: staffId },
    } = await t.signedIn('MARKETER'));
    ({ client: manager } = await t.signedIn('MANAGER'));
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close());

  const count = async (table: string): Promise<number> =>
    Number((await t.sql<{ n: string }>(`select count(*) as n from ${table}`))[0].n);

  describe('the whole flow', () => {
    it(
      'goes from invitation to a published offer crediting its contributors',
      async () => {
        const threadId = await openThread(staff, { runnerIds: [staffId] });

        // Invite two addresses at once; the links wait in the outbox (no SMTP_URL).
        const ana = customerEmail();
        const existing = await t.createUser('CUSTOMER', { displayName: 'Bruno Existant' });
        const invited = expectOk(
          await staff.request<{ inviteCustomers: { email: string; status: string }[] }>(OPS.invite, {
            threadId,
            emails: [ana.toUpperCase(), existing.email],
          }),
        ).inviteCustomers;
        expect(invited.map((row) => [row.email, row.status])).toEqual([
          [ana, 'PENDING'],
          [existing.email, 'PENDING'],
        ]);
        const [anaToken] = await tokensFor(staff, ana);
        const [brunoToken] = await tokensFor(staff, existing.email);
        expect(anaToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
        // Only the hash is stored.
        const stored = await t.sql<{ token_hash: string }>('select token_hash from thread_invitations');
        expect(JSON.stringify(stored)).not.toContain(anaToken);

        // Preview, then accept as a new customer: the account is created and signed in.
        const anonymous = t.client();
        expect(expectOk(await anonymous.request(OPS.preview, { token: anaToken }))).toEqual({
          invitationPreview: { threadTitle: expect.any(String), email: ana, hasAccount: false },
        });
        const { acceptInvitation } = expectOk(
          await anonymous.request<{ acceptInvitation: { id: string; role: string } }>(OPS.accept, {
            token: anaToken,
            displayName: 'Ana Client',
            password: PASSWORD,
          }),
        );
        expect(acceptInvitation.role).toBe('CUSTOMER');
        const customer = anonymous;
        expect(expectOk(await customer.request(OPS.threads))).toEqual({
          coCreationThreads: { edges: [{ node: { id: threadId, title: expect.any(String) } }] },
        });

        // The existing customer joins with their password (a wrong one is refused, nothing written).
        const bruno = t.client();
        expect(expectOk(await bruno.request(OPS.preview, { token: brunoToken })).invitationPreview).toMatchObject({
          hasAccount: true,
        });
        const wrong = await bruno.request(OPS.accept, { token: brunoToken, password: 'not-the-password' });
        expect(reasonOf(wrong)).toBe('invalidCredentials');
        expect(bruno.cookie).toBeUndefined();
        expect(expectOk(await bruno.request(OPS.accept, { token: brunoToken, password: PASSWORD }))).toMatchObject({
          acceptInvitation: { id: existing.id },
        });

        // Proposals while OPEN; the author edits their own.
        const anaProposal = await submitProposal(customer, threadId, 'Jantes cuivrées');
        const brunoProposal = await submitProposal(bruno, threadId, 'Jantes couleur cuivre');
        const third = await submitProposal(bruno, threadId, 'Sellerie bleu nuit');
        expectOk(
          await customer.request(OPS.edit, {
            id: anaProposal,
            input: { title: 'Jantes cuivre satiné', description: 'Avec liseré.', imageIds: [] },
          }),
        );

        // Votes only once VOTING.
        expect(reasonOf(await customer.request(OPS.vote, { id: brunoProposal, vote: true }))).toBe('votingClosed');
        expectOk(await staff.request(OPS.setThreadStatus, { id: threadId, status: 'VOTING' }));
        for (const [client, id] of [
          [customer, anaProposal],
          [customer, brunoProposal],
          [bruno, brunoProposal],
          [bruno, third],
        ] as const) {
          expectOk(await client.request(OPS.vote, { id, vote: true }));
        }
        // Voting again changes nothing.
        expect(
          expectOk(
            await customer.request<{ voteProposal: { voteCount: number } }>(OPS.vote, { id: anaProposal, vote: true }),
          ).voteProposal.voteCount,
        ).toBe(1);

        // Comment on a proposal, as a customer.
        expectOk(await customer.request(OPS.addComment, { input: { targetId: brunoProposal, body: 'Bonne idée !' } }));

        // Staff: note, shortlist, merge the duplicate (Ana voted both: she counts once).
        expectOk(await staff.request(OPS.note, { id: brunoProposal, body: 'NOTE-INTERNE coût élevé' }));
        expectOk(await staff.request(OPS.shortlist, { id: anaProposal, on: true }));
        expectOk(await staff.request(OPS.merge, { id: brunoProposal, into: anaProposal }));
        const merged = expectOk(
          await customer.request<{ proposal: { status: string; mergedInto: string } }>(OPS.proposal, {
            id: brunoProposal,
          }),
        ).proposal;
        expect(merged).toMatchObject({ status: 'MERGED', mergedInto: anaProposal });
        const into = expectOk(
          await customer.request<{ proposal: Record<string, unknown> }>(OPS.proposal, { id: anaProposal }),
        ).proposal;
        // Votes: Ana (both, once) + Bruno = 2; the comment moved along; shortlist and notes hidden from customers.
        expect(into).toMatchObject({ voteCount: 2, commentCount: 1, shortlisted: null, notes: null });

        // Hide the third proposal: its author is told and reads the reason; others do not see it.
        expectOk(await staff.request(OPS.hide, { id: third, reason: 'Hors sujet' }));
        expect(
          expectOk(await bruno.request<{ proposal: { hiddenReason: string } }>(OPS.proposal, { id: third })).proposal
            .hiddenReason,
        ).toBe('Hors sujet');
        expect(errorCode(await customer.request(OPS.proposal, { id: third }))).toBe('NOT_FOUND');
        const brunoKinds = expectOk(
          await bruno.request<{ notifications: { edges: { node: { kind: string } }[] } }>(OPS.notifications),
        ).notifications.edges.map((edge) => edge.node.kind);
        expect(brunoKinds).toContain('PROPOSAL_HIDDEN');

        // Promote into an offer: credits default to the authors of the linked proposals.
        const { createOffer } = expectOk(
          await staff.request<{ createOffer: { id: string; credits: { id: string }[] } }>(OPS.createOffer, {
            threadId,
            proposalIds: [anaProposal],
            input: {
              title: 'Série DS 4 Cuivre',
              description: 'Jantes cuivre satiné, proposées par nos clients.',
              terms: 'Dans la limite des stocks.',
              discountPercent: 8,
              currency: 'EUR',
              validFrom: '2026-12-01',
              validUntil: '2027-01-31',
            },
          }),
        );
        expect(createOffer.credits.map((c) => c.id)).toEqual([acceptInvitation.id]);
        const offerId = createOffer.id;
        // Customers do not see a draft offer.
        expect(errorCode(await customer.request(OPS.offer, { id: offerId }))).toBe('NOT_FOUND');
        // A marketer cannot approve; a manager can; then it is published.
        expect(errorCode(await staff.request(OPS.approveOffer, { id: offerId }))).toBe('FORBIDDEN');
        expect(reasonOf(await staff.request(OPS.publishOffer, { id: offerId }))).toBe('offerTransitionNotAllowed');
        expectOk(await manager.request(OPS.approveOffer, { id: offerId }));
        expectOk(await staff.request(OPS.setCredits, { id: offerId, userIds: [acceptInvitation.id, existing.id] }));
        // The credit change sent it back to DRAFT: approve again, publish.
        expectOk(await manager.request(OPS.approveOffer, { id: offerId }));
        expectOk(await staff.request(OPS.publishOffer, { id: offerId }));

        const seen = expectOk(
          await customer.request<{ offer: { credits: { displayName: string }[]; briefId: unknown } }>(OPS.offer, {
            id: offerId,
          }),
        ).offer;
        expect(seen.credits.map((c) => c.displayName)).toEqual(['Ana Client', 'Bruno Existant']);
        expect(seen.briefId).toBeNull();
        const anaKinds = expectOk(
          await customer.request<{ notifications: { edges: { node: { kind: string } }[] } }>(OPS.notifications),
        ).notifications.edges.map((edge) => edge.node.kind);
        expect(anaKinds).toContain('OFFER_PUBLISHED_CREDIT');

        // Versions: kept from the first approval on (approve, credits, approve, publish).
        const versions = expectOk(
          await staff.request<{ offer: { versions: { status: string }[] } }>(OPS.offerVersions, { id: offerId }),
        ).offer.versions;
        expect(versions.map((v) => v.status)).toEqual(['APPROVED', 'DRAFT', 'APPROVED', 'PUBLISHED']);
        expect(errorCode(await customer.request(OPS.offerVersions, { id: offerId }))).toBe('FORBIDDEN');

        // The figures staff follow.
        const { threadParticipation } = expectOk(
          await staff.request<{ threadParticipation: Record<string, number | null> }>(OPS.participation, {
            id: threadId,
          }),
        );
        expect(threadParticipation).toMatchObject({
          invited: 2,
          accepted: 2,
          activeLast7Days: 2,
          proposals: 2,
          comments: 1,
          votes: 3,
        });
        expect(threadParticipation.hoursToFirstPublishedOffer).toEqual(expect.any(Number));

        // Raw customer responses never carry the staff note nor another person's address.
        const raw = JSON.stringify([
          await customer.request(OPS.proposal, { id: anaProposal }),
          await customer.request(OPS.proposal, { id: brunoProposal }),
          await customer.request(OPS.thread, { id: threadId }),
          await customer.request(OPS.offer, { id: offerId }),
        ]);
        expect(raw).not.toContain('NOTE-INTERNE');
        expect(raw).not.toContain(existing.email);
        expect(raw).not.toContain('@test.example');
      },
      SETUP_TIMEOUT_MS,
    );
  });

  describe('invitation tokens', () => {
    let threadId: string;
    beforeAll(async () => {
      threadId = await openThread(staff);
    }, SETUP_TIMEOUT_MS);

    const invite = async (email = customerEmail()) => {
      const [invitation] = expectOk(
        await staff.request<{ inviteCustomers: { id: string }[] }>(OPS.invite, { threadId, emails: [email] }),
      ).inviteCustomers;
      const [token] = await tokensFor(staff, email);
      return { id: invitation.id, token, email };
    };
    const accept = (token: string, client = t.client()) =>
      client.request(OPS.accept, { token, displayName: 'Quelqu’un', password: PASSWORD });

    const expectInvalid = async (token: string) => {
      const users = await count('users');
      const preview = await t.client().request(OPS.preview, { token });
      const accepted = await accept(token);
      for (const response of [preview, accepted]) {
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(reasonOf(response)).toBe('invitationInvalid');
      }
      // One message for every case.
      expect(preview.errors![0].message).toBe(accepted.errors![0].message);
      expect(await count('users')).toBe(users);
    };

    it('refuses a used token, whatever is sent with it', async () => {
      const { token } = await invite();
      expectOk(await accept(token));
      await expectInvalid(token);
    });

    it('refuses an expired token', async () => {
      const { id, token } = await invite();
      await t.sql(`update thread_invitations set expires_at = now() - interval '1 second' where id = $1`, [id]);
      await expectInvalid(token);
    });

    it('expires after INVITATION_TTL_DAYS (14 by default)', async () => {
      const { id } = await invite();
      const [row] = await t.sql<{ days: string }>(
        `select round(extract(epoch from expires_at - created_at) / 86400) as days from thread_invitations where id = $1`,
        [id],
      );
      expect(Number(row.days)).toBe(14);
    });

    it('refuses a revoked token, and revoking an accepted one takes the thread away', async () => {
      const { id, token } = await invite();
      expectOk(await staff.request(OPS.revoke, { id }));
      await expectInvalid(token);

      const member = await invite();
      const client = t.client();
      expectOk(await accept(member.token, client));
      expectOk(await client.request(OPS.thread, { id: threadId }));
      expectOk(await staff.request(OPS.revoke, { id: member.id }));
      expect(errorCode(await client.request(OPS.thread, { id: threadId }))).toBe('NOT_FOUND');
    });

    it('joins the thread of the token only: it opens no other thread', async () => {
      const otherThreadId = await openThread(staff);
      const { token } = await invite();
      const client = t.client();
      expectOk(await accept(token, client));
      expectOk(await client.request(OPS.thread, { id: threadId }));
      expect(errorCode(await client.request(OPS.thread, { id: otherThreadId }))).toBe('NOT_FOUND');
      // The same token, used again to reach the other thread, is as dead as any used token.
      await expectInvalid(token);
      expect(errorCode(await client.request(OPS.thread, { id: otherThreadId }))).toBe('NOT_FOUND');
    });

    it('refuses tampered, random and malformed tokens', async () => {
      const { token } = await invite();
      const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      await expectInvalid(tampered);
      await expectInvalid('A'.repeat(43));
      await expectInvalid('not a token');
      // The genuine one still works.
      expectOk(await accept(token));
    });

    it('re-inviting an address replaces its pending link', async () => {
      const email = customerEmail();
      const first = await invite(email);
      const second = await invite(email);
      await expectInvalid(first.token);
      expectOk(await accept(second.token));
    });

    it('a token joins its own thread only', async () => {
      const other = await openThread(staff);
      const { token } = await invite();
      const client = t.client();
      expectOk(await accept(token, client));
      expect(errorCode(await client.request(OPS.thread, { id: other }))).toBe('NOT_FOUND');
    });

    it('invites every address or none: a bad one or a staff one is named, nothing is written', async () => {
      const before = [await count('thread_invitations'), await count('outbox_messages')];
      const bad = await staff.request(OPS.invite, { threadId, emails: [customerEmail(), 'pas-une-adresse'] });
      expect(reasonOf(bad)).toBe('invalidEmail');
      expect(bad.errors![0].message).toContain('pas-une-adresse');
      const colleague = await t.createUser('MARKETER');
      const staffInvite = await staff.request(OPS.invite, { threadId, emails: [customerEmail(), colleague.email] });
      expect(reasonOf(staffInvite)).toBe('staffInvited');
      expect(staffInvite.errors![0].message).toContain(colleague.email);
      expect([await count('thread_invitations'), await count('outbox_messages')]).toEqual(before);
    });

    it('checks the new account like any other and writes nothing on refusal', async () => {
      const { token } = await invite();
      const users = await count('users');
      const short = await t.client().request(OPS.accept, { token, displayName: 'Ok', password: 'short' });
      expect(reasonOf(short)).toBe('passwordTooShort');
      const noName = await t.client().request(OPS.accept, { token, displayName: ' ', password: PASSWORD });
      expect(reasonOf(noName)).toBe('required');
      expect(await count('users')).toBe(users);
      expectOk(await accept(token));
    });

    it('joins an existing customer already signed in without a password', async () => {
      const existing = await t.createUser('CUSTOMER');
      const client = t.client();
      await client.signIn(existing.email);
      const { token } = await invite(existing.email);
      expectOk(await client.request(OPS.accept, { token }));
      expectOk(await client.request(OPS.thread, { id: threadId }));
    });

    it(
      "counts passwords tried through an invitation with the account's sign-in failures",
      async () => {
        const limited = await startTestApp({ SIGNIN_MAX_FAILURES_PER_EMAIL: '2' });
        try {
          const { client: inviter } = await limited.signedIn('MARKETER');
          const threadId = await openThread(inviter);
          const existing = await limited.createUser('CUSTOMER');
          expectOk(await inviter.request(OPS.invite, { threadId, emails: [existing.email] }));
          const [token] = await tokensFor(inviter, existing.email);
          for (let i = 0; i < 2; i += 1) {
            expect(errorCode(await limited.client().signIn(existing.email, 'wrong-password'))).toBe('UNAUTHENTICATED');
          }
          // Even the right password waits for the window to close, as at sign-in.
          const response = await limited.client().request(OPS.accept, { token, password: PASSWORD });
          expect(errorCode(response)).toBe('TOO_MANY_REQUESTS');
          expect(await limited.sql('select id from thread_invitations where accepted_at is not null')).toEqual([]);
        } finally {
          await limited.close();
        }
      },
      SETUP_TIMEOUT_MS,
    );

    it(
      'limits failed attempts per client address',
      async () => {
        const limited = await startTestApp({ SIGNIN_MAX_FAILURES_PER_IP: '3' });
        try {
          const client = limited.client();
          for (let i = 0; i < 3; i += 1) {
            expect(reasonOf(await client.request(OPS.accept, { token: 'B'.repeat(43) }))).toBe('invitationInvalid');
          }
          expect(errorCode(await client.request(OPS.accept, { token: 'B'.repeat(43) }))).toBe('TOO_MANY_REQUESTS');
        } finally {
          await limited.close();
        }
      },
      SETUP_TIMEOUT_MS,
    );
  });

  describe('refusals', () => {
    let threadId: string;
    let customer: GqlClient;
    let other: GqlClient;
    let proposalId: string;

    beforeAll(async () => {
      threadId = await openThread(staff);
      ({ client: customer } = await joinAsNewCustomer(t, staff, threadId));
      ({ client: other } = await joinAsNewCustomer(t, staff, threadId));
      proposalId = await submitProposal(customer, threadId);
    }, SETUP_TIMEOUT_MS);

    it('refuses staff tools to customers, writing nothing', async () => {
      const calls: [string, Record<string, unknown>][] = [
        [OPS.note, { id: proposalId, body: 'x' }],
        [OPS.hide, { id: proposalId, reason: 'x' }],
        [OPS.shortlist, { id: proposalId, on: true }],
        [OPS.merge, { id: proposalId, into: proposalId }],
        [OPS.invite, { threadId, emails: [customerEmail()] }],
        [OPS.setThreadStatus, { id: threadId, status: 'VOTING' }],
        [OPS.participation, { id: threadId }],
        [OPS.invitations, { threadId }],
        [OPS.outbox, {}],
        [
          OPS.createOffer,
          { threadId, proposalIds: [proposalId], input: { title: 'x', description: 'x', currency: 'EUR', terms: '' } },
        ],
      ];
      const before = await count('proposal_notes');
      for (const [query, variables] of calls) {
        expect(errorCode(await customer.request(query, variables))).toBe('FORBIDDEN');
      }
      expect(await count('proposal_notes')).toBe(before);
      expect(
        expectOk(await staff.request<{ proposal: { status: string } }>(OPS.proposal, { id: proposalId })).proposal
          .status,
      ).toBe('ACTIVE');
    });

    it("refuses editing another customer's proposal", async () => {
      const response = await other.request(OPS.edit, {
        id: proposalId,
        input: { title: 'Piraté', description: 'x', imageIds: [] },
      });
      expect(errorCode(response)).toBe('FORBIDDEN');
      const [row] = await t.sql<{ title: string }>('select title from proposals where id = $1', [proposalId]);
      expect(row.title).not.toBe('Piraté');
    });

    it('refuses voting outside VOTING and proposing or editing after OPEN', async () => {
      expect(reasonOf(await other.request(OPS.vote, { id: proposalId, vote: true }))).toBe('votingClosed');
      const closing = await openThread(staff);
      const { client } = await joinAsNewCustomer(t, staff, closing);
      const mine = await submitProposal(client, closing);
      expectOk(await staff.request(OPS.setThreadStatus, { id: closing, status: 'VOTING' }));
      expect(
        reasonOf(
          await client.request(OPS.edit, { id: mine, input: { title: 'Après', description: 'x', imageIds: [] } }),
        ),
      ).toBe('proposalsClosed');
      expect(
        reasonOf(
          await client.request(OPS.submit, {
            threadId: closing,
            input: { title: 'Tard', description: 'x', imageIds: [] },
          }),
        ),
      ).toBe('proposalsClosed');
      expectOk(await staff.request(OPS.setThreadStatus, { id: closing, status: 'CLOSED' }));
      expect(reasonOf(await client.request(OPS.vote, { id: mine, vote: true }))).toBe('votingClosed');
      const [votes] = await t.sql<{ n: string }>('select count(*) as n from proposal_votes where proposal_id = $1', [
        mine,
      ]);
      expect(Number(votes.n)).toBe(0);
    });

    it('counts one vote per person even when two requests race', async () => {
      const racing = await openThread(staff);
      const { client } = await joinAsNewCustomer(t, staff, racing);
      const id = await submitProposal(client, racing);
      expectOk(await staff.request(OPS.setThreadStatus, { id: racing, status: 'VOTING' }));
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => client.request(OPS.vote, { id, vote: true })),
      );
      for (const response of responses) expectOk(response);
      const [row] = await t.sql<{ vote_count: number; votes: string }>(
        `select p.vote_count, (select count(*) from proposal_votes v where v.proposal_id = p.id) as votes
           from proposals p where p.id = $1`,
        [id],
      );
      expect([row.vote_count, Number(row.votes)]).toEqual([1, 1]);
    });

    it('hides a draft thread from its invited customers', async () => {
      const draft = await openThread(staff, { open: false });
      const email = customerEmail();
      expectOk(await staff.request(OPS.invite, { threadId: draft, emails: [email] }));
      const [token] = await tokensFor(staff, email);
      const client = t.client();
      expectOk(await client.request(OPS.accept, { token, displayName: 'Tôt', password: PASSWORD }));
      expect(errorCode(await client.request(OPS.thread, { id: draft }))).toBe('NOT_FOUND');
      expectOk(await staff.request(OPS.setThreadStatus, { id: draft, status: 'OPEN' }));
      expectOk(await client.request(OPS.thread, { id: draft }));
    });
  });

  describe('staff edits', () => {
    it('updates a thread: text, dates and runners (active staff only), nothing written on refusal', async () => {
      const threadId = await openThread(staff);
      const customer = await t.createUser('CUSTOMER');
      const update = `mutation ($id: ID!, $input: UpdateCoCreationThreadInput!) { updateCoCreationThread(id: $id, input: $input) {
        title questionHtml runners { id isStaff } } }`;
      expect(reasonOf(await staff.request(update, { id: threadId, input: { runnerIds: [customer.id] } }))).toBe(
        'unknownRunner',
      );
      expect(
        reasonOf(
          await staff.request(update, {
            id: threadId,
            input: { title: 'Jamais', closesAt: new Date(Date.now() - 3 * HOUR).toISOString() },
          }),
        ),
      ).toBe('closesBeforeOpens');
      const { updateCoCreationThread: updated } = expectOk(
        await staff.request<{ updateCoCreationThread: Record<string, unknown> }>(update, {
          id: threadId,
          input: { title: 'Nouveau titre', question: 'Et *maintenant* ?', runnerIds: [staffId] },
        }),
      );
      expect(updated).toEqual({
        title: 'Nouveau titre',
        questionHtml: expect.stringContaining('<em>maintenant</em>'),
        runners: [{ id: staffId, isStaff: true }],
      });
    });

    it('keeps published offers as they are and credits only people of the thread', async () => {
      const threadId = await openThread(staff);
      const { client, id: customerId } = await joinAsNewCustomer(t, staff, threadId);
      const proposalId = await submitProposal(client, threadId);
      const outsider = await t.createUser('CUSTOMER');
      const { createOffer } = expectOk(
        await staff.request<{ createOffer: { id: string } }>(OPS.createOffer, {
          threadId,
          proposalIds: [proposalId],
          input: { title: 'Offre', description: 'x', terms: '', currency: 'EUR' },
        }),
      );
      expect(reasonOf(await staff.request(OPS.setCredits, { id: createOffer.id, userIds: [outsider.id] }))).toBe(
        'unknownContributor',
      );
      expectOk(await staff.request(OPS.setCredits, { id: createOffer.id, userIds: [customerId, staffId] }));
      expectOk(await manager.request(OPS.approveOffer, { id: createOffer.id }));
      expectOk(await staff.request(OPS.publishOffer, { id: createOffer.id }));
      const input = { title: 'Changée', description: 'x', terms: '', currency: 'EUR' };
      expect(reasonOf(await staff.request(OPS.updateOffer, { id: createOffer.id, input }))).toBe('offerNotEditable');
      expectOk(await staff.request(OPS.withdrawOffer, { id: createOffer.id }));
      expect(errorCode(await client.request(OPS.offer, { id: createOffer.id }))).toBe('NOT_FOUND');
    });
  });

  describe('moderation through hideContent', () => {
    it('hides and shows again a proposal or a comment of a thread; anything else is refused, nothing written', async () => {
      const threadId = await openThread(staff);
      const { client } = await joinAsNewCustomer(t, staff, threadId);
      const proposalId = await submitProposal(client, threadId);
      const { addComment } = expectOk(
        await client.request<{ addComment: { id: string } }>(OPS.addComment, {
          input: { targetId: proposalId, body: 'Hors sujet ici' },
        }),
      );
      expect(expectOk(await staff.request(OPS.hide, { id: proposalId, reason: 'Doublon' }))).toEqual({
        hideContent: { __typename: 'Proposal', id: proposalId, status: 'HIDDEN', hiddenReason: 'Doublon' },
      });
      expect(expectOk(await staff.request(OPS.hide, { id: addComment.id, reason: 'Hors sujet' }))).toEqual({
        hideContent: { __typename: 'Comment', id: addComment.id, hidden: true, hiddenReason: 'Hors sujet' },
      });
      expect(expectOk(await staff.request(OPS.unhide, { id: proposalId }))).toEqual({
        unhideContent: { __typename: 'Proposal', id: proposalId, status: 'ACTIVE', hiddenReason: null },
      });
      expect(expectOk(await staff.request(OPS.unhide, { id: addComment.id }))).toEqual({
        unhideContent: { __typename: 'Comment', id: addComment.id, hidden: false, hiddenReason: null },
      });

      // An empty reason, an offer, a thread, an unknown id: refused, nothing hidden.
      expect(reasonOf(await staff.request(OPS.hide, { id: proposalId, reason: ' ' }))).toBe('required');
      const { createOffer } = expectOk(
        await staff.request<{ createOffer: { id: string } }>(OPS.createOffer, {
          threadId,
          proposalIds: [proposalId],
          input: { title: 'Offre', description: 'x', terms: '', currency: 'EUR' },
        }),
      );
      expect(reasonOf(await staff.request(OPS.hide, { id: createOffer.id, reason: 'x' }))).toBe('notHideable');
      expect(errorCode(await staff.request(OPS.hide, { id: threadId, reason: 'x' }))).toBe('NOT_FOUND');
      expect(errorCode(await staff.request(OPS.hide, { id: 'pas-un-id', reason: 'x' }))).toBe('NOT_FOUND');
      const [row] = await t.sql<{ status: string; hidden_at: Date | null }>(
        `select p.status, c.hidden_at from proposals p join comments c on c.target_id = p.id where p.id = $1`,
        [proposalId],
      );
      expect(row).toEqual({ status: 'ACTIVE', hidden_at: null });
    });

    it("hides comments elsewhere by the comments' own rule: administrators only", async () => {
      const { client: admin } = await t.signedIn('ADMIN');
      const { createSpace } = expectOk(
        await admin.request<{ createSpace: { id: string } }>(
          `mutation ($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
          { input: { name: `Espace ${Date.now()}` } },
        ),
      );
      const { createPost } = expectOk(
        await admin.request<{ createPost: { id: string } }>(
          `mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }`,
          { input: { spaceId: createSpace.id, body: 'Lancement DS 4' } },
        ),
      );
      const { addComment } = expectOk(
        await admin.request<{ addComment: { id: string } }>(OPS.addComment, {
          input: { targetId: createPost.id, body: 'Lien vers un concurrent' },
        }),
      );
      expect(reasonOf(await admin.request(OPS.hide, { id: createPost.id, reason: 'x' }))).toBe('notHideable');
      expect(errorCode(await manager.request(OPS.hide, { id: addComment.id, reason: 'Hors sujet' }))).toBe('FORBIDDEN');
      expect(expectOk(await admin.request(OPS.hide, { id: addComment.id, reason: 'Hors sujet' }))).toMatchObject({
        hideContent: { __typename: 'Comment', hidden: true },
      });
    });
  });

  describe('dates', () => {
    it('moves threads by their dates: the sweep, given a clock', async () => {
      const threadId = await openThread(staff);
      const threads = t.app.get(ThreadsService);
      const [row] = await t.sql<{ closes_at: Date; voting_ends_at: Date }>(
        'select closes_at, voting_ends_at from co_creation_threads where id = $1',
        [threadId],
      );
      expect(await threads.sweep(new Date(row.closes_at.getTime() - 1000))).not.toContain(threadId);
      expect(await threads.sweep(new Date(row.closes_at.getTime() + 1000))).toContain(threadId);
      let [{ status }] = await t.sql<{ status: string }>('select status from co_creation_threads where id = $1', [
        threadId,
      ]);
      expect(status).toBe('VOTING');
      expect(await threads.sweep(new Date(row.voting_ends_at.getTime() + HOUR))).toContain(threadId);
      [{ status }] = await t.sql<{ status: string }>('select status from co_creation_threads where id = $1', [
        threadId,
      ]);
      expect(status).toBe('CLOSED');
    });

    it('reads a thread with the status its dates give it, before any sweep', async () => {
      const threadId = await openThread(staff);
      await t.sql(`update co_creation_threads set closes_at = now() - interval '1 minute' where id = $1`, [threadId]);
      expect(
        expectOk(await staff.request<{ coCreationThread: { status: string } }>(OPS.thread, { id: threadId }))
          .coCreationThread.status,
      ).toBe('VOTING');
    });

    it('refuses moving a thread backwards', async () => {
      const threadId = await openThread(staff);
      expectOk(await staff.request(OPS.setThreadStatus, { id: threadId, status: 'VOTING' }));
      expect(reasonOf(await staff.request(OPS.setThreadStatus, { id: threadId, status: 'OPEN' }))).toBe(
        'threadTransitionNotAllowed',
      );
    });
  });

  describe('mail', () => {
    it(
      'sends through SMTP when SMTP_URL is set, and then keeps nothing in the outbox',
      async () => {
        // Nothing listens there: the delivery fails after the invitation is saved, and is only logged.
        const smtp = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
        try {
          const { client } = await smtp.signedIn('MARKETER');
          const threadId = await openThread(client);
          const email = customerEmail();
          expectOk(await client.request(OPS.invite, { threadId, emails: [email] }));
          expect(await smtp.sql('select id from outbox_messages')).toEqual([]);
          expect(await smtp.sql('select id from thread_invitations where email = $1', [email])).toHaveLength(1);
        } finally {
          await smtp.close();
        }
      },
      SETUP_TIMEOUT_MS,
    );

    it('writes one outbox message per invitation, with the link and the thread', async () => {
      const threadId = await openThread(staff, { title: 'Fil du courrier' });
      const email = customerEmail();
      expectOk(await staff.request(OPS.invite, { threadId, emails: [email] }));
      const { outbox } = expectOk(
        await staff.request<{
          outbox: { edges: { node: { to: string; subject: string; text: string; link: string } }[] };
        }>(OPS.outbox),
      );
      const message = outbox.edges.map((edge) => edge.node).find((node) => node.to === email)!;
      expect(message.subject).toContain('Fil du courrier');
      expect(message.link).toMatch(new RegExp(`^${t.baseUrl}/invitation/[A-Za-z0-9_-]{43}$`));
      expect(message.text).toContain(message.link);
    });
  });

  describe('search and lists', () => {
    it('indexes visible proposals and published offers for staff; customers cannot search', async () => {
      const threadId = await openThread(staff);
      const { client } = await joinAsNewCustomer(t, staff, threadId);
      const id = await submitProposal(client, threadId, 'Calandre chromée satinée');
      const search = `query ($q: String!) { search(query: $q) { edges { node { type id rootType scopeType title } } } }`;
      const found = async (q: string) =>
        expectOk(
          await staff.request<{ search: { edges: { node: { id: string; type: string; scopeType: string } }[] } }>(
            search,
            { q },
          ),
        ).search.edges.map((edge) => edge.node);
      expect(await found('calandre')).toEqual([expect.objectContaining({ id, type: 'PROPOSAL', scopeType: 'THREAD' })]);
      expect(errorCode(await client.request(search, { q: 'calandre' }))).toBe('FORBIDDEN');
      expectOk(await staff.request(OPS.hide, { id, reason: 'Doublon' }));
      expect(await found('calandre')).toEqual([]);
    });

    it('pages proposals without repeating or skipping, in each order', async () => {
      const threadId = await openThread(staff);
      const { client } = await joinAsNewCustomer(t, staff, threadId);
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push(await submitProposal(client, threadId, `Idée ${i}`));
      expectOk(await staff.request(OPS.setThreadStatus, { id: threadId, status: 'VOTING' }));
      expectOk(await client.request(OPS.vote, { id: ids[2], vote: true }));
      expectOk(await staff.request(OPS.shortlist, { id: ids[4], on: true }));
      const page = `query ($id: ID!, $after: String, $orderBy: ProposalOrder!) {
        proposals(threadId: $id, orderBy: $orderBy, first: 2, after: $after) {
          edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
      const all = async (viewer: GqlClient, orderBy: string) => {
        const seen: string[] = [];
        let after: string | null = null;
        for (;;) {
          const data: {
            proposals: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          } = expectOk(await viewer.request(page, { id: threadId, after, orderBy }));
          seen.push(...data.proposals.edges.map((edge) => edge.node.id));
          if (!data.proposals.pageInfo.hasNextPage) return seen;
          after = data.proposals.pageInfo.endCursor;
        }
      };
      expect(await all(staff, 'NEWEST')).toEqual([...ids].reverse());
      expect(await all(staff, 'MOST_VOTED')).toEqual([ids[2], ids[4], ids[3], ids[1], ids[0]]);
      expect(await all(staff, 'SHORTLISTED')).toEqual([ids[4], ids[2], ids[3], ids[1], ids[0]]);
      // The shortlist is staff's: customers asking for it get the vote order.
      expect(await all(client, 'SHORTLISTED')).toEqual([ids[2], ids[4], ids[3], ids[1], ids[0]]);
    });
  });

  describe('merge', () => {
    it('keeps every vote exactly once', async () => {
      const threadId = await openThread(staff);
      const people = await Promise.all([1, 2, 3].map(() => joinAsNewCustomer(t, staff, threadId)));
      const a = await submitProposal(people[0].client, threadId, 'A');
      const b = await submitProposal(people[1].client, threadId, 'B');
      expectOk(await staff.request(OPS.setThreadStatus, { id: threadId, status: 'VOTING' }));
      // 0 votes A and B, 1 votes A, 2 votes B.
      for (const [i, id] of [
        [0, a],
        [0, b],
        [1, a],
        [2, b],
      ] as const) {
        expectOk(await people[i].client.request(OPS.vote, { id, vote: true }));
      }
      expectOk(await staff.request(OPS.merge, { id: b, into: a }));
      const [row] = await t.sql<{ vote_count: number }>('select vote_count from proposals where id = $1', [a]);
      const voters = await t.sql<{ user_id: string }>('select user_id from proposal_votes where proposal_id = $1', [a]);
      expect(row.vote_count).toBe(3);
      expect(voters.map((v) => v.user_id).sort()).toEqual(people.map((p) => p.id).sort());
      // Merging again, or into a merged one, is refused.
      expect(reasonOf(await staff.request(OPS.merge, { id: b, into: a }))).toBe('mergeNotAllowed');
      expect(reasonOf(await staff.request(OPS.merge, { id: a, into: b }))).toBe('mergeNotAllowed');
    });
  });
});
