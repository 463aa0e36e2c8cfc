/**
 * 200 searches people would type in a marketing department: single words common and rare, two
 * words, accents left out, English words and stems, quoted phrases, names, figures, and words that
 * match nothing. Each has a kind, so the report shows which kind is slow.
 */
const BASE = {
  common: [
    'campagne',
    'concessionnaires',
    'essai',
    'lancement',
    'DS4',
    'clics',
    'leads',
    'réseau',
    'vidéo',
    'budget',
    'campaign',
    'dealers',
    'newsletter',
    'chiffres',
    'visuels',
  ],
  rare: [
    'Quimper',
    'Colmar',
    'Angoulême',
    'Laëtitia',
    'Capucine',
    'DS9 Opéra',
    'SpaceTourer',
    'Montélimar',
    'Clermont-Ferrand',
    'Bérénice',
    'Genève',
    'Marseille',
    'Bordeaux',
    'Provence',
    'influenceurs',
    'configurateur',
    'métro',
    'berline',
    'fidélité',
    'rétroplanning',
    'affiches',
    'Hélène',
    'Théo',
    'billboard',
    'giveaway',
  ],
  twoWords: [
    'campagne Instagram',
    'essais routiers',
    'portes ouvertes',
    'SUV électrique',
    'taux ouverture',
    'coût lead',
    'salon automobile',
    'spot télé',
    'test drive',
    'open rate',
    'press launch',
    'dealer feedback',
    'séance photo',
    'budget média',
    'landing page',
  ],
  noAccents: [
    'reseau',
    'video',
    'geneve',
    'electrique',
    'fidelite',
    'evenementielle',
    'metro',
    'retroplanning',
    'delais livraison',
    'reduction emissions',
    'emailing relance',
    'Helene',
    'equipe',
    'elegante',
    'enquete satisfaction',
    'angouleme',
    'perigueux',
    'noemie',
    'gaelle',
    'beziers',
  ],
  stems: [
    'campagnes',
    'lancer',
    'essayer',
    'validée',
    'concessionnaire',
    'influenceur',
    'launches',
    'driving',
    'emails',
    'comments',
    'dealership',
    'approved',
    'targets',
    'reviewing',
    'commentaires',
  ],
  phrases: [
    '"taux d’ouverture"',
    '"demandes d’essai"',
    '"portes ouvertes"',
    '"test drive"',
    '"open rate"',
    '"coût par lead"',
    '"tableau de bord"',
    '"séance photo"',
    '"young urban audience"',
    '"remise de clés"',
  ],
  none: ['tracteur', 'moissonneuse', 'blockchain', 'kangourou', 'submarine', 'xylophone', 'pétanque', 'origami'],
};

/** The 200 queries, in a fixed order mixing the kinds (so caches do not favour one kind). */
export function searchQueries() {
  const pool = Object.entries(BASE).flatMap(([kind, list]) => list.map((query) => ({ kind, query })));
  const extra = [
    ...BASE.rare.map((word, i) => ({ kind: 'twoWords', query: `${word} ${BASE.common[i % BASE.common.length]}` })),
    ...BASE.noAccents.map((word, i) => ({
      kind: 'noAccents',
      query: `${word} ${BASE.rare[i % BASE.rare.length].toLowerCase()}`,
    })),
    ...BASE.stems.map((word) => ({ kind: 'stems', query: word.toUpperCase() })),
    ...BASE.common.map((word, i) => ({
      kind: 'twoWords',
      query: `${word} ${BASE.stems[(i * 7) % BASE.stems.length]}`,
    })),
    ...BASE.rare.map((word) => ({ kind: 'rare', query: word.toLowerCase() })),
    ...BASE.twoWords.map((words) => ({ kind: 'twoWords', query: words.split(' ').reverse().join(' ') })),
    ...BASE.phrases.map((phrase) => ({ kind: 'common', query: phrase.replace(/"/g, '') })),
    ...BASE.none.map((word) => ({ kind: 'none', query: `${word} campagne` })),
  ];
  const unique = new Map([...pool, ...extra].map((item) => [item.query.toLowerCase(), item]));
  for (const common of BASE.common) {
    for (const rare of BASE.rare) {
      if (unique.size >= 200) break;
      unique.set(`${common} ${rare}`.toLowerCase(), { kind: 'twoWords', query: `${common} ${rare}` });
    }
  }
  const all = [...unique.values()].slice(0, 200);
  // Interleave deterministically.
  return all
    .map((item, i) => ({ item, key: (i * 7919) % all.length }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}
