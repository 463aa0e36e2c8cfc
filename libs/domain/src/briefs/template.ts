import type { Locale } from '../roles';

export const BRIEF_SECTIONS = ['context', 'objective', 'audience', 'keyMessage', 'deliverables'] as const;
export type BriefSection = (typeof BRIEF_SECTIONS)[number];

export interface TemplateSection {
  field: BriefSection;
  heading: string;
  guidance: string;
  /** What a new brief starts with in that section: prompts the writer replaces. */
  starter: string;
}

/**
 * The default brief template: the questions a good brief answers, in the order a reviewer reads
 * them. The editor shows the guidance beside each section; a new brief starts with the starters.
 */
export const BRIEF_TEMPLATE: Record<Locale, TemplateSection[]> = {
  fr: [
    {
      field: 'context',
      heading: 'Contexte',
      guidance:
        'Pourquoi cette campagne, pourquoi maintenant ? Marché, concurrence, ce qui a été fait avant et ce qu’on en a appris.',
      starter: '- Situation du marché :\n- Ce qui a déjà été fait :\n- Pourquoi maintenant :',
    },
    {
      field: 'objective',
      heading: 'Objectif business',
      guidance: 'Ce qui doit changer pour l’entreprise, chiffré. Les KPI ci-dessous le mesurent.',
      starter: 'Obtenir … d’ici le …',
    },
    {
      field: 'audience',
      heading: 'Cible',
      guidance: 'Qui voulons-nous toucher ? Profil, besoins, freins, où les trouver.',
      starter: '- Cœur de cible :\n- Cible secondaire :',
    },
    {
      field: 'keyMessage',
      heading: 'Message clé',
      guidance: 'Une seule idée que la cible doit retenir, et les preuves qui la rendent crédible.',
      starter: 'Message :\n\nPreuves :',
    },
    {
      field: 'deliverables',
      heading: 'Livrables',
      guidance: 'Ce qui doit être produit, par canal, avec les échéances.',
      starter: '- \n- ',
    },
  ],
  en: [
    {
      field: 'context',
      heading: 'Context',
      guidance: 'Why this campaign, why now? Market, competition, what was done before and what we learnt.',
      starter: '- Market situation:\n- What has been done:\n- Why now:',
    },
    {
      field: 'objective',
      heading: 'Business objective',
      guidance: 'What must change for the business, in figures. The KPIs below measure it.',
      starter: 'Reach … by …',
    },
    {
      field: 'audience',
      heading: 'Target audience',
      guidance: 'Whom do we want to reach? Profile, needs, objections, where to find them.',
      starter: '- Core target:\n- Secondary target:',
    },
    {
      field: 'keyMessage',
      heading: 'Key message',
      guidance: 'One idea the audience must remember, and the proof that makes it believable.',
      starter: 'Message:\n\nProof:',
    },
    {
      field: 'deliverables',
      heading: 'Deliverables',
      guidance: 'What must be produced, per channel, with deadlines.',
      starter: '- \n- ',
    },
  ],
};

/** The sections of a new brief, filled with the template's starters in the writer's language. */
export function briefTemplateStarters(locale: Locale): Record<BriefSection, string> {
  return Object.fromEntries(BRIEF_TEMPLATE[locale].map((section) => [section.field, section.starter])) as Record<
    BriefSection,
    string
  >;
}
