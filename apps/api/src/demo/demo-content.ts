import type { ReactionKind } from '../reactions/reaction.entity';

/**
 * A few weeks in the life of the marketing department of a carmaker, as the demo shows it.
 * People are named by handle (the part of their e-mail before the @), which is also how posts
 * mention them (`@camille.martin`). Times are relative to the moment the demo is loaded.
 */

/** Where demo posts go: the four team spaces (made with the teams) and two topic spaces. */
export type DemoSpaceKey = 'brand' | 'digital' | 'crm' | 'network' | 'ds4' | 'watch';

export const DEMO_TEAM_SPACES: Record<'brand' | 'digital' | 'crm' | 'network', string> = {
  brand: 'Marque & Contenus',
  digital: 'Digital & Social',
  crm: 'CRM & Fidélisation',
  network: 'Réseau & Événements',
};

export interface DemoTopicSpace {
  key: 'ds4' | 'watch';
  name: string;
  description: string;
  visibility: 'OPEN' | 'PRIVATE';
  owner: string;
  /** Added by the owner, beside the owner. */
  members: string[];
}

export const DEMO_TOPIC_SPACES: DemoTopicSpace[] = [
  {
    key: 'ds4',
    name: 'Lancement DS4',
    description:
      'Tout le lancement de la nouvelle DS4 au même endroit : planning, assets, retours du réseau et questions.',
    visibility: 'OPEN',
    owner: 'thomas.girard',
    members: ['lea.fontaine', 'camille.martin', 'manon.garnier', 'chloe.petit', 'hugo.bernard'],
  },
  {
    key: 'watch',
    name: 'Veille concurrentielle',
    description: 'Campagnes, offres et prises de parole des concurrents. Réservé : ne pas transférer hors de l’équipe.',
    visibility: 'PRIVATE',
    owner: 'sophie.lambert',
    members: ['thomas.girard', 'camille.martin', 'antoine.leroy', 'hugo.bernard'],
  },
];

export type DemoReactions = Partial<Record<ReactionKind, string[]>>;

export interface DemoComment {
  by: string;
  /** Hours after the post. */
  after: number;
  text: string;
  reactions?: DemoReactions;
  replies?: DemoComment[];
}

export interface DemoPost {
  space: DemoSpaceKey;
  by: string;
  daysAgo: number;
  /** Hour of the day, local to the server (9.5 is 9:30). */
  at: number;
  text: string;
  pinned?: boolean;
  reactions?: DemoReactions;
  comments?: DemoComment[];
}

/** Who pins in each space: the owner of a topic space, a manager of the team for a team space. */
export const DEMO_PINNERS: Record<DemoSpaceKey, string> = {
  brand: 'thomas.girard',
  digital: 'sophie.lambert',
  crm: 'marc.dubois',
  network: 'sophie.lambert',
  ds4: 'thomas.girard',
  watch: 'sophie.lambert',
};

export const DEMO_POSTS: DemoPost[] = [
  // Marque & Contenus
  {
    space: 'brand',
    by: 'thomas.girard',
    daysAgo: 26,
    at: 9,
    pinned: true,
    text: `**Charte éditoriale 2026 : la version validée est en ligne**

Elle remplace toutes les versions précédentes. Les trois points qui changent :
- le ton : on parle de *savoir-faire* avant de parler de *luxe* ;
- les visuels : plus de voitures seules sur fond studio, toujours une scène de vie ;
- les mentions légales : nouveau gabarit pour les offres de financement.

Merci de la relire avant votre prochain brief agence.`,
    reactions: {
      LIKE: ['lea.fontaine', 'hugo.bernard', 'camille.martin', 'sophie.lambert'],
      INSIGHTFUL: ['marc.dubois'],
    },
    comments: [
      {
        by: 'lea.fontaine',
        after: 2,
        text: 'Est-ce que le gabarit des mentions légales vaut aussi pour les posts sponsorisés ?',
        replies: [
          {
            by: 'thomas.girard',
            after: 3,
            text: 'Oui, pour tout ce qui cite un loyer ou un taux. Le juridique a validé la version courte pour les réseaux sociaux.',
            reactions: { LIKE: ['lea.fontaine'] },
          },
        ],
      },
    ],
  },
  {
    space: 'brand',
    by: 'hugo.bernard',
    daysAgo: 22,
    at: 14.5,
    text: `**Brand tracking, wave 3 is in**

Spontaneous awareness is up 2 points among 35-49 year-olds since the spring campaign, flat elsewhere. "Design" and "comfort" remain our strongest attributes; "reliability" is still where we lag behind the German brands.

Full deck in the shared drive, slides 12-18 are the ones to read.`,
    reactions: { INSIGHTFUL: ['thomas.girard', 'lea.fontaine', 'marc.dubois'], LIKE: ['sophie.lambert'] },
    comments: [
      {
        by: 'thomas.girard',
        after: 1,
        text: 'Merci Hugo. On en parle au comité de lundi : la fiabilité doit devenir un axe de la prochaine campagne.',
      },
      {
        by: 'marc.dubois',
        after: 5,
        text: 'Côté CRM, les verbatims des enquêtes de satisfaction disent la même chose. Je peux partager une synthèse.',
        reactions: { LIKE: ['hugo.bernard'] },
      },
    ],
  },
  {
    space: 'brand',
    by: 'lea.fontaine',
    daysAgo: 18,
    at: 11,
    text: `**Assets à réutiliser : shooting Provence**

Les 40 photos retouchées du shooting en Provence sont dans la médiathèque, avec les droits monde pour 2 ans (print, digital, réseau). Idéal pour les campagnes locales des concessions et les newsletters.

Pensez à citer le photographe dans les crédits quand c'est possible.`,
    reactions: { CELEBRATE: ['camille.martin', 'manon.garnier'], LIKE: ['chloe.petit', 'nicolas.faure'] },
    comments: [
      {
        by: 'manon.garnier',
        after: 3,
        text: 'Parfait pour le kit des portes ouvertes ! Les concessions réclament des visuels régionaux depuis des mois.',
      },
    ],
  },
  {
    space: 'brand',
    by: 'thomas.girard',
    daysAgo: 12,
    at: 10,
    text: `Question à tous : qui a la dernière version du **guide de la signature sonore** ? Celle de la médiathèque date de 2024 et l'agence nous demande le fichier source.`,
    comments: [
      {
        by: 'hugo.bernard',
        after: 0.5,
        text: 'I have the 2025 version with the short 3-second logo. Sending it to you now, and I will replace the one in the media library.',
        reactions: { SUPPORT: ['thomas.girard'] },
      },
    ],
  },
  {
    space: 'brand',
    by: 'lea.fontaine',
    daysAgo: 6,
    at: 16,
    text: `Le film manifeste de la marque passe à 1 million de vues sur YouTube, sans média payant depuis 10 jours. Le montage court (30 s) fonctionne deux fois mieux que la version longue en taux de complétion.`,
    reactions: { CELEBRATE: ['thomas.girard', 'hugo.bernard', 'sophie.lambert', 'julien.moreau', 'helene.roussel'] },
    comments: [
      {
        by: 'julien.moreau',
        after: 1,
        text: 'On peut pousser le 30 s en pré-roll sur la cible conquête, le coût par vue complète est très bas en ce moment.',
      },
    ],
  },
  {
    space: 'brand',
    by: 'hugo.bernard',
    daysAgo: 2,
    at: 9.5,
    text: `Quick reminder: the photo agency contract ends on the 31st. If you need new shots of the current range for Q1, tell @thomas.girard before Friday so we can add them to the last shooting day.`,
    reactions: { LIKE: ['lea.fontaine'] },
  },

  // Digital & Social
  {
    space: 'digital',
    by: 'sophie.lambert',
    daysAgo: 27,
    at: 9,
    pinned: true,
    text: `**Calendrier éditorial social : mode d'emploi**

Tout post sur les comptes de la marque passe par le calendrier partagé, au moins 48 h avant publication. Les urgences (crise, actualité) passent par moi ou @camille.martin.

Les campagnes payantes ont leur propre onglet, avec le budget et l'objectif de chaque vague.`,
    reactions: { LIKE: ['camille.martin', 'julien.moreau', 'antoine.leroy'] },
  },
  {
    space: 'digital',
    by: 'camille.martin',
    daysAgo: 24,
    at: 15,
    text: `**Bilan de la campagne social ads « Essai à domicile »**

- 1,8 million d'impressions, 14 200 clics ;
- 640 demandes d'essai à domicile, soit un coût par lead de 23 € (objectif : 30 €) ;
- les carrousels font mieux que la vidéo sur Instagram, l'inverse sur Facebook.

On prolonge deux semaines sur les régions où le réseau suit bien les leads.`,
    reactions: { CELEBRATE: ['sophie.lambert', 'julien.moreau', 'thomas.girard'], INSIGHTFUL: ['antoine.leroy'] },
    comments: [
      {
        by: 'antoine.leroy',
        after: 2,
        text: 'Les 640 leads sont bien remontés dans le CRM, avec la source. Je suis le taux de transformation en commande.',
        replies: [
          {
            by: 'camille.martin',
            after: 3,
            text: 'Top, on fait un point dans un mois sur les commandes ?',
          },
        ],
      },
      {
        by: 'nicolas.faure',
        after: 26,
        text: 'Dealer feedback from Lyon and Grenoble: leads are good quality, but people expect a call back the same day.',
        reactions: { INSIGHTFUL: ['camille.martin', 'sophie.lambert'] },
      },
    ],
  },
  {
    space: 'digital',
    by: 'julien.moreau',
    daysAgo: 19,
    at: 10.5,
    text: `Le nouveau configurateur en ligne est en recette. Si vous avez 15 minutes, testez-le sur mobile et notez ce qui coince dans le tableau partagé : on corrige avant la mise en production du 15.`,
    comments: [
      {
        by: 'chloe.petit',
        after: 4,
        text: "Sur Android, l'étape financement ne s'affiche pas si on change de finition en cours de route.",
        replies: [{ by: 'julien.moreau', after: 5, text: 'Bien vu, ticket ouvert. Merci Chloé !' }],
      },
      { by: 'hugo.bernard', after: 6, text: 'The English version still shows French prices labels on step 3.' },
    ],
  },
  {
    space: 'digital',
    by: 'camille.martin',
    daysAgo: 13,
    at: 17,
    text: `Question : a-t-on le droit de reposter les photos des clients qui taguent la marque sur Instagram ? Un client a posté une superbe photo de sa DS4 au bord du lac d'Annecy.`,
    comments: [
      {
        by: 'sophie.lambert',
        after: 1,
        text: 'Oui, mais seulement avec son accord écrit en message privé, et en le créditant. Le modèle de message est dans le guide social, page 8.',
        reactions: { LIKE: ['camille.martin', 'julien.moreau'] },
      },
    ],
  },
  {
    space: 'digital',
    by: 'antoine.leroy',
    daysAgo: 8,
    at: 11,
    text: `**Test A/B de la page d'accueil** : le bouton « Réserver un essai » au-dessus de la ligne de flottaison augmente les demandes d'essai de 11 % sur deux semaines. On passe la variante B en production lundi.`,
    reactions: { INSIGHTFUL: ['julien.moreau', 'camille.martin'], LIKE: ['sophie.lambert'] },
  },
  {
    space: 'digital',
    by: 'julien.moreau',
    daysAgo: 3,
    at: 14,
    text: `Les vidéos verticales tournées au salon marchent très bien : 3 fois plus de partages que nos posts habituels. @lea.fontaine, on peut en faire un format récurrent pour les lancements ?`,
    comments: [
      {
        by: 'lea.fontaine',
        after: 2,
        text: 'Oui ! Je propose une série « 60 secondes avec » pour le lancement DS4, un membre de l’équipe produit par épisode.',
        reactions: { CELEBRATE: ['julien.moreau', 'camille.martin'] },
      },
    ],
  },

  {
    space: 'digital',
    by: 'camille.martin',
    daysAgo: 16,
    at: 12,
    text: `**Influence** : on teste trois créateurs de contenu « auto et famille » sur un essai de week-end. Brief simple : montrer la voiture dans leur vie, pas de script. Budget pilote et résultats attendus sont dans le calendrier social.`,
    comments: [
      {
        by: 'sophie.lambert',
        after: 2,
        text: 'OK pour le pilote. Mentions « partenariat rémunéré » obligatoires, on vérifie chaque publication avant mise en ligne.',
      },
    ],
  },

  // CRM & Fidélisation
  {
    space: 'crm',
    by: 'marc.dubois',
    daysAgo: 25,
    at: 9.5,
    pinned: true,
    text: `**Règles de pression marketing**

Pas plus de 2 e-mails commerciaux par mois et par client, hors messages d'entretien et de service. Toute nouvelle campagne passe par le plan de contact partagé pour éviter les doublons entre la marque et le réseau.`,
    reactions: { LIKE: ['chloe.petit', 'antoine.leroy'] },
  },
  {
    space: 'crm',
    by: 'chloe.petit',
    daysAgo: 21,
    at: 14,
    text: `**Relance des contrats de location qui arrivent à échéance**

Nouveau parcours automatisé : un e-mail à 6 mois de la fin du contrat, un SMS à 4 mois, puis un appel de la concession à 3 mois. Premier envoi la semaine prochaine sur 3 200 clients.`,
    reactions: { LIKE: ['marc.dubois', 'antoine.leroy'], SUPPORT: ['manon.garnier'] },
    comments: [
      {
        by: 'manon.garnier',
        after: 3,
        text: 'Les concessions voudront la liste de leurs clients avant l’appel : on peut la leur envoyer chaque lundi ?',
        replies: [
          {
            by: 'chloe.petit',
            after: 4,
            text: 'Oui, export automatique chaque lundi dans leur espace réseau. Je te montre demain.',
          },
        ],
      },
    ],
  },
  {
    space: 'crm',
    by: 'antoine.leroy',
    daysAgo: 15,
    at: 10,
    text: `Résultat de la newsletter de novembre : 38 % d'ouverture, 4,1 % de clics. L'article sur l'entretien hivernal est le plus lu, loin devant le nouveau modèle. Les clients veulent du service avant de la nouveauté.`,
    reactions: { INSIGHTFUL: ['marc.dubois', 'chloe.petit', 'thomas.girard'] },
  },
  {
    space: 'crm',
    by: 'marc.dubois',
    daysAgo: 10,
    at: 16.5,
    text: `Question ouverte : comment remercier les clients qui ont recommandé la marque à un proche ? On hésite entre un bon d'entretien et une invitation à un événement. Vos idées sont bienvenues.`,
    comments: [
      {
        by: 'manon.garnier',
        after: 1,
        text: 'Les invitations aux essais sur circuit ont un effet énorme, et ça coûte moins cher qu’on le croit.',
        reactions: { LIKE: ['marc.dubois', 'chloe.petit'] },
      },
      { by: 'chloe.petit', after: 2, text: 'Pourquoi pas laisser le client choisir ? On mesure ce qu’ils préfèrent.' },
    ],
  },
  {
    space: 'crm',
    by: 'chloe.petit',
    daysAgo: 4,
    at: 11,
    text: `Le programme de fidélité passe à 12 000 membres actifs. Prochaine étape : la carte digitale dans l'application, prévue pour janvier avec @antoine.leroy.`,
    reactions: { CELEBRATE: ['marc.dubois', 'antoine.leroy', 'helene.roussel'] },
  },

  {
    space: 'crm',
    by: 'antoine.leroy',
    daysAgo: 19,
    at: 15,
    text: `**Campagne de rappel entretien** : les clients dont la révision est dépassée de plus de 3 mois reçoivent désormais un SMS avec un lien de prise de rendez-vous en ligne. 18 % de rendez-vous pris dans la semaine, contre 6 % avec le courrier.`,
    reactions: { CELEBRATE: ['marc.dubois', 'chloe.petit'], INSIGHTFUL: ['nicolas.faure'] },
  },

  // Réseau & Événements
  {
    space: 'network',
    by: 'sophie.lambert',
    daysAgo: 27,
    at: 11,
    pinned: true,
    text: `**Kit événements concessions : tout est ici**

Affiches, kakémonos, invitations, jeux-concours et charte des portes ouvertes. Chaque concession commande via le portail réseau, délai de livraison 10 jours ouvrés.`,
    reactions: { LIKE: ['manon.garnier', 'nicolas.faure'] },
  },
  {
    space: 'network',
    by: 'manon.garnier',
    daysAgo: 23,
    at: 18,
    text: `**Débrief du salon de Lyon**

- 2 100 visiteurs sur le stand, 310 demandes d'essai ;
- l'espace configurateur a eu beaucoup de succès, il a manqué un deuxième écran ;
- le café du matin avec les clients fidèles est à refaire partout.

Merci à @nicolas.faure pour l'organisation !`,
    reactions: { CELEBRATE: ['sophie.lambert', 'nicolas.faure', 'camille.martin'], LIKE: ['marc.dubois'] },
    comments: [
      {
        by: 'nicolas.faure',
        after: 1,
        text: 'Thanks Manon! The dealers want the same setup for the Bordeaux show in the spring.',
        replies: [
          { by: 'sophie.lambert', after: 2, text: 'On le budgète dès maintenant, avec deux écrans cette fois.' },
        ],
      },
    ],
  },
  {
    space: 'network',
    by: 'nicolas.faure',
    daysAgo: 17,
    at: 9,
    text: `**Dealer network feedback, November**

I called 12 dealers this week. Three recurring points:
1. they love the new point-of-sale material, especially the regional photos;
2. leads from the website arrive too late in their tools (sometimes 48 hours);
3. they would like a short training on the DS4 before the launch.

Happy to share the detailed notes.`,
    reactions: { INSIGHTFUL: ['sophie.lambert', 'antoine.leroy', 'manon.garnier'] },
    comments: [
      {
        by: 'antoine.leroy',
        after: 4,
        text: 'Pour le point 2 : le connecteur CRM est corrigé depuis hier, les leads arrivent maintenant en moins d’une heure.',
        reactions: { CELEBRATE: ['nicolas.faure'] },
      },
    ],
  },
  {
    space: 'network',
    by: 'manon.garnier',
    daysAgo: 11,
    at: 14,
    text: `Les portes ouvertes d'automne ont attiré 8 400 visiteurs dans 62 concessions. Les concessions qui ont utilisé le jeu-concours du kit ont fait 30 % de visites en plus.`,
    reactions: { CELEBRATE: ['sophie.lambert', 'nicolas.faure'] },
  },
  {
    space: 'network',
    by: 'sophie.lambert',
    daysAgo: 5,
    at: 10,
    text: `Qui peut accompagner @manon.garnier à la réunion des concessionnaires de la région Ouest le 12 ? Il faudrait quelqu'un du digital pour présenter les résultats des campagnes locales.`,
    comments: [
      {
        by: 'julien.moreau',
        after: 2,
        text: 'Je peux y aller. Je prépare 10 minutes sur les campagnes locales et le suivi des leads.',
        reactions: { SUPPORT: ['sophie.lambert', 'manon.garnier'] },
      },
    ],
  },
  {
    space: 'network',
    by: 'nicolas.faure',
    daysAgo: 1,
    at: 15,
    text: `Event recap from the Nantes test-drive day: 140 test drives, 22 orders signed on site. The dealer asks if we can run the same day again in March.`,
    reactions: { CELEBRATE: ['manon.garnier', 'sophie.lambert', 'thomas.girard'] },
  },

  {
    space: 'network',
    by: 'manon.garnier',
    daysAgo: 14,
    at: 10,
    text: `Retour d'une concession de Lille : les clients demandent de plus en plus des essais le samedi après-midi, quand les créneaux sont pleins. Quelqu'un a déjà testé des créneaux d'essai le dimanche dans d'autres régions ?`,
    comments: [
      {
        by: 'nicolas.faure',
        after: 3,
        text: 'Two dealers near Lyon tried Sunday mornings last spring: good results, but they need a volunteer salesperson each week.',
      },
    ],
  },

  // Lancement DS4
  {
    space: 'ds4',
    by: 'thomas.girard',
    daysAgo: 26,
    at: 14,
    pinned: true,
    text: `**Lancement DS4 : le planning de référence**

- S-6 : teasing sur les réseaux sociaux ;
- S-4 : révélation presse et film de lancement ;
- S-2 : formation du réseau et kits points de vente ;
- J : ouverture des commandes, campagne TV et digitale ;
- J+2 semaines : portes ouvertes dans toutes les concessions.

Chaque équipe a son onglet dans le tableau de suivi. Les questions ici, pas par e-mail !`,
    reactions: { LIKE: ['lea.fontaine', 'camille.martin', 'manon.garnier', 'chloe.petit', 'hugo.bernard'] },
    comments: [
      {
        by: 'manon.garnier',
        after: 2,
        text: 'La formation réseau à S-2 est serrée pour les concessions éloignées. On peut prévoir un module en ligne en plus ?',
        replies: [
          {
            by: 'thomas.girard',
            after: 3,
            text: 'Oui, bonne idée. @lea.fontaine, on peut tirer le module des vidéos produit ?',
          },
          { by: 'lea.fontaine', after: 5, text: 'Faisable, je fais une proposition pour vendredi.' },
        ],
      },
    ],
  },
  {
    space: 'ds4',
    by: 'lea.fontaine',
    daysAgo: 20,
    at: 11,
    text: `**Assets de lancement disponibles** : 25 photos, le film de 60 s et ses déclinaisons 30 s, 15 s et 6 s, les bannières web dans tous les formats. Tout est dans la médiathèque, dossier « DS4 — lancement ».

Merci de ne rien publier avant la levée d'embargo presse.`,
    reactions: { CELEBRATE: ['thomas.girard', 'camille.martin', 'julien.moreau'], LIKE: ['manon.garnier'] },
  },
  {
    space: 'ds4',
    by: 'hugo.bernard',
    daysAgo: 16,
    at: 10,
    text: `**DS4 launch: English assets**

The English versions of the launch film and the press kit are ready for the export markets. Subtitles are burned in for social, separate files for TV. Ping me if a market needs another language.`,
    reactions: { LIKE: ['thomas.girard', 'lea.fontaine'] },
    comments: [
      {
        by: 'thomas.girard',
        after: 2,
        text: 'Parfait, merci Hugo. La Belgique demandera sûrement une version néerlandaise.',
      },
    ],
  },
  {
    space: 'ds4',
    by: 'camille.martin',
    daysAgo: 14,
    at: 16,
    text: `Le teasing DS4 démarre bien : 420 000 vues sur la première vidéo, et les commentaires parlent surtout du design de la face avant. La question qui revient le plus : « Quelle autonomie pour l'hybride rechargeable ? ».`,
    reactions: { INSIGHTFUL: ['thomas.girard', 'lea.fontaine'] },
    comments: [
      {
        by: 'lea.fontaine',
        after: 1,
        text: 'On prépare une FAQ courte avec le produit, pour que tout le monde réponde la même chose.',
      },
    ],
  },
  {
    space: 'ds4',
    by: 'chloe.petit',
    daysAgo: 9,
    at: 9.5,
    text: `Plan CRM du lancement DS4 : un e-mail « en avant-première » aux clients actuels dont le véhicule a plus de 4 ans, avec une invitation aux portes ouvertes. 45 000 destinataires, envoi à J-3.`,
    reactions: { LIKE: ['marc.dubois', 'thomas.girard'] },
    comments: [
      {
        by: 'marc.dubois',
        after: 3,
        text: 'Attention aux règles de pression : ceux qui ont reçu la relance location ce mois-ci doivent être exclus.',
        reactions: { LIKE: ['chloe.petit'] },
      },
    ],
  },
  {
    space: 'ds4',
    by: 'manon.garnier',
    daysAgo: 7,
    at: 15,
    text: `Les kits points de vente DS4 sont partis vers les 180 concessions. Livraison prévue avant la fin de semaine ; si une concession ne reçoit rien, prévenez-moi directement.`,
    reactions: { SUPPORT: ['thomas.girard', 'nicolas.faure'] },
  },
  {
    space: 'ds4',
    by: 'thomas.girard',
    daysAgo: 3,
    at: 18,
    text: `**Ouverture des commandes DS4 : premier bilan**

1 150 commandes en 5 jours, dont 40 % de l'hybride rechargeable. Bravo à toutes les équipes : la campagne de lancement a tenu tous ses objectifs de la première semaine.`,
    reactions: {
      CELEBRATE: ['helene.roussel', 'sophie.lambert', 'marc.dubois', 'lea.fontaine', 'camille.martin', 'manon.garnier'],
    },
    comments: [
      { by: 'helene.roussel', after: 1, text: 'Superbe travail collectif, merci à tous.' },
      {
        by: 'nicolas.faure',
        after: 4,
        text: 'Dealers are asking for more demo cars: most of them have one and it is booked every day.',
        reactions: { INSIGHTFUL: ['thomas.girard'] },
      },
    ],
  },
  {
    space: 'ds4',
    by: 'julien.moreau',
    daysAgo: 1,
    at: 11,
    text: `Dernière ligne droite pour la campagne digitale DS4 : on réalloue 15 % du budget display vers la recherche payante, qui convertit deux fois mieux depuis l'ouverture des commandes.`,
  },

  {
    space: 'ds4',
    by: 'hugo.bernard',
    daysAgo: 5,
    at: 13,
    text: `Press coverage of the DS4 launch so far: 160 articles, mostly positive on design and interior quality. Two reviews criticise the infotainment response time; @thomas.girard I have shared them with the product team.`,
    reactions: { INSIGHTFUL: ['thomas.girard', 'lea.fontaine'] },
  },

  // Veille concurrentielle (private)
  {
    space: 'watch',
    by: 'sophie.lambert',
    daysAgo: 25,
    at: 10,
    pinned: true,
    text: `**Comment on fait la veille ici**

Un post par observation, avec la source (lien, photo, capture) et la date. Pas de rumeurs. Chaque vendredi, @camille.martin fait la synthèse pour le comité de direction.`,
    reactions: { LIKE: ['thomas.girard', 'camille.martin', 'antoine.leroy', 'hugo.bernard'] },
  },
  {
    space: 'watch',
    by: 'camille.martin',
    daysAgo: 21,
    at: 9,
    text: `Un concurrent allemand lance une offre de location longue durée agressive sur sa compacte premium : loyer d'appel très bas, entretien inclus, 36 mois. Campagne TV et affichage dans les grandes villes.`,
    reactions: { INSIGHTFUL: ['sophie.lambert', 'thomas.girard'] },
    comments: [
      {
        by: 'antoine.leroy',
        after: 3,
        text: 'Leur offre exige un apport élevé, on peut le souligner dans notre argumentaire réseau.',
        replies: [{ by: 'camille.martin', after: 4, text: 'Bien vu, je l’ajoute dans la synthèse de vendredi.' }],
      },
    ],
  },
  {
    space: 'watch',
    by: 'hugo.bernard',
    daysAgo: 16,
    at: 15,
    text: `Competitor watch: a Korean brand just launched a loyalty app with over-the-air service booking and rewards for referrals. The onboarding is very smooth. Screenshots in the comments.`,
    reactions: { INSIGHTFUL: ['antoine.leroy', 'sophie.lambert'] },
    comments: [
      {
        by: 'antoine.leroy',
        after: 2,
        text: 'Intéressant pour notre carte fidélité digitale. Je regarde leur parcours d’inscription en détail.',
      },
    ],
  },
  {
    space: 'watch',
    by: 'thomas.girard',
    daysAgo: 12,
    at: 11,
    text: `Le nouveau film de marque d'un constructeur italien mise tout sur l'émotion et le patrimoine, sans jamais montrer le prix. Très proche de notre territoire : il faudra se différencier sur le savoir-faire.`,
    comments: [
      {
        by: 'sophie.lambert',
        after: 2,
        text: 'D’accord. Sujet pour le prochain brief de campagne de marque.',
      },
    ],
  },
  {
    space: 'watch',
    by: 'antoine.leroy',
    daysAgo: 6,
    at: 14,
    text: `Observation en concession chez un concurrent : tablettes pour configurer avec le vendeur, et devis envoyé par SMS en fin de visite. Les clients apprécient de repartir avec tout sur leur téléphone.`,
    reactions: { INSIGHTFUL: ['camille.martin', 'hugo.bernard'] },
  },
  {
    space: 'watch',
    by: 'camille.martin',
    daysAgo: 2,
    at: 17,
    text: `Synthèse de la veille de la semaine : deux offres de financement agressives sur les SUV compacts, un lancement électrique reporté chez un concurrent, et beaucoup d'investissements en influence sur TikTok.`,
    reactions: { LIKE: ['sophie.lambert', 'thomas.girard'] },
  },
];
