import { Injectable } from '@nestjs/common';
import {
  type Actor,
  type CostRow,
  DEFAULT_CURRENCY,
  type HourlyCostRow,
  MAX_HOURLY_COST,
  MAX_MONTHLY_COST,
  notFound,
  validateAmount,
  validateCurrency,
  validateEffectiveFrom,
} from '@atelier/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { isUuid } from '../common/ids';
import { CompanyClock } from '../time-saved/clock';
import { CostCurrency, HourlyCost, PlatformCost } from './cost.entity';
import type { CostSettings } from './costs.types';

/** Every row is an addition: a rate is changed by a new row from a date, never by an update. */
@Injectable()
export class CostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: CompanyClock,
  ) {}

  async settings(): Promise<CostSettings> {
    const order = { effectiveFrom: 'DESC', createdAt: 'DESC' } as const;
    return {
      currency: await this.currency(),
      hourlyCosts: await this.dataSource.manager.find(HourlyCost, { order }),
      platformCosts: await this.dataSource.manager.find(PlatformCost, { order }),
    };
  }

  async currency(): Promise<string> {
    const [latest] = await this.dataSource.manager.find(CostCurrency, { order: { createdAt: 'DESC' }, take: 1 });
    return latest?.code ?? DEFAULT_CURRENCY;
  }

  /** The history the ROI math reads. */
  async history(): Promise<{ hourly: HourlyCostRow[]; platform: CostRow[]; currency: string }> {
    const hourly = await this.dataSource.manager.find(HourlyCost);
    const platform = await this.dataSource.manager.find(PlatformCost);
    return {
      hourly: hourly.map((row) => ({
        teamId: row.teamId,
        amount: row.amount,
        effectiveFrom: row.effectiveFrom,
        recordedAt: row.createdAt.getTime(),
      })),
      platform: platform.map((row) => ({
        amount: row.monthlyAmount,
        effectiveFrom: row.effectiveFrom,
        recordedAt: row.createdAt.getTime(),
      })),
      currency: await this.currency(),
    };
  }

  async setTeamHourlyCost(
    actor: Actor,
    teamId: string | null,
    amount: number,
    effectiveFrom: string,
  ): Promise<HourlyCost> {
    const value = validateAmount(amount, MAX_HOURLY_COST);
    if (teamId) {
      if (!isUuid(teamId)) throw notFound('team');
      const [team] = await this.dataSource.query(`select 1 from teams where id = $1`, [teamId]);
      if (!team) throw notFound('team');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.serialise(manager, 'hourly_costs');
      const existing = await manager.find(HourlyCost, { where: { teamId: teamId ?? IsNull() } });
      const from = validateEffectiveFrom(
        effectiveFrom,
        existing.map((row) => row.effectiveFrom),
        this.clock.today(),
      );
      const { identifiers } = await manager.insert(HourlyCost, {
        teamId: teamId ?? null,
        amount: value,
        effectiveFrom: from,
        createdBy: actor.id,
      });
      return manager.findOneByOrFail(HourlyCost, { id: identifiers[0].id as string });
    });
  }

  async setPlatformMonthlyCost(actor: Actor, amount: number, effectiveFrom: string): Promise<PlatformCost> {
    const value = validateAmount(amount, MAX_MONTHLY_COST);
    return this.dataSource.transaction(async (manager) => {
      await this.serialise(manager, 'platform_costs');
      const existing = await manager.find(PlatformCost);
      const from = validateEffectiveFrom(
        effectiveFrom,
        existing.map((row) => row.effectiveFrom),
        this.clock.today(),
      );
      const { identifiers } = await manager.insert(PlatformCost, {
        monthlyAmount: value,
        effectiveFrom: from,
        createdBy: actor.id,
      });
      return manager.findOneByOrFail(PlatformCost, { id: identifiers[0].id as string });
    });
  }

  async setCurrency(actor: Actor, code: string): Promise<string> {
    const currency = validateCurrency(code);
    await this.dataSource.manager.insert(CostCurrency, { code: currency, createdBy: actor.id });
    return currency;
  }

  /** Two admins setting a rate at once: the second sees the first's row before checking the dates. */
  private async serialise(manager: EntityManager, table: string): Promise<void> {
    await manager.query(`select pg_advisory_xact_lock(hashtext($1))`, [table]);
  }
}
