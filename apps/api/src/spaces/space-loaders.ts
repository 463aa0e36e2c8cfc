import DataLoader from 'dataloader';
import type { Request } from 'express';
import type { User } from '../users/user.entity';
import { Space } from './space.entity';
import { SpacesService } from './spaces.service';

interface SpaceLoaders {
  space: DataLoader<string, Space | undefined>;
  memberSpaceIds: () => Promise<Set<string>>;
  /** Members of a space by name; the key is the space, whose team decides part of them. */
  members: DataLoader<Space, User[], string>;
}

const perRequest = new WeakMap<object, SpaceLoaders>();

/**
 * The owner a feed page read with a space, kept with that very space object (as posts keep what
 * was read with them): Space.owner then answers without a promise.
 */
const ownersReadWith = new WeakMap<Space, User>();

export function readWithSpace(space: Space, owner: User): void {
  ownersReadWith.set(space, owner);
}

export const ownerReadWith = (space: Space): User | undefined => ownersReadWith.get(space);

/**
 * Loaders that live as long as one request: a page of posts costs one query for all its spaces,
 * a list of spaces two queries for all their members. Owners come from UserLoaders, in the same batch
 * as the page's authors.
 */
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
      members: new DataLoader(
        async (keys) => {
          const members = await spaces.membersOf(keys);
          return keys.map((space) => members.get(space.id) ?? []);
        },
        { cacheKeyFn: (space) => space.id },
      ),
    };
    perRequest.set(req, loaders);
  }
  return loaders;
}
