import { Injectable } from '@nestjs/common';
import { type Actor, type TimeSavedCategory, addDays, isStaff } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { CostsService } from '../costs/costs.service';
import { CompanyClock } from '../time-saved/clock';
import { TimeSavedService } from '../time-saved/time-saved.service';
import type { User } from '../users/user.entity';

const WEEKS = 13;
const MINUTES = [10, 15, 15, 20, 30, 30, 45, 60, 90];

/** What people write when they log time saved, by category: the DS4 launch, test drives, dealers. */
const NOTES: Record<TimeSavedCategory, string[]> = {
  FOUND_INFORMATION: [
    "Trouvé le planning des essais DS4 dans l'espace Réseau au lieu d'appeler la région",
    'La réponse sur les délais de livraison DS4 était déjà dans le fil',
    "Retrouvé le kit presse du lancement sans relancer l'agence",
    'Chiffres de fréquentation des portes ouvertes trouvés dans un post épinglé',
  ],
  REUSED_CONTENT: [
    "Réutilisé l'argumentaire DS4 pour la newsletter concessions",
    'Repris le brief des essais clients comme base pour la campagne de printemps',
    "Visuels du salon réutilisés pour l'événement concession de Lyon",
  ],
  FASTER_APPROVAL: [
    'Validation du post LinkedIn DS4 en commentaire, sans réunion',
    'Accord sur le budget affichage obtenu dans le fil en dix minutes',
  ],
  AVOIDED_MEETING: [
    'Point hebdo concessions remplacé par le fil Réseau & Événements',
    'Réunion de cadrage évitée : tout était dans le brief et ses commentaires',
  ],
  CUSTOMER_INSIGHT: [
    "Les retours clients sur l'écran central ont tranché le choix du visuel",
    "Idée d'essai prolongé reprise d'une proposition client",
  ],
  OTHER: ['Intégration du nouveau stagiaire avec les posts épinglés', 'Moins de mails de relance cette semaine'],
};
const CATEGORY_WEIGHTS: [TimeSavedCategory, number][] = [
  ['FOUND_INFORMATION', 34],
  ['REUSED_CONTENT', 24],
  ['FASTER_APPROVAL', 14],
  ['AVOIDED_MEETING', 14],
  ['CUSTOMER_INSIGHT', 8],
  ['OTHER', 6],
];

/** A small seeded generator: the demo tells the same story on every start. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Three months of time saved across the teams, with an adoption curve that grows, and the costs
 * that value it: a default hourly cost, a team of its own, a platform cost, each changing once.
 */
@Injectable()
export class DemoTimeSaved {
  constructor(
    private readonly timeSaved: TimeSavedService,
    private readonly costs: CostsService,
    private readonly clock: CompanyClock,
    private readonly dataSource: DataSource,
  ) {}

  async seed(people: Map<string, User>, teamIds: Map<string, string>): Promise<void> {
    const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: user.active });
    const today = this.clock.today();
    const monthStart = (monthsAgo: number) => {
      const [year, month] = today.split('-').map(Number);
      const date = new Date(Date.UTC(year, month - 1 - monthsAgo, 1));
      return date.toISOString().slice(0, 10);
    };
    const admin = actor(people.get('helene.roussel')!);
    // In history order: each new rate starts after the previous one.
    await this.costs.setCurrency(admin, 'EUR');
    await this.costs.setTeamHourlyCost(admin, null, 65, monthStart(6));
    await this.costs.setTeamHourlyCost(admin, teamIds.get('Digital & Social')!, 72, monthStart(6));
    await this.costs.setPlatformMonthlyCost(admin, 1800, monthStart(6));
    await this.costs.setTeamHourlyCost(admin, null, 68, addDays(today, -42));
    await this.costs.setPlatformMonthlyCost(admin, 2100, monthStart(1));

    // Posts of the open spaces, which everyone reads.
    const posts = await this.dataSource.query<{ id: string; author_id: string }[]>(
      `select p.id, p.author_id from posts p join spaces s on s.id = p.space_id
        where p.deleted_at is null and s.visibility = 'OPEN' order by p.created_at, p.id`,
    );
    const clicked = new Set<string>();
    const staff = [...people.values()].filter((user) => isStaff(user.role));
    const next = random(2026);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    const category = (): TimeSavedCategory => {
      let roll = next() * 100;
      for (const [name, weight] of CATEGORY_WEIGHTS) if ((roll -= weight) < 0) return name;
      return 'OTHER';
    };

    const dates: { id: string; date: string; at: Date }[] = [];
    for (let week = 0; week < WEEKS; week += 1) {
      // A quarter of the staff logged in the first week, nearly everyone in the last.
      const adoption = 0.25 + (0.65 * week) / (WEEKS - 1);
      for (const user of staff) {
        if (next() > adoption) continue;
        const count = 1 + Math.floor(next() * (week < 4 ? 2 : 4));
        for (let i = 0; i < count; i += 1) {
          const daysAgo = (WEEKS - 1 - week) * 7 + Math.floor(next() * 5);
          const date = addDays(today, -daysAgo);
          const minutes = pick(MINUTES);
          // About one entry in three comes from the "saved me time" button on a colleague's post.
          const candidates = posts.filter((p) => p.author_id !== user.id && !clicked.has(`${user.id}:${p.id}`));
          const post = next() < 0.35 && candidates.length ? pick(candidates) : undefined;
          const kind = category();
          if (post) clicked.add(`${user.id}:${post.id}`);
          const entry = post
            ? await this.timeSaved.savedMeTime(actor(user), 'POST', post.id, minutes)
            : await this.timeSaved.log(actor(user), {
                minutes,
                category: kind,
                note: next() < 0.6 ? pick(NOTES[kind]) : '',
              });
          dates.push({ id: entry.id, date, at: new Date(`${date}T${String(9 + (i % 8)).padStart(2, '0')}:30:00Z`) });
        }
      }
    }
    await this.backdate(dates);
  }

  /**
   * The services date an entry today (they refuse dates more than 30 days back, as they should for
   * people); the demo needs a quarter of history, so it redates its entries afterwards in one
   * statement, as the demo does for posts. Entries older than 30 days are then locked, like real ones.
   */
  private async backdate(dates: { id: string; date: string; at: Date }[]): Promise<void> {
    await this.dataSource.query(
      `update time_saved_entries e set entry_date = s.date, created_at = s.at, updated_at = s.at
         from unnest($1::uuid[], $2::date[], $3::timestamptz[]) as s (id, date, at)
        where e.id = s.id`,
      [dates.map((d) => d.id), dates.map((d) => d.date), dates.map((d) => d.at.toISOString())],
    );
  }
}
