import type { Role } from '@atelier/domain';

/** Every demo account signs in with this password; printed at start so nobody has to look for it. */
export const DEMO_PASSWORD = 'atelier-demo-2026';

export const DEMO_TEAMS = [
  'Marque & Contenus',
  'Digital & Social',
  'CRM & Fidélisation',
  'Réseau & Événements',
] as const;
type DemoTeam = (typeof DEMO_TEAMS)[number];

export interface DemoPerson {
  email: string;
  displayName: string;
  role: Role;
  locale: 'fr' | 'en';
  teams: DemoTeam[];
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { email: 'helene.roussel@atelier.example', displayName: 'Hélène Roussel', role: 'ADMIN', locale: 'fr', teams: [] },
  {
    email: 'thomas.girard@atelier.example',
    displayName: 'Thomas Girard',
    role: 'MANAGER',
    locale: 'fr',
    teams: ['Marque & Contenus'],
  },
  {
    email: 'sophie.lambert@atelier.example',
    displayName: 'Sophie Lambert',
    role: 'MANAGER',
    locale: 'fr',
    teams: ['Digital & Social', 'Réseau & Événements'],
  },
  {
    email: 'marc.dubois@atelier.example',
    displayName: 'Marc Dubois',
    role: 'MANAGER',
    locale: 'fr',
    teams: ['CRM & Fidélisation'],
  },
  {
    email: 'camille.martin@atelier.example',
    displayName: 'Camille Martin',
    role: 'MARKETER',
    locale: 'fr',
    teams: ['Digital & Social'],
  },
  {
    email: 'julien.moreau@atelier.example',
    displayName: 'Julien Moreau',
    role: 'MARKETER',
    locale: 'fr',
    teams: ['Digital & Social'],
  },
  {
    email: 'lea.fontaine@atelier.example',
    displayName: 'Léa Fontaine',
    role: 'MARKETER',
    locale: 'fr',
    teams: ['Marque & Contenus'],
  },
  {
    email: 'hugo.bernard@atelier.example',
    displayName: 'Hugo Bernard',
    role: 'MARKETER',
    locale: 'en',
    teams: ['Marque & Contenus'],
  },
  {
    email: 'chloe.petit@atelier.example',
    displayName: 'Chloé Petit',
    role: 'MARKETER',
    locale: 'fr',
    teams: ['CRM & Fidélisation'],
  },
  {
    email: 'antoine.leroy@atelier.example',
    displayName: 'Antoine Leroy',
    role: 'MARKETER',
    locale: 'fr',
    teams: ['CRM & Fidélisation', 'Digital & Social'],
  },
  {
    email: 'manon.garnier@atelier.example',
    displayName: 'Manon Garnier',
    role: 'MARKETER',
    locale: 'fr',
    teams: ['Réseau & Événements'],
  },
  {
    email: 'nicolas.faure@atelier.example',
    displayName: 'Nicolas Faure',
    role: 'MARKETER',
    locale: 'en',
    teams: ['Réseau & Événements'],
  },
  { email: 'pierre.durand@client.example', displayName: 'Pierre Durand', role: 'CUSTOMER', locale: 'fr', teams: [] },
  {
    email: 'aurelie.chevalier@client.example',
    displayName: 'Aurélie Chevalier',
    role: 'CUSTOMER',
    locale: 'fr',
    teams: [],
  },
  { email: 'karim.benali@client.example', displayName: 'Karim Benali', role: 'CUSTOMER', locale: 'en', teams: [] },
];
