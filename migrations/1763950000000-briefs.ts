import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign briefs: the brief and its channels, KPIs and recorded actuals, its workflow transitions,
 * numbered versions (JSON snapshots, so any two compare without replaying history) and watchers.
 *
 * Who reads a brief (the BRIEF scope, registered by BriefsModule): active staff of its team, its
 * owner, its watchers, managers and admins. `briefs (team_id)`, `brief_watchers (user_id)` and
 * `briefs (owner_id)` are indexed for that semi-join.
 *
 * Amounts, targets and values are numeric (exact): attainment is computed from them in libs/domain.
 */
export class Briefs1763950000000 implements MigrationInterface {
  name = 'Briefs1763950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Seeded channels have a stable code (labels come from the web's translations); channels admins
    // add later have only a name.
    await queryRunner.query(`
      create table channels (
        id uuid primary key default gen_random_uuid(),
        code varchar unique,
        name varchar not null,
        -- The seeded channels' order in lists; added channels follow, oldest first.
        position integer,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create unique index channels_name_key on channels (lower(name))`);
    await queryRunner.query(`
      insert into channels (position, code, name) values
        (1, 'WEB_SITE', 'Site web'), (2, 'SOCIAL_NETWORKS', 'Réseaux sociaux'), (3, 'EMAIL', 'E-mail'),
        (4, 'MOBILE_APP', 'Application mobile'), (5, 'DEALER_NETWORK', 'Réseau de concessionnaires'),
        (6, 'EVENTS', 'Événements'), (7, 'PRESS', 'Presse'), (8, 'DISPLAY_ADS', 'Publicité display'),
        (9, 'SEARCH_ADS', 'Publicité sur les moteurs de recherche')`);

    await queryRunner.query(`
      create table briefs (
        id uuid primary key default gen_random_uuid(),
        title varchar not null,
        campaign_name varchar not null default '',
        owner_id uuid not null references users (id),
        team_id uuid not null references teams (id),
        status varchar not null default 'DRAFT'
          check (status in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'LIVE', 'CLOSED')),
        context text not null default '',
        objective text not null default '',
        audience text not null default '',
        key_message text not null default '',
        deliverables text not null default '',
        budget_amount numeric(16, 2) check (budget_amount >= 0),
        budget_currency char(3) not null default 'EUR',
        start_date date,
        end_date date,
        -- The number of the latest version (0: never submitted).
        version integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (end_date is null or start_date is null or end_date >= start_date)
      )`);
    // The list, newest first, keyset on (created_at, id), optionally per status or team.
    await queryRunner.query(`create index briefs_list_idx on briefs (created_at desc, id desc)`);
    await queryRunner.query(`create index briefs_team_idx on briefs (team_id, created_at desc, id desc)`);
    await queryRunner.query(`create index briefs_status_idx on briefs (status, created_at desc, id desc)`);
    await queryRunner.query(`create index briefs_owner_idx on briefs (owner_id)`);

    await queryRunner.query(`
      create table brief_channels (
        brief_id uuid not null references briefs (id) on delete cascade,
        channel_id uuid not null references channels (id),
        primary key (brief_id, channel_id)
      )`);
    await queryRunner.query(`create index brief_channels_channel_idx on brief_channels (channel_id)`);

    await queryRunner.query(`
      create table brief_kpis (
        id uuid primary key default gen_random_uuid(),
        brief_id uuid not null references briefs (id) on delete cascade,
        position integer not null,
        metric varchar not null check (metric in ('LEADS', 'TEST_DRIVE_REQUESTS', 'CATALOGUE_REQUESTS',
          'UNIQUE_VISITORS', 'SALES', 'QUALIFIED_CONTACTS', 'FOLLOWERS', 'CONVERSION_RATE', 'BRAND_AWARENESS', 'CUSTOM')),
        custom_name varchar,
        channel_id uuid not null references channels (id),
        target numeric(20, 4) not null check (target >= 0),
        unit varchar,
        direction varchar not null check (direction in ('HIGHER', 'LOWER')),
        weight numeric(10, 4) not null check (weight > 0),
        due_date date,
        check ((metric = 'CUSTOM') = (custom_name is not null))
      )`);
    await queryRunner.query(`create index brief_kpis_brief_idx on brief_kpis (brief_id, position)`);
    await queryRunner.query(`create index brief_kpis_channel_idx on brief_kpis (channel_id)`);

    await queryRunner.query(`
      create table kpi_actuals (
        id uuid primary key default gen_random_uuid(),
        kpi_id uuid not null references brief_kpis (id),
        brief_id uuid not null references briefs (id) on delete cascade,
        value numeric(20, 4) not null check (value >= 0),
        period_from date not null,
        period_to date not null,
        source varchar not null check (source in ('WEB_ANALYTICS', 'CRM', 'DEALER_REPORTS', 'SURVEY', 'SOCIAL_PLATFORM', 'OTHER')),
        evidence_url varchar,
        evidence_attachment_id uuid references attachments (id) on delete set null,
        status varchar not null default 'CLAIMED' check (status in ('CLAIMED', 'VERIFIED', 'REJECTED')),
        recorded_by uuid not null references users (id),
        recorded_at timestamptz not null default now(),
        reviewed_by uuid references users (id),
        reviewed_at timestamptz,
        rejection_reason text,
        check (period_to >= period_from),
        -- A figure is never checked by the person who claimed it; a rejection always says why.
        check (reviewed_by is null or reviewed_by <> recorded_by),
        check ((status = 'REJECTED') = (rejection_reason is not null))
      )`);
    await queryRunner.query(
      `create index kpi_actuals_kpi_idx on kpi_actuals (kpi_id, period_to desc, recorded_at desc)`,
    );
    await queryRunner.query(`create index kpi_actuals_brief_idx on kpi_actuals (brief_id)`);

    await queryRunner.query(`
      create table brief_transitions (
        id uuid primary key default gen_random_uuid(),
        brief_id uuid not null references briefs (id) on delete cascade,
        actor_id uuid not null references users (id),
        from_status varchar,
        to_status varchar not null,
        comment text,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index brief_transitions_brief_idx on brief_transitions (brief_id, created_at)`);

    await queryRunner.query(`
      create table brief_versions (
        id uuid primary key default gen_random_uuid(),
        brief_id uuid not null references briefs (id) on delete cascade,
        number integer not null,
        -- SUBMITTED (each submission) or EDITED (an edit after approval).
        cause varchar not null check (cause in ('SUBMITTED', 'EDITED')),
        snapshot jsonb not null,
        created_by uuid not null references users (id),
        created_at timestamptz not null default now(),
        unique (brief_id, number)
      )`);

    await queryRunner.query(`
      create table brief_watchers (
        brief_id uuid not null references briefs (id) on delete cascade,
        user_id uuid not null references users (id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (brief_id, user_id)
      )`);
    await queryRunner.query(`create index brief_watchers_user_idx on brief_watchers (user_id)`);

    // A post shared from a brief links to it; readers of the space who cannot read the brief see the
    // post, never the brief (Post.linkedBrief checks).
    await queryRunner.query(
      `alter table posts add column linked_brief_id uuid references briefs (id) on delete set null`,
    );

    // Search: a brief is one document in its own scope, its title weighted, its sections as body.
    await queryRunner.query(`
      create function search_index_brief() returns trigger language plpgsql as $$
      begin
        insert into search_documents (doc_type, doc_id, scope_type, scope_id, title, body, created_at)
        values ('BRIEF', new.id, 'BRIEF', new.id, new.title,
                concat_ws(E'\\n', new.campaign_name, new.context, new.objective, new.audience, new.key_message, new.deliverables),
                new.created_at)
        on conflict (doc_type, doc_id) do update
          set title = excluded.title, body = excluded.body, created_at = excluded.created_at;
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger briefs_search_index
        after insert or update of title, campaign_name, context, objective, audience, key_message, deliverables
        on briefs for each row execute function search_index_brief()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop trigger briefs_search_index on briefs`);
    await queryRunner.query(`drop function search_index_brief()`);
    await queryRunner.query(
      `delete from search_documents where doc_type = 'BRIEF' or (parent_type = 'BRIEF') or scope_type = 'BRIEF'`,
    );
    await queryRunner.query(`alter table posts drop column linked_brief_id`);
    await queryRunner.query(`drop table brief_watchers`);
    await queryRunner.query(`drop table brief_versions`);
    await queryRunner.query(`drop table brief_transitions`);
    await queryRunner.query(`drop table kpi_actuals`);
    await queryRunner.query(`drop table brief_kpis`);
    await queryRunner.query(`drop table brief_channels`);
    await queryRunner.query(`drop table briefs`);
    await queryRunner.query(`drop table channels`);
  }
}
