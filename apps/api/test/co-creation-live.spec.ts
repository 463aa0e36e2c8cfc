import { io, Socket } from 'socket.io-client';
import { OPS, expectOk, joinAsNewCustomer, openThread, submitProposal } from './co-creation-fixtures';
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

  subscribe(type: string, id: string): Promise<{ ok: boolean; error?: string }> {
    return new Promise((resolve) => this.socket.emit('scope.subscribe', { type, id }, resolve));
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
