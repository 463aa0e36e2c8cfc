import { Injectable } from '@nestjs/common';
import type { Actor, BriefTransition, KpiDirection, KpiMetric } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { BriefsService } from '../briefs/briefs.service';
import { KpiActualsService } from '../briefs/kpi-actuals.service';
import { CommentsService } from '../comments/comments.service';
import type { User } from '../users/user.entity';

const DAY = 24 * 3_600_000;

interface DemoKpi {
  metric: KpiMetric;
  customName?: string;
  channel: string;
  target: number;
  unit?: string;
  direction?: KpiDirection;
  weight: number;
}

interface DemoActual {
  kpi: number;
  value: number;
  by: string;
  /** Days before today the period ends (it starts with the campaign). */
  endsDaysAgo: number;
  source: 'WEB_ANALYTICS' | 'CRM' | 'DEALER_REPORTS' | 'SURVEY' | 'SOCIAL_PLATFORM' | 'OTHER';
  evidence: string;
  verdict?: { by: string; reject?: string };
}

interface DemoBrief {
  owner: string;
  team: string;
  title: string;
  campaignName: string;
  context: string;
  objective: string;
  audience: string;
  keyMessage: string;
  deliverables: string;
  budget: number;
  /** Campaign dates, in days from today. */
  starts: number;
  ends: number;
  channels: string[];
  kpis: DemoKpi[];
  /** Workflow steps, in order: who, what, the comment. */
  steps: [string, BriefTransition, string?][];
  actuals?: DemoActual[];
  /** Days ago each step happened (creation first). */
  dates: number[];
  watchers?: string[];
  comments?: [string, string][];
}

const DS4: DemoBrief = {
  owner: 'camille.martin',
  team: 'Digital & Social',
  title: 'Lancement DS 4 — génération d’essais en concession',
  campaignName: 'DS 4 « L’art du voyage » — printemps',
  context:
    '- Le segment des compactes premium progresse de 6 % sur un an, porté par l’hybride rechargeable.\n- La DS 4 restylée arrive en concession le mois prochain ; la précédente campagne a surtout créé de la notoriété, peu d’essais.\n- Les concessions demandent des rendez-vous qualifiés plutôt que du trafic.',
  objective:
    'Obtenir **1 200 demandes d’essai** et **2 500 leads** transmis au réseau pendant les six semaines de campagne, à un coût par lead inférieur à 45 €.',
  audience:
    '- Cœur de cible : cadres urbains de 35 à 50 ans, détenteurs d’une compacte allemande de plus de 3 ans.\n- Cible secondaire : flottes d’entreprise (choix du collaborateur).',
  keyMessage:
    'Message : le raffinement à la française, en hybride rechargeable.\n\nPreuves : 55 km en électrique, intérieur cuir Nappa, garantie batterie 8 ans.',
  deliverables:
    '- Landing page essai avec prise de rendez-vous concession\n- 3 vidéos sociales (15 s) et un carrousel\n- Campagne search et display géolocalisée autour des 40 concessions pilotes\n- Kit PLV pour le réseau',
  budget: 180000,
  starts: -20,
  ends: 22,
  channels: ['WEB_SITE', 'SOCIAL_NETWORKS', 'DEALER_NETWORK', 'SEARCH_ADS', 'DISPLAY_ADS'],
  kpis: [
    { metric: 'TEST_DRIVE_REQUESTS', channel: 'WEB_SITE', target: 1200, weight: 3 },
    { metric: 'LEADS', channel: 'DEALER_NETWORK', target: 2500, weight: 2 },
    { metric: 'UNIQUE_VISITORS', channel: 'WEB_SITE', target: 150000, weight: 1 },
    {
      metric: 'CUSTOM',
      customName: 'Coût par lead',
      channel: 'SEARCH_ADS',
      target: 45,
      unit: '€',
      direction: 'LOWER',
      weight: 1,
    },
  ],
  steps: [
    ['camille.martin', 'SUBMIT'],
    [
      'thomas.girard',
      'REQUEST_CHANGES',
      'Précisez le coût par lead visé et la répartition du budget entre search et display.',
    ],
    ['camille.martin', 'SUBMIT'],
    ['sophie.lambert', 'APPROVE', 'Objectifs clairs, on y va.'],
    ['camille.martin', 'LAUNCH'],
  ],
  dates: [34, 31, 30, 28, 26, 20],
  actuals: [
    // The web analytics say 640 verified requests; the agency's dashboard claims 980: the gap stays visible.
    {
      kpi: 0,
      value: 640,
      by: 'julien.moreau',
      endsDaysAgo: 6,
      source: 'WEB_ANALYTICS',
      evidence: 'https://analytics.atelier.example/ds4/essais-s1-s2',
      verdict: { by: 'sophie.lambert' },
    },
    {
      kpi: 0,
      value: 980,
      by: 'camille.martin',
      endsDaysAgo: 1,
      source: 'OTHER',
      evidence: 'https://agence.example/rapports/ds4-semaine-3',
    },
    {
      kpi: 1,
      value: 2100,
      by: 'camille.martin',
      endsDaysAgo: 3,
      source: 'CRM',
      evidence: 'https://crm.atelier.example/rapports/ds4-leads',
      verdict: { by: 'sophie.lambert' },
    },
    {
      kpi: 1,
      value: 3400,
      by: 'julien.moreau',
      endsDaysAgo: 2,
      source: 'DEALER_REPORTS',
      evidence: 'https://reseau.atelier.example/remontees/ds4',
      verdict: {
        by: 'thomas.girard',
        reject: 'Les remontées concessions comptent les doublons du CRM : à dédupliquer avant de déclarer.',
      },
    },
    {
      kpi: 2,
      value: 182000,
      by: 'julien.moreau',
      endsDaysAgo: 3,
      source: 'WEB_ANALYTICS',
      evidence: 'https://analytics.atelier.example/ds4/visiteurs',
      verdict: { by: 'thomas.girard' },
    },
    {
      kpi: 3,
      value: 38,
      by: 'camille.martin',
      endsDaysAgo: 2,
      source: 'WEB_ANALYTICS',
      evidence: 'https://ads.atelier.example/ds4/cout-par-lead',
    },
  ],
  watchers: ['sophie.lambert', 'antoine.leroy'],
  comments: [
    [
      'sophie.lambert',
      'Les essais vérifiés sont à 53 % de l’objectif à mi-parcours : @julien.moreau, peut-on renforcer le search sur Lyon et Bordeaux ?',
    ],
    ['julien.moreau', 'Oui, je décale 10 k€ du display vers le search dès lundi.'],
  ],
};

const SALON: DemoBrief = {
  owner: 'manon.garnier',
  team: 'Réseau & Événements',
  title: 'Salon de l’auto de Lyon — stand et essais',
  campaignName: 'Salon Lyon Auto 2026',
  context:
    '- 85 000 visiteurs attendus sur cinq jours.\n- L’an dernier, le stand a généré beaucoup de passage mais peu de contacts exploitables.',
  objective: 'Recueillir **800 contacts qualifiés** et **300 demandes d’essai** pendant le salon.',
  audience: '- Familles et jeunes actifs de la région lyonnaise\n- Clients actuels en fin de contrat de location',
  keyMessage:
    'Message : venez essayer, on vous ramène à votre concession.\n\nPreuves : navette d’essai sur place, offre de reprise garantie 48 h.',
  deliverables:
    '- Stand de 300 m² avec zone d’essai\n- Tablettes de prise de contact reliées au CRM\n- Invitations clients par e-mail',
  budget: 95000,
  starts: 18,
  ends: 23,
  channels: ['EVENTS', 'EMAIL', 'DEALER_NETWORK'],
  kpis: [
    { metric: 'QUALIFIED_CONTACTS', channel: 'EVENTS', target: 800, weight: 2 },
    { metric: 'TEST_DRIVE_REQUESTS', channel: 'EVENTS', target: 300, weight: 2 },
    { metric: 'CONVERSION_RATE', channel: 'EMAIL', target: 12, unit: '%', weight: 1 },
  ],
  steps: [['manon.garnier', 'SUBMIT']],
  dates: [5, 1],
  comments: [['nicolas.faure', 'J’ai ajouté la navette d’essai au budget : à valider avec le loueur avant jeudi.']],
};

const NEWSLETTER: DemoBrief = {
  owner: 'chloe.petit',
  team: 'CRM & Fidélisation',
  title: 'Newsletter propriétaires — programme d’entretien',
  campaignName: 'Entretien serein',
  context: '- 40 % des propriétaires ne reviennent pas en atelier après la garantie.',
  objective: 'Faire revenir les propriétaires de véhicules de 3 à 6 ans en atelier agréé.',
  audience: '- Propriétaires de DS 3 et DS 7 de 3 à 6 ans',
  keyMessage: 'Message : …\n\nPreuves : …',
  deliverables: '- Trois e-mails\n- Page d’offre entretien',
  budget: 15000,
  starts: 30,
  ends: 90,
  channels: ['EMAIL', 'DEALER_NETWORK'],
  kpis: [{ metric: 'CONVERSION_RATE', channel: 'EMAIL', target: 4, unit: '%', weight: 1 }],
  steps: [],
  dates: [2],
};

const DS7_BROCHURE: DemoBrief = {
  owner: 'lea.fontaine',
  team: 'Marque & Contenus',
  title: 'Brochure DS 7 — demandes de catalogue',
  campaignName: 'DS 7 Collection',
  context: '- Le catalogue papier reste demandé par 1 prospect sur 5 avant un essai.',
  objective: 'Générer **4 000 demandes de brochure** qualifiées en deux mois.',
  audience: '- Prospects premium SUV, 40-60 ans',
  keyMessage: 'Message : l’élégance se feuillette.\n\nPreuves : finitions présentées en photo grand format.',
  deliverables: '- Brochure imprimée et PDF\n- Formulaire de demande\n- Annonce presse magazine',
  budget: 60000,
  starts: 10,
  ends: 70,
  channels: ['WEB_SITE', 'PRESS'],
  kpis: [
    { metric: 'CATALOGUE_REQUESTS', channel: 'WEB_SITE', target: 4000, weight: 2 },
    { metric: 'BRAND_AWARENESS', channel: 'PRESS', target: 18, unit: '%', weight: 1 },
  ],
  steps: [
    ['lea.fontaine', 'SUBMIT'],
    ['marc.dubois', 'APPROVE', 'Bon équilibre papier / digital.'],
  ],
  dates: [12, 9, 7],
};

const DS3_WINTER: DemoBrief = {
  owner: 'julien.moreau',
  team: 'Digital & Social',
  title: 'DS 3 — campagne sociale d’hiver',
  campaignName: 'DS 3 « Lumières d’hiver »',
  context: '- Lancement de la série spéciale hiver ; audience sociale en baisse depuis l’été.',
  objective: 'Gagner **5 000 abonnés** et générer **900 leads** depuis les réseaux sociaux.',
  audience: '- 25-35 ans urbains, premiers acheteurs premium',
  keyMessage: 'Message : la ville s’illumine en DS 3.\n\nPreuves : éclairage matriciel, série limitée.',
  deliverables: '- 6 vidéos courtes\n- Partenariats avec 3 créateurs',
  budget: 40000,
  starts: -100,
  ends: -40,
  channels: ['SOCIAL_NETWORKS'],
  kpis: [
    { metric: 'FOLLOWERS', channel: 'SOCIAL_NETWORKS', target: 5000, weight: 1 },
    { metric: 'LEADS', channel: 'SOCIAL_NETWORKS', target: 900, weight: 2 },
  ],
  steps: [
    ['julien.moreau', 'SUBMIT'],
    ['sophie.lambert', 'APPROVE'],
    ['julien.moreau', 'LAUNCH'],
  ],
  dates: [115, 112, 108, 100],
  actuals: [
    {
      kpi: 0,
      value: 6200,
      by: 'julien.moreau',
      endsDaysAgo: 40,
      source: 'SOCIAL_PLATFORM',
      evidence: 'https://social.atelier.example/ds3/abonnes',
      verdict: { by: 'sophie.lambert' },
    },
    {
      kpi: 1,
      value: 610,
      by: 'camille.martin',
      endsDaysAgo: 40,
      source: 'CRM',
      evidence: 'https://crm.atelier.example/rapports/ds3-hiver',
      verdict: { by: 'thomas.girard' },
    },
  ],
};

/**
 * Briefs in every state, written through the briefs services by the people whose role allows each
 * step (so every rule holds), then dated in the past.
 */
@Injectable()
export class DemoBriefs {
  constructor(
    private readonly briefs: BriefsService,
    private readonly actuals: KpiActualsService,
    private readonly comments: CommentsService,
    private readonly dataSource: DataSource,
  ) {}

  async seed(people: Map<string, User>, teamIds: Map<string, string>): Promise<void> {
    const channels = new Map(
      (
        await this.dataSource.query<{ id: string; code: string }[]>(
          `select id, code from channels where code is not null`,
        )
      ).map((row) => [row.code, row.id]),
    );
    const actor = (handle: string): Actor => {
      const user = people.get(handle)!;
      return { id: user.id, role: user.role, active: user.active };
    };
    for (const demo of [DS3_WINTER, DS7_BROCHURE, NEWSLETTER, SALON, DS4]) {
      await this.seedOne(demo, actor, teamIds, channels);
    }
  }

  private async seedOne(
    demo: DemoBrief,
    actor: (handle: string) => Actor,
    teamIds: Map<string, string>,
    channels: Map<string, string>,
  ): Promise<void> {
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    const brief = await this.briefs.create(actor(demo.owner), {
      teamId: teamIds.get(demo.team)!,
      title: demo.title,
      campaignName: demo.campaignName,
      context: demo.context,
      objective: demo.objective,
      audience: demo.audience,
      keyMessage: demo.keyMessage,
      deliverables: demo.deliverables,
      budgetAmount: demo.budget,
      budgetCurrency: 'EUR',
      startDate: day(demo.starts),
      endDate: day(demo.ends),
      channelIds: demo.channels.map((code) => channels.get(code)!),
      kpis: demo.kpis.map((kpi) => ({
        metric: kpi.metric,
        customName: kpi.customName ?? null,
        channelId: channels.get(kpi.channel)!,
        target: kpi.target,
        unit: kpi.unit ?? null,
        direction: kpi.direction ?? 'HIGHER',
        weight: kpi.weight,
        dueDate: day(demo.ends),
      })),
    });
    for (const handle of demo.watchers ?? []) await this.briefs.watch(actor(handle), brief.id, true);
    for (const [handle, transition, comment] of demo.steps) {
      await this.briefs.transition(actor(handle), brief.id, transition, comment);
    }
    const kpis = (await this.briefs.kpisOf([brief.id])).get(brief.id) ?? [];
    for (const item of demo.actuals ?? []) {
      const recorded = await this.actuals.record(actor(item.by), kpis[item.kpi].id, {
        value: item.value,
        periodFrom: day(Math.min(demo.starts, -item.endsDaysAgo)),
        periodTo: day(-item.endsDaysAgo),
        source: item.source,
        evidenceUrl: item.evidence,
      });
      if (item.verdict) {
        await this.actuals.review(
          actor(item.verdict.by),
          recorded.id,
          item.verdict.reject ? 'REJECTED' : 'VERIFIED',
          item.verdict.reject,
        );
      }
    }
    for (const [handle, text] of demo.comments ?? []) await this.comments.add(actor(handle), brief.id, text);
    if (demo === DS3_WINTER) await this.briefs.transition(actor(demo.owner), brief.id, 'CLOSE');
    await this.backdate(brief.id, demo.dates);
  }

  /** Spreads the brief's history over the past weeks: creation, then each step in order. */
  private async backdate(briefId: string, daysAgo: number[]): Promise<void> {
    const steps = await this.dataSource.query<{ id: string }[]>(
      `select id from brief_transitions where brief_id = $1 order by created_at, id`,
      [briefId],
    );
    for (const [index, step] of steps.entries()) {
      const ago = daysAgo[Math.min(index, daysAgo.length - 1)] ?? 0;
      await this.dataSource.query(
        `update brief_transitions set created_at = now() - $2 * interval '1 day' where id = $1`,
        [step.id, ago],
      );
    }
    await this.dataSource.query(`update briefs set created_at = now() - $2 * interval '1 day' where id = $1`, [
      briefId,
      daysAgo[0] ?? 0,
    ]);
    // Each version is dated with the submission or edit that made it.
    await this.dataSource.query(
      `update brief_versions v set created_at = t.created_at
         from (select created_at, row_number() over (order by created_at) as n
                 from brief_transitions where brief_id = $1 and to_status = 'IN_REVIEW') t
        where v.brief_id = $1 and v.number = t.n`,
      [briefId],
    );
  }
}
