/**
 * Believable marketing posts in French and English for a car maker's marketing department, made
 * from parts so 200,000 of them differ: a deterministic generator (same seed, same corpus) so two
 * runs of a bench search the same text.
 */

export function rng(seed = 42) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FR = {
  openers: [
    'Bonne nouvelle :',
    'Point d’étape :',
    'Pour info,',
    'Retour terrain :',
    'Petit bilan de la semaine :',
    'À valider avant vendredi :',
    'Question rapide :',
    'Bravo à toute l’équipe,',
    'Rappel important :',
    '',
    '',
  ],
  subjects: [
    'la campagne de lancement de la DS4',
    'le jeu-concours Instagram',
    'la vidéo du nouveau SUV électrique',
    'l’opération portes ouvertes chez les concessionnaires',
    'la newsletter de printemps',
    'le salon de l’automobile de Genève',
    'la série d’essais routiers en Provence',
    'le partenariat avec les influenceurs lifestyle',
    'la refonte du configurateur en ligne',
    'le brief créatif pour l’agence',
    'la campagne d’affichage dans le métro',
    'l’emailing de relance des prospects',
    'le stand du réseau à Lyon',
    'la présentation presse de la berline hybride',
    'le calendrier éditorial de LinkedIn',
    'l’enquête de satisfaction après-vente',
    'le programme de fidélité des clients',
    'la remise de clés événementielle',
    'le tournage du spot télé à Marseille',
    'la landing page des essais gratuits',
  ],
  verbs: [
    'a dépassé les objectifs de',
    'a généré',
    'est validé avec',
    'démarre lundi avec',
    'doit encore être revu pour',
    'a rapporté',
    'affiche',
    'est décalé faute de',
    'a obtenu',
    'vise',
  ],
  objects: [
    '12 % de clics en plus',
    'plus de 3 000 demandes d’essai',
    'un taux d’ouverture de 38 %',
    'un budget média réduit',
    'des retours très positifs des concessionnaires',
    'une hausse des leads qualifiés',
    'des visuels légèrement retouchés',
    'un coût par lead divisé par deux',
    'des commentaires enthousiastes sur Facebook',
    'une audience jeune et urbaine',
    'une meilleure visibilité régionale',
    'des délais de livraison raccourcis',
    'une réduction des émissions mise en avant',
    'une ambiance premium et élégante',
  ],
  closers: [
    'Merci de relire le document partagé.',
    'Les chiffres détaillés sont dans le tableau de bord.',
    'On en reparle à la réunion de jeudi.',
    'Qui est disponible pour la prochaine séance photo ?',
    'Le réseau de Bordeaux demande déjà les kits.',
    'Pensez à mettre à jour le rétroplanning.',
    'La direction commerciale est ravie.',
    'Prochaine étape : le test A/B des accroches.',
    'Les concessionnaires attendent les affiches pour la fin du mois.',
    'Un grand merci à Hélène et à Théo pour leur réactivité.',
    '',
  ],
};

const EN = {
  openers: ['Quick update:', 'Heads up:', 'Great news,', 'Weekly recap:', 'FYI,', 'Question for the team:', '', ''],
  subjects: [
    'the DS4 launch campaign',
    'our Instagram giveaway',
    'the electric SUV teaser video',
    'the dealer open days',
    'the spring newsletter',
    'the Geneva motor show booth',
    'the test drive tour in Provence',
    'the influencer partnership',
    'the online configurator redesign',
    'the creative brief for the agency',
    'the billboard campaign',
    'the prospect nurturing emails',
    'the hybrid sedan press launch',
    'our LinkedIn editorial calendar',
    'the after-sales satisfaction survey',
    'the loyalty programme',
    'the TV commercial shoot',
    'the free test drive landing page',
  ],
  verbs: [
    'beat its targets with',
    'generated',
    'was approved with',
    'starts on Monday with',
    'still needs a review for',
    'delivered',
    'shows',
    'was postponed because of',
    'reached',
  ],
  objects: [
    '12% more clicks',
    'over 3,000 test drive requests',
    'a 38% open rate',
    'a smaller media budget',
    'very positive feedback from dealers',
    'more qualified leads',
    'slightly retouched visuals',
    'half the cost per lead',
    'enthusiastic comments on Facebook',
    'a young urban audience',
    'better regional reach',
    'shorter delivery times',
    'lower emissions in the spotlight',
    'a premium, elegant mood',
  ],
  closers: [
    'Please review the shared deck.',
    'Detailed figures are on the dashboard.',
    "Let's discuss it on Thursday.",
    'Who can join the next photo shoot?',
    'The Bordeaux dealership already asked for the kits.',
    'Remember to update the timeline.',
    'Sales leadership is delighted.',
    'Next step: A/B testing the headlines.',
    '',
  ],
};

const pick = (random, list) => list[Math.floor(random() * list.length)];

/** The long tail real posts have: places, people, models and codes that few posts mention. */
const CITIES =
  `Quimper Colmar Annecy Biarritz Perpignan Valence Chambéry Lorient Vannes Niort Angoulême Périgueux Cahors Rodez
  Albi Tarbes Pau Bayonne Dax Agen Montauban Carcassonne Narbonne Béziers Sète Nîmes Arles Avignon Orange Gap Digne Menton Antibes
  Cannes Fréjus Hyères Bastia Ajaccio Mâcon Roanne Vichy Moulins Nevers Auxerre Troyes Épinal Nancy Metz Thionville Verdun Reims
  Laon Soissons Compiègne Beauvais Amiens Abbeville Calais Dunkerque Arras Douai Lens Valenciennes Cambrai Maubeuge Rouen Évreux Dieppe
  Caen Cherbourg Alençon Laval Angers Saumur Cholet Tours Blois Chartres Orléans Bourges Châteauroux Limoges Guéret Tulle Brive Aurillac
  Clermont-Ferrand Le Puy Saint-Étienne Villefranche Bourg-en-Bresse Annemasse Thonon Grenoble Vienne Montélimar Privas Mende Millau`
    .split(/\s+/)
    .filter(Boolean);
const PEOPLE =
  `Hélène Théo Margaux Baptiste Océane Maxime Anaïs Quentin Clémence Romain Élodie Jérémy Laëtitia Kévin Mélanie Florian
  Aurélie Sébastien Gaëlle Cédric Noémie Loïc Maëlle Grégoire Solène Benoît Capucine Aurélien Bérénice Joël`.split(
    /\s+/,
  );
const MODELS = [
  'DS3 Crossback',
  'DS4 Cross',
  'DS7 E-Tense',
  'DS9 Opéra',
  'C5 Aircross',
  'ë-C4',
  'Ami',
  'Berlingo Van',
  'SpaceTourer',
];
const DETAILS_FR = [
  (r) =>
    `${pick(r, PEOPLE)}, de la concession de ${pick(r, CITIES)}, a vendu trois ${pick(r, MODELS)} grâce à l’opération.`,
  (r) =>
    `Rendez-vous à ${pick(r, CITIES)} le ${1 + Math.floor(r() * 28)} pour la présentation de la ${pick(r, MODELS)}.`,
  (r) =>
    `Le code promo ${pick(r, MODELS).replace(/\W/g, '').toUpperCase()}${100 + Math.floor(r() * 900)} reste actif jusqu’à dimanche.`,
  (r) => `Merci à ${pick(r, PEOPLE)} et à l’équipe de ${pick(r, CITIES)} pour les photos.`,
];
const DETAILS_EN = [
  (r) => `${pick(r, PEOPLE)} from the ${pick(r, CITIES)} dealership sold three ${pick(r, MODELS)} thanks to it.`,
  (r) => `See you in ${pick(r, CITIES)} on the ${1 + Math.floor(r() * 28)}th for the ${pick(r, MODELS)} reveal.`,
];

/** One post body (plain text, two or three sentences) and its language. */
export function marketingPost(random) {
  const english = random() < 0.3;
  const words = english ? EN : FR;
  const sentence = [
    pick(random, words.openers),
    pick(random, words.subjects),
    pick(random, words.verbs),
    pick(random, words.objects),
  ]
    .filter(Boolean)
    .join(' ');
  const first = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  const detail = random() < 0.5 ? ` ${pick(random, english ? DETAILS_EN : DETAILS_FR)(random)}` : '';
  const body = `${first}. ${pick(random, words.closers)}${detail}`.replace(/\s+/g, ' ').trim();
  return { body, locale: english ? 'en' : 'fr' };
}

const COMMENTS = [
  'Super, merci !',
  'Bien joué 👏',
  'Je relis ça cet après-midi.',
  'On peut en parler demain ?',
  'Les chiffres sont impressionnants.',
  'Est-ce que le réseau est prévenu ?',
  'Great job!',
  'Can we share this with the dealers?',
  'Je valide de mon côté.',
  'Attention au délai d’impression.',
];

export const comment = (random) => pick(random, COMMENTS);

const FIRST = [
  'Camille',
  'Julien',
  'Léa',
  'Hugo',
  'Chloé',
  'Antoine',
  'Manon',
  'Nicolas',
  'Sophie',
  'Thomas',
  'Inès',
  'Mathis',
  'Zoé',
  'Lucas',
  'Emma',
  'Noah',
  'Jade',
  'Louis',
  'Sarah',
  'Gabriel',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
];

/** A display name for the n-th seeded user. */
export const personName = (n) => `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${n}`;

/** The HTML our Markdown renderer writes for one paragraph of plain text. */
export const paragraphHtml = (text) =>
  `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</p>`;
