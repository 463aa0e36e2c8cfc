/**
 * The BRIEF scope: the briefs a user reads now. Active staff only; managers and admins read every
 * brief; others the briefs of their teams, the ones they own and the ones they watch. `userExpr` is
 * an SQL expression for the user's id (see ScopeRegistry).
 */
export const readableBriefIdsSql = (userExpr: string): string => `
  select b.id from briefs b
    join users ru on ru.id = ${userExpr} and ru.active and ru.role <> 'CUSTOMER'
   where ru.role in ('MANAGER', 'ADMIN')
      or b.owner_id = ru.id
      or exists (select 1 from team_members tm where tm.team_id = b.team_id and tm.user_id = ru.id)
      or exists (select 1 from brief_watchers bw where bw.brief_id = b.id and bw.user_id = ru.id)`;
