import { io, Socket } from 'socket.io-client';
import { OPS, expectOk, joinAsNewCustomer, openThread, submitProposal } from './co-creation-fixtures';
import { LiveGateway } from '../src/live/live.gateway';
import { GqlClient, TestApp, startTestApp } from './support/test-app';

/** Accounts are hashed with argon2 and the app boots: generous on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

const QUIET_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A socket as the web app opens it, recording every event. */
class LiveClient {
  readonly socket: Socket;
  readonly received: { event: string; payload: Record<string, unknown> }[] = [];

  constructor(baseUrl: string, client: GqlClient) {
    this.socket = io(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: client.cookie! },
      reconnection: false,
      forceNew: true,
    });
    this.socket.onAny((event: string, payload: Record<string, unknown>) => this.received.push({ event, payload }));
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  subscribe(type: string, id: string, staff?: boolean): Promise<{ ok: boolean; error?: string }> {
    return new Promise((resolve) => this.socket.emit('scope.subscribe', { type, id, staff }, resolve));
  }

  async waitFor(event: string, match: Record<string, unknown>): Promise<void> {
    const found = () =>
      this.received.some(
        (item) => item.event === event && Object.entries(match).every(([k, v]) => item.payload[k] === v),
      );
    for (let waited = 0; !found() && waited < 5000; waited += 20) await sleep(20);
    expect(found()).toBe(true);
  }
}

describe('co-creation: live events reach a customer for their thread only', () => {
  let t: TestApp;
  let staff: GqlClient;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ({ client: staff } = await t.signedIn('MARKETER'));
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    for (const live of sockets) live.socket.disconnect();
    await t.close();
  });

  const open = async (client: GqlClient) => {
    const live = new LiveClient(t.baseUrl, client);
    sockets.push(live);
    await live.connected();
    return live;
  };

  it("refuses another thread's room, delivers its own, and never a staff note", async () => {
    const threadA = await openThread(staff);
    const threadB = await openThread(staff);
    const customer = await joinAsNewCustomer(t, staff, threadA);
    const neighbour = await joinAsNewCustomer(t, staff, threadA);
    const outsider = await joinAsNewCustomer(t, staff, threadB);

    const live = await open(customer.client);
    expect(await live.subscribe('THREAD', threadB)).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(await live.subscribe('THREAD', threadA)).toEqual({ ok: true });
    const staffLive = await open(staff);
    expect(await staffLive.subscribe('THREAD', threadB)).toEqual({ ok: true });

    // Activity in both threads.
    const inB = await submitProposal(outsider.client, threadB, 'Dans le fil B');
    const inA = await submitProposal(neighbour.client, threadA, 'Dans le fil A');
    expectOk(await staff.request(OPS.note, { id: inA, body: 'NOTE-INTERNE-LIVE' }));
    expectOk(await staff.request(OPS.shortlist, { id: inA, on: true }));
    expectOk(await outsider.client.request(OPS.addComment, { input: { targetId: inB, body: 'Commentaire B' } }));

    await live.waitFor('proposal.created', { threadId: threadA, proposalId: inA });
    await staffLive.waitFor('proposal.created', { threadId: threadB, proposalId: inB });
    await staffLive.waitFor('comment.created', { rootId: inB });
    await sleep(QUIET_MS);
    const raw = JSON.stringify(live.received);
    expect(raw).not.toContain(threadB);
    expect(raw).not.toContain(inB);
    expect(raw).not.toContain('NOTE-INTERNE-LIVE');
    // Notes and the shortlist are staff's: not even an id-only ping reaches the room.
    expect(live.received.filter((item) => item.event === 'proposal.updated')).toEqual([]);
    // Payloads carry ids only.
    for (const { payload } of live.received) {
      for (const value of Object.values(payload)) expect(typeof value === 'string' ? value.length : 0).toBeLessThan(80);
    }
  });

  it("sends notes and shortlist changes to the thread's staff room only", async () => {
    const threadId = await openThread(staff);
    const other = await openThread(staff);
    const customer = await joinAsNewCustomer(t, staff, threadId);
    const proposalId = await submitProposal(customer.client, threadId, 'Sellerie cuir Basalte');

    const customerLive = await open(customer.client);
    // Asking for the staff room refuses the whole subscription: not even the thread's room is joined.
    expect(await customerLive.subscribe('THREAD', threadId, true)).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await customerLive.subscribe('THREAD', other, true)).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(await customerLive.subscribe('BRIEF', threadId, true)).toEqual({ ok: false, error: 'BAD_USER_INPUT' });
    const customerIn = await open(customer.client);
    expect(await customerIn.subscribe('THREAD', threadId)).toEqual({ ok: true });
    const staffLive = await open(staff);
    expect(await staffLive.subscribe('THREAD', threadId, true)).toEqual({ ok: true });
    // Staff watching the thread without asking for its staff room hear what customers hear.
    const staffPlain = await open(staff);
    expect(await staffPlain.subscribe('THREAD', threadId)).toEqual({ ok: true });

    const { addStaffNote } = expectOk(
      await staff.request<{ addStaffNote: { id: string } }>(OPS.note, { id: proposalId, body: 'NOTE-INTERNE-SALLE' }),
    );
    expectOk(await staff.request(OPS.shortlist, { id: proposalId, on: true }));
    await staffLive.waitFor('proposal.noted', { threadId, proposalId, noteId: addStaffNote.id });
    await staffLive.waitFor('proposal.shortlisted', { threadId, proposalId });
    // A customer's comment afterwards: once the customer's socket has it, the notes would have come before.
    expectOk(await customer.client.request(OPS.addComment, { input: { targetId: proposalId, body: 'Merci' } }));
    await customerIn.waitFor('comment.created', { rootId: proposalId });
    await sleep(QUIET_MS);
    for (const live of [customerLive, customerIn, staffPlain]) {
      const events = live.received.map((item) => item.event);
      expect(events).not.toContain('proposal.noted');
      expect(events).not.toContain('proposal.shortlisted');
      expect(JSON.stringify(live.received)).not.toContain(addStaffNote.id);
    }
    expect(customerLive.received).toEqual([]);
    // Payloads carry ids only.
    expect(JSON.stringify(staffLive.received)).not.toContain('NOTE-INTERNE-SALLE');
  });

  it('takes someone who is no longer staff out of the staff room at the periodic check', async () => {
    const threadId = await openThread(staff);
    const customer = await joinAsNewCustomer(t, staff, threadId);
    const proposalId = await submitProposal(customer.client, threadId);
    const { user, client } = await t.signedIn('MARKETER');
    const live = await open(client);
    expect(await live.subscribe('THREAD', threadId, true)).toEqual({ ok: true });
    const admin = await t.signedIn('ADMIN');
    expectOk(
      await admin.client.request(`mutation ($id: ID!) { updateUser(id: $id, input: { role: CUSTOMER }) { id } }`, {
        id: user.id,
      }),
    );
    await t.app.get(LiveGateway).recheckSessions();
    const { addStaffNote } = expectOk(
      await staff.request<{ addStaffNote: { id: string } }>(OPS.note, { id: proposalId, body: 'Après le changement' }),
    );
    await sleep(QUIET_MS);
    // Still connected (as a customer now): only the room was left.
    expect(live.socket.connected).toBe(true);
    expect(JSON.stringify(live.received)).not.toContain(addStaffNote.id);
  });

  it('takes a revoked customer out of the room at once', async () => {
    const threadId = await openThread(staff);
    const customer = await joinAsNewCustomer(t, staff, threadId);
    const live = await open(customer.client);
    expect(await live.subscribe('THREAD', threadId)).toEqual({ ok: true });
    const [invitation] = await t.sql<{ id: string }>('select id from thread_invitations where accepted_by = $1', [
      customer.id,
    ]);
    expectOk(await staff.request(OPS.revoke, { id: invitation.id }));
    await sleep(100);
    const proposalId = await submitProposal(staff, threadId, 'Après la révocation');
    await sleep(QUIET_MS);
    expect(JSON.stringify(live.received)).not.toContain(proposalId);
    expect(await live.subscribe('THREAD', threadId)).toEqual({ ok: false, error: 'NOT_FOUND' });
  });
});
