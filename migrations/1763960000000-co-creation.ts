import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-creation with invited customers: threads, invitations (and the outbox their mail goes to
 * without SMTP), proposals with votes and staff notes, and offers built from them with credits and
 * versions. Customers read a thread through an accepted, unrevoked invitation: that table is the
 * whole of their access, so it is indexed for the THREAD scope's semi-join.
 */
export class CoCreation1763960000000 implements MigrationInterface {
  name = 'CoCreation1763960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table co_creation_threads (
        id uuid primary key default gen_random_uuid(),
        title varchar not null,
        question text not null,
        question_html text not null,
        rules text not null default '',
        rules_html text not null default '',
        status varchar not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'VOTING', 'CLOSED')),
        opens_at timestamptz not null,
        closes_at timestamptz not null,
        voting_ends_at timestamptz,
        -- When it actually opened (staff or schedule), the start of "time to first published offer".
        opened_at timestamptz,
        -- The campaign brief it serves (its results are measured there).
        brief_id uuid references briefs (id) on delete set null,
        created_by uuid not null references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (closes_at > opens_at),
        check (voting_ends_at is null or voting_ends_at > closes_at)
      )`);
    await queryRunner.query(
      `create index co_creation_threads_list_idx on co_creation_threads (created_at desc, id desc)`,
    );
    // The periodic sweep reads the threads whose dates may move them.
    await queryRunner.query(
      `create index co_creation_threads_sweep_idx on co_creation_threads (status) where status in ('OPEN', 'VOTING')`,
    );

    await queryRunner.query(`
      create table thread_runners (
        thread_id uuid not null references co_creation_threads (id) on delete cascade,
        user_id uuid not null references users (id) on delete cascade,
        primary key (thread_id, user_id)
      )`);

    // Only the SHA-256 of the token is kept: a database leak gives no usable link.
    await queryRunner.query(`
      create table thread_invitations (
        id uuid primary key default gen_random_uuid(),
        thread_id uuid not null references co_creation_threads (id) on delete cascade,
        email varchar not null,
        token_hash char(64) not null unique,
        invited_by uuid not null references users (id),
        expires_at timestamptz not null,
        accepted_at timestamptz,
        accepted_by uuid references users (id),
        revoked_at timestamptz,
        created_at timestamptz not null default now(),
        check ((accepted_at is null) = (accepted_by is null))
      )`);
    await queryRunner.query(`create index thread_invitations_thread_idx on thread_invitations (thread_id, created_at)`);
    // A customer's access: the THREAD scope's semi-join.
    await queryRunner.query(
      `create index thread_invitations_access_idx on thread_invitations (accepted_by, thread_id) where revoked_at is null`,
    );

    await queryRunner.query(`
      create table outbox_messages (
        id uuid primary key default gen_random_uuid(),
        to_address varchar not null,
        subject varchar not null,
        text text not null,
        link varchar,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index outbox_messages_list_idx on outbox_messages (created_at desc, id desc)`);

    await queryRunner.query(`
      create table proposals (
        id uuid primary key default gen_random_uuid(),
        thread_id uuid not null references co_creation_threads (id) on delete cascade,
        author_id uuid not null references users (id),
        title varchar not null,
        description text not null,
        description_html text not null,
        status varchar not null default 'ACTIVE' check (status in ('ACTIVE', 'HIDDEN', 'MERGED')),
        hidden_reason text,
        merged_into_id uuid references proposals (id),
        shortlisted boolean not null default false,
        vote_count integer not null default 0 check (vote_count >= 0),
        created_at timestamptz not null default now(),
        edited_at timestamptz,
        check ((status = 'HIDDEN') = (hidden_reason is not null)),
        check ((status = 'MERGED') = (merged_into_id is not null))
      )`);
    await queryRunner.query(
      `create index proposals_thread_newest_idx on proposals (thread_id, created_at desc, id desc)`,
    );
    await queryRunner.query(
      `create index proposals_thread_top_idx on proposals (thread_id, vote_count desc, created_at desc, id desc)`,
    );

    // One vote per person per proposal, by the primary key: two racing requests cannot both insert.
    await queryRunner.query(`
      create table proposal_votes (
        proposal_id uuid not null references proposals (id) on delete cascade,
        user_id uuid not null references users (id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (proposal_id, user_id)
      )`);
    await queryRunner.query(`create index proposal_votes_user_idx on proposal_votes (user_id)`);
    // The count the ranking sorts on follows the votes in the same statement, whoever writes them
    // (a vote, a withdrawal, a merge moving votes).
    await queryRunner.query(`
      create function proposal_vote_count() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update proposals set vote_count = vote_count + 1 where id = new.proposal_id;
        else
          update proposals set vote_count = vote_count - 1 where id = old.proposal_id;
        end if;
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger proposal_votes_count after insert or delete on proposal_votes
        for each row execute function proposal_vote_count()`);

    await queryRunner.query(`
      create table proposal_notes (
        id uuid primary key default gen_random_uuid(),
        proposal_id uuid not null references proposals (id) on delete cascade,
        author_id uuid not null references users (id),
        body text not null,
        body_html text not null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index proposal_notes_proposal_idx on proposal_notes (proposal_id, created_at)`);

    await queryRunner.query(`
      create table offers (
        id uuid primary key default gen_random_uuid(),
        thread_id uuid not null references co_creation_threads (id) on delete cascade,
        title varchar not null,
        description text not null,
        description_html text not null,
        terms text not null default '',
        price numeric(12, 2),
        discount_percent numeric(5, 2),
        currency char(3) not null default 'EUR',
        valid_from date,
        valid_until date,
        status varchar not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED', 'PUBLISHED', 'WITHDRAWN')),
        brief_id uuid references briefs (id) on delete set null,
        created_by uuid not null references users (id),
        approved_by uuid references users (id),
        approved_at timestamptz,
        published_at timestamptz,
        withdrawn_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (price is null or discount_percent is null)
      )`);
    await queryRunner.query(`create index offers_thread_idx on offers (thread_id, created_at)`);

    await queryRunner.query(`
      create table offer_proposals (
        offer_id uuid not null references offers (id) on delete cascade,
        proposal_id uuid not null references proposals (id) on delete cascade,
        primary key (offer_id, proposal_id)
      )`);
    await queryRunner.query(`
      create table offer_credits (
        offer_id uuid not null references offers (id) on delete cascade,
        user_id uuid not null references users (id),
        position integer not null,
        primary key (offer_id, user_id)
      )`);
    // The offer as it stood at each change once approved (as for briefs): what was approved, what was published.
    await queryRunner.query(`
      create table offer_versions (
        id uuid primary key default gen_random_uuid(),
        offer_id uuid not null references offers (id) on delete cascade,
        version integer not null,
        status varchar not null,
        snapshot jsonb not null,
        created_by uuid not null references users (id),
        created_at timestamptz not null default now(),
        unique (offer_id, version)
      )`);

    // Search (staff only: customers are refused the search query): visible proposals, and offers
    // once published; a hidden or merged proposal, or a withdrawn offer, leaves the index.
    await queryRunner.query(`
      create function search_index_proposal() returns trigger language plpgsql as $$
      begin
        if new.status <> 'ACTIVE' then
          delete from search_documents where doc_type = 'PROPOSAL' and doc_id = new.id;
          return null;
        end if;
        insert into search_documents (doc_type, doc_id, scope_type, scope_id, title, body, created_at)
        values ('PROPOSAL', new.id, 'THREAD', new.thread_id, new.title, search_plain_text(new.description_html), new.created_at)
        on conflict (doc_type, doc_id) do update
          set title = excluded.title, body = excluded.body, scope_id = excluded.scope_id;
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger proposals_search_index after insert or update of title, description_html, status on proposals
        for each row execute function search_index_proposal()`);
    await queryRunner.query(`
      create function search_index_offer() returns trigger language plpgsql as $$
      begin
        if new.status <> 'PUBLISHED' then
          delete from search_documents where doc_type = 'OFFER' and doc_id = new.id;
          return null;
        end if;
        insert into search_documents (doc_type, doc_id, scope_type, scope_id, title, body, created_at)
        values ('OFFER', new.id, 'THREAD', new.thread_id, new.title,
                concat_ws(E'\\n', search_plain_text(new.description_html), new.terms), new.created_at)
        on conflict (doc_type, doc_id) do update
          set title = excluded.title, body = excluded.body, scope_id = excluded.scope_id;
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger offers_search_index after insert or update of title, description_html, terms, status on offers
        for each row execute function search_index_offer()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // What the shared pieces hold about proposals and offers goes with them.
    await queryRunner.query(`delete from comments where target_type in ('PROPOSAL', 'OFFER')`);
    await queryRunner.query(`delete from reactions where target_type in ('PROPOSAL', 'OFFER')`);
    await queryRunner.query(`delete from notifications where scope_type = 'THREAD'`);
    await queryRunner.query(
      `update attachments set target_type = null, target_id = null where target_type = 'PROPOSAL'`,
    );
    await queryRunner.query(`delete from search_documents where scope_type = 'THREAD'`);
    for (const table of [
      'offer_versions',
      'offer_credits',
      'offer_proposals',
      'offers',
      'proposal_notes',
      'proposal_votes',
      'proposals',
      'outbox_messages',
      'thread_invitations',
      'thread_runners',
      'co_creation_threads',
    ]) {
      await queryRunner.query(`drop table ${table}`);
    }
    await queryRunner.query(`drop function proposal_vote_count()`);
    await queryRunner.query(`drop function search_index_proposal()`);
    await queryRunner.query(`drop function search_index_offer()`);
  }
}
