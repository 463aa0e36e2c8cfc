import DataLoader from 'dataloader';
import type { Request } from 'express';
import { Space } from './space.entity';
import { SpacesService } from './spaces.service';

interface SpaceLoaders {
  space: DataLoader<string, Space | undefined>;
  memberSpaceIds: () => Promise<Set<string>>;
}

const perRequest = new WeakMap<object, SpaceLoaders>();

/** Loaders that live as long as one request: a page of posts costs one query for all its spaces. */
export function spaceLoaders(req: Request, spaces: SpacesService): SpaceLoaders {
  let loaders = perRequest.get(req);
  if (!loaders) {
    let memberships: Promise<Set<string>> | undefined;
    const viewerId = req.user?.id ?? '';
    loaders = {
      space: new DataLoader(async (ids) => {
        const rows = await spaces.byIds(ids);
        return ids.map((id) => rows.find((row) => row.id === id));
      }),
      memberSpaceIds: () => (memberships ??= spaces.memberSpaceIds(viewerId)),
    };
    perRequest.set(req, loaders);
  }
  return loaders;
}
