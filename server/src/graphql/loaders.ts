import DataLoader from 'dataloader';
import { wrap, type EntityClass, type FilterQuery, type FindOptions } from '@mikro-orm/postgresql';
import { loader, type Context } from './context.js';

/** Batches loads by primary key within one request. */
export function byId<T extends { id: string }>(ctx: Context, entity: EntityClass<T>): DataLoader<string, T | undefined> {
  return loader(ctx, `byId:${entity.name}`, () =>
    new DataLoader<string, T | undefined>(async (ids) => {
      const rows = await ctx.em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id));
    }),
  );
}

/** Batches the loading of child rows by their parent's key within one request. */
export function byParent<T extends object>(
  ctx: Context,
  entity: EntityClass<T>,
  parentProp: string,
  options: FindOptions<T> = {},
  extra: FilterQuery<T> = {} as FilterQuery<T>,
): DataLoader<string, T[]> {
  return loader(ctx, `byParent:${entity.name}:${parentProp}:${JSON.stringify(extra)}`, () =>
    new DataLoader<string, T[]>(async (parentIds) => {
      const where = { ...(extra as object), [parentProp]: { $in: [...parentIds] } } as FilterQuery<T>;
      const rows = await ctx.em.find(entity, where as never, options as FindOptions<T, never>);
      const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) {
        const parent = (row as Record<string, unknown>)[parentProp] as { id: string };
        groups.get(parent.id)?.push(row);
      }
      return parentIds.map((id) => groups.get(id) ?? []);
    }),
  );
}

/** The related entity, loaded through the request's batch loader unless already initialised. */
export async function related<T extends { id: string }>(
  ctx: Context,
  entity: EntityClass<T>,
  ref: T | undefined | null,
): Promise<T | undefined> {
  if (!ref) return undefined;
  if (wrap(ref).isInitialized()) return ref;
  return byId(ctx, entity).load(ref.id);
}
