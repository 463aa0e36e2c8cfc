import { Inject, Injectable } from '@nestjs/common';
import { type Actor } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { InvitationsService } from '../co-creation/invitations.service';
import { OffersService } from '../co-creation/offers.service';
import { ProposalsService } from '../co-creation/proposals.service';
import { ThreadsService } from '../co-creation/threads.service';
import { CommentsService } from '../comments/comments.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoProposal {
  key: string;
  by: string;
  title: string;
  description: string;
  voters: string[];
}

/** The contest running now: proposals are in, customers are voting. */
const CONTEST = {
  title: 'DS 4 « Édition Atelier » : dessinez la série limitée',
  question: `Nous préparons une série limitée de la **DS 4** pour le printemps, en 300 exemplaires.
Quelle finition, quelle couleur, quel détail la rendrait unique à vos yeux ?`,
  rules: `- Une idée par proposition, photos bienvenues (4 au plus).
- Les propositions sont ouvertes pendant deux semaines, puis chacun vote pour ses préférées.
- L'équipe retient les idées les plus soutenues pour la série.`,
  proposals: [
    {
      key: 'cuivre',
      by: 'pierre.durand',
      title: 'Jantes 19" cuivre satiné et surpiqûres assorties',
      description: `Des jantes **cuivre satiné** rappelées par les surpiqûres des sièges et le liseré du volant.
Sur une caisse Noir Perla, l'effet serait discret le jour et chaleureux le soir.`,
      voters: ['pierre.durand', 'aurelie.chevalier', 'karim.benali'],
    },
    {
      key: 'bleu',
      by: 'aurelie.chevalier',
      title: 'Teinte Bleu Encre avec toit noir contrasté',
      description: `Un bleu très profond, presque noir sous la pluie, avec le toit et les rétroviseurs noir brillant.
Le badge « Édition Atelier » pourrait reprendre la couleur de la caisse.`,
      voters: ['aurelie.chevalier', 'karim.benali'],
    },
    {
      key: 'cuir',
      by: 'karim.benali',
      title: 'Cuir tressé sur la console centrale',
      description: `Le tressage de la planche de bord existe déjà sur la DS 7 : l'avoir sur la console centrale de la DS 4
donnerait un vrai caractère artisanal à l'habitacle.`,
      voters: ['pierre.durand'],
    },
  ] as DemoProposal[],
};

/** The thread that produced the published offer. */
const TEST_DRIVES = {
  title: 'Essais DS 4 : qu’est-ce qui vous ferait pousser la porte ?',
  question: `Beaucoup d'entre vous hésitent à réserver un essai en concession.
**Qu'est-ce qui vous donnerait envie de venir essayer la DS 4 ?**`,
  rules: 'Soyez concrets : horaires, durée, lieu, accompagnement… Toutes les idées sont lues par l’équipe Réseau.',
  proposals: [
    {
      key: 'weekend',
      by: 'karim.benali',
      title: 'Un essai de 24 heures le week-end',
      description: `Vingt minutes autour de la concession ne suffisent pas. Garder la voiture du samedi matin au dimanche
matin permettrait de l'essayer sur autoroute, en ville et chargée pour un départ en famille.`,
      voters: ['karim.benali', 'pierre.durand', 'aurelie.chevalier'],
    },
    {
      key: 'domicile',
      by: 'aurelie.chevalier',
      title: 'Livraison de la voiture d’essai à domicile',
      description: 'Que le conseiller vienne avec la voiture au bureau ou à la maison, à l’heure du déjeuner.',
      voters: ['aurelie.chevalier', 'karim.benali'],
    },
    {
      key: 'weekend-bis',
      by: 'pierre.durand',
      title: 'Essayer la voiture tout un week-end',
      description: 'Comme d’autres l’ont dit : un essai long, sans vendeur à côté.',
      voters: ['pierre.durand'],
    },
  ] as DemoProposal[],
};

/**
 * The demo's co-creation: a customisation contest in its voting period, with the demo customers'
 * proposals, votes and discussion, and a closed thread on test drives that produced a published
 * offer crediting them. Built through the co-creation services, so it obeys every rule (invitations
 * are sent to the outbox and accepted like a customer would).
 */
@Injectable()
export class DemoCoCreation {
  constructor(
    private readonly threads: ThreadsService,
    private readonly invitations: InvitationsService,
    private readonly proposals: ProposalsService,
    private readonly offers: OffersService,
    private readonly comments: CommentsService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(people: Map<string, User>): Promise<void> {
    const actor = (handle: string): Actor => {
      const user = people.get(handle)!;
      return { id: user.id, role: user.role, active: user.active };
    };
    const origin = this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
    const customers = ['pierre.durand', 'aurelie.chevalier', 'karim.benali'];
    const now = Date.now();

    /** A thread opened by `owner`, the demo customers invited and joined, their proposals in. */
    const start = async (content: typeof CONTEST, owner: string, runners: string[]) => {
      const thread = await this.threads.create(actor(owner), {
        title: content.title,
        question: content.question,
        rules: content.rules,
        opensAt: new Date(now - HOUR),
        closesAt: new Date(now + 7 * DAY),
        votingEndsAt: new Date(now + 14 * DAY),
        runnerIds: runners.map((handle) => people.get(handle)!.id),
      });
      await this.threads.transition(actor(owner), thread.id, 'OPEN');
      const { links } = await this.invitations.invite(
        actor(owner),
        thread.id,
        customers.map((handle) => people.get(handle)!.email),
        origin,
      );
      // Signed in as themselves: they join without typing their password, as in the web app.
      await Promise.all(
        customers.map((handle) => {
          const user = people.get(handle)!;
          const token = links.get(user.email)!.split('/invitation/')[1];
          return this.invitations.accept({ token }, user, { ip: 'demo' });
        }),
      );
      const ids = new Map<string, string>();
      for (const item of content.proposals) {
        const proposal = await this.proposals.submit(actor(item.by), thread.id, {
          title: item.title,
          description: item.description,
          imageIds: [],
        });
        ids.set(item.key, proposal.id);
      }
      await this.threads.transition(actor(owner), thread.id, 'VOTING');
      await Promise.all(
        content.proposals.flatMap((item) =>
          item.voters.map((voter) => this.proposals.setVote(actor(voter), ids.get(item.key)!, true)),
        ),
      );
      return { threadId: thread.id, ids };
    };

    // The contest, voting now.
    const contest = await start(CONTEST, 'camille.martin', ['camille.martin', 'thomas.girard']);
    await this.comments.add(
      actor('aurelie.chevalier'),
      contest.ids.get('cuivre')!,
      'Très belle idée, le cuivre irait aussi très bien avec mon Bleu Encre !',
    );
    await this.comments.add(
      actor('camille.martin'),
      contest.ids.get('cuivre')!,
      'Merci Pierre, nous avons demandé un échantillon de la teinte au design.',
    );
    await this.proposals.addNote(
      actor('thomas.girard'),
      contest.ids.get('cuir')!,
      'Surcoût estimé à 180 € par véhicule côté usine : à arbitrer avec la marge de la série.',
    );
    await this.proposals.shortlist(actor('camille.martin'), contest.ids.get('cuivre')!, true);
    await this.proposals.shortlist(actor('camille.martin'), contest.ids.get('bleu')!, true);
    // One invitation nobody has used yet: its link waits in the outbox.
    await this.invitations.invite(
      actor('camille.martin'),
      contest.threadId,
      ['sylvie.marchand@client.example'],
      origin,
    );

    // The test-drive thread: the duplicate merged, an offer approved, published, the thread closed.
    const drives = await start(TEST_DRIVES, 'manon.garnier', ['manon.garnier']);
    await this.comments.add(
      actor('pierre.durand'),
      drives.ids.get('weekend')!,
      'Exactement, et avec le plein fait : on veut voir la consommation réelle.',
    );
    await this.proposals.merge(actor('manon.garnier'), drives.ids.get('weekend-bis')!, drives.ids.get('weekend')!);
    const offer = await this.offers.create(
      actor('manon.garnier'),
      drives.threadId,
      [drives.ids.get('weekend')!, drives.ids.get('domicile')!],
      {
        title: 'Essai DS 4 « Grand Week-end »',
        description: `Gardez la DS 4 du samedi 9 h au lundi 9 h, livrée chez vous par votre conseiller et reprise à domicile.
Une idée de nos clients, retenue par le réseau.`,
        terms:
          'Sur réservation, dans les concessions participantes, sous réserve de disponibilité. Permis de plus de 3 ans.',
        price: null,
        discountPercent: null,
        currency: 'EUR',
        validFrom: new Date(now).toISOString().slice(0, 10),
        validUntil: new Date(now + 90 * DAY).toISOString().slice(0, 10),
      },
    );
    await this.offers.transition(actor('thomas.girard'), offer.id, 'APPROVED');
    await this.offers.transition(actor('manon.garnier'), offer.id, 'PUBLISHED');
    await this.threads.transition(actor('manon.garnier'), drives.threadId, 'CLOSED');

    // A history in the past: the contest opened two weeks ago and votes until next week; the test
    // drives ran last month. (The services stamp now(); only the demo needs dates behind it.)
    await this.dataSource.query(
      `update co_creation_threads set opens_at = $2::timestamptz, opened_at = $2::timestamptz, closes_at = $3, voting_ends_at = $4,
              created_at = $2::timestamptz - interval '2 days' where id = $1`,
      [contest.threadId, new Date(now - 14 * DAY), new Date(now - DAY), new Date(now + 6 * DAY)],
    );
    await this.dataSource.query(
      `update co_creation_threads set opens_at = $2::timestamptz, opened_at = $2::timestamptz, closes_at = $3, voting_ends_at = $4,
              created_at = $2::timestamptz - interval '3 days' where id = $1`,
      [drives.threadId, new Date(now - 45 * DAY), new Date(now - 30 * DAY), new Date(now - 20 * DAY)],
    );
    await this.dataSource.query(
      `update offers set created_at = $2::timestamptz, approved_at = $2::timestamptz + interval '1 day', published_at = $2::timestamptz + interval '2 days'
        where id = $1`,
      [offer.id, new Date(now - 18 * DAY)],
    );
  }
}
