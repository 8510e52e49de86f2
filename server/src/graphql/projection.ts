// The read path's projection: what a GraphQL request selects, compiled into one SQL expression that builds exactly that
// JSON in PostgreSQL (columns, embeddables, to-one relations as correlated subqueries, to-many as json_agg), from the
// entities' MikroORM metadata. Hot reads answer with these plain rows instead of hydrating and tracking entities;
// field resolvers that still run on them see a plain object (isReadRow) and return what the row already holds.
// A selection the compiler cannot express (an argument, a directive, a field computed in Node) yields undefined and
// the caller takes the entity path: the answer is the same, only slower.
import { quoteIdent } from '../common/sql.js';
import { boundRead } from '../db/prepared.js';
import {
  Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode,
} from 'graphql';
import type { EntityMetadata, EntityProperty, MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { getMetadataStorage } from 'type-graphql';

/** A selected field, merged over fragments and aliases (a plain row holds one value per field name). */
export interface Selected {
  name: string;
  node: FieldNode;
  sets: SelectionSetNode[];
}

/** A field the compiler computes itself: its SQL expression, or undefined when it cannot. */
export type FieldRule = (p: Projection, alias: string, field: Selected) => string | undefined;

export interface EntityRules {
  /** Fields computed by a rule (relations with their order and filters, derived values). */
  fields?: Record<string, FieldRule>;
  /** Fields whose resolver runs on the plain row, with the properties it reads (e.g. a masked e-mail). */
  needs?: Record<string, string[]>;
}

/** The most key/value pairs one json_build_object takes (PostgreSQL allows 100 arguments). */
const PAIRS_PER_CALL = 50;

/**
 * A row of the read path, as a field resolver's root. Declaring roots as `Entity | ReadRow` also keeps type-graphql
 * from copying every root into a new instance of the entity class (it does so for a root typed as the class).
 */
export type ReadRow = Record<string, unknown>;

/** A plain row of the read path (JSON from PostgreSQL), not an entity of the unit of work. */
export const isReadRow = (root: object): boolean => {
  // A plain object's prototype is an Object.prototype (of whichever realm parsed it), whose own prototype is null.
  const proto = Object.getPrototypeOf(root);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

const embeddedCache = new WeakMap<EntityProperty, EntityProperty[]>();
let resolved: Set<string> | undefined;
/** `Type.field` of every field with a resolver method: its value is not a column, unless a rule says how. */
function hasResolver(entity: string, field: string): boolean {
  resolved ??= new Set(getMetadataStorage().fieldResolvers.map((r) => `${r.getObjectType?.()?.name ?? r.target.name}.${r.schemaName}`));
  return resolved.has(`${entity}.${field}`);
}


/** Compiled SQL per field node of a parsed document: Apollo keeps parsed documents, so a console's query compiles once. */
const compiledByNode = new WeakMap<FieldNode, Map<string, string | undefined>>();

export class Projection {
  private aliases = 0;

  constructor(
    private readonly metadata: MetadataStorage,
    private readonly info: GraphQLResolveInfo,
    private readonly rules: Record<string, EntityRules>,
  ) {}

  /**
   * What `compile` gives for the resolver's field, memoised on the parsed document's field node under `key` (what else
   * the SQL depends on: the caller's visibility, the lookup key). Variables never change a projection.
   */
  once(key: string, compile: () => string | undefined): string | undefined {
    const node = this.info.fieldNodes[0]!;
    let byKey = compiledByNode.get(node);
    if (!byKey) compiledByNode.set(node, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key);
    const sql = compile();
    byKey.set(key, sql);
    return sql;
  }

  /** A fresh table alias for a subquery. */
  alias(): string {
    return `r${++this.aliases}`;
  }

  meta(entity: string): EntityMetadata {
    return this.metadata.getByClassName(entity);
  }

  /** The fields of selection sets, fragments inlined, grouped by field name; undefined if a directive decides. */
  fields(sets: readonly SelectionSetNode[]): Selected[] | undefined {
    const byName = new Map<string, Selected>();
    const visit = (set: SelectionSetNode): boolean => {
      for (const s of set.selections) {
        if (s.directives?.length) return false;
        if (s.kind === Kind.FIELD) {
          if (s.name.value === '__typename') continue;
          const seen = byName.get(s.name.value);
          if (seen) {
            // The same field twice with different arguments cannot share one value on a plain row.
            if ((seen.node.arguments?.length ?? 0) || (s.arguments?.length ?? 0)) return false;
            if (s.selectionSet) seen.sets.push(s.selectionSet);
          } else {
            byName.set(s.name.value, { name: s.name.value, node: s, sets: s.selectionSet ? [s.selectionSet] : [] });
          }
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          if (!visit(s.selectionSet)) return false;
        } else {
          const fragment = this.info.fragments[s.name.value];
          if (!fragment || !visit(fragment.selectionSet)) return false;
        }
      }
      return true;
    };
    return sets.every(visit) ? [...byName.values()] : undefined;
  }

  /** The resolver's own field and its selection. */
  own(): Selected {
    return { name: this.info.fieldName, node: this.info.fieldNodes[0]!, sets: this.info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])) };
  }

  /** The selection of the field `name` under the resolver's own field (e.g. `items` of a page). */
  child(name: string): Selected | undefined {
    return this.fields(this.own().sets)?.find((f) => f.name === name);
  }

  /** Whether the resolver's own field selects `name`. */
  selects(name: string): boolean {
    return !!this.child(name);
  }

  /** JSON of one row of `entity` (table alias `alias`) with the selected fields; undefined if one cannot be compiled. */
  object(entity: string, alias: string, sets: readonly SelectionSetNode[]): string | undefined {
    const meta = this.meta(entity);
    const selected = this.fields(sets);
    if (!selected) return undefined;
    const rules = this.rules[entity] ?? {};
    const pairs = new Map<string, string>();
    const pk = meta.properties[meta.primaryKeys[0]!]!;
    // The key always travels: resolvers that run on the row, and the caller's cursors, read it.
    pairs.set(pk.name, this.column(pk, alias));
    for (const field of selected) {
      if (field.node.arguments?.length && !rules.fields?.[field.name]) return undefined;
      const rule = rules.fields?.[field.name];
      if (rule) {
        const sql = rule(this, alias, field);
        if (sql === undefined) return undefined;
        pairs.set(field.name, sql);
        continue;
      }
      const needs = rules.needs?.[field.name];
      if (needs) {
        for (const name of needs) {
          const prop = meta.properties[name];
          if (!prop) return undefined;
          pairs.set(name, this.column(prop, alias));
        }
        continue;
      }
      const prop = meta.properties[field.name];
      if (!prop || prop.embedded || hasResolver(entity, field.name)) return undefined;
      if (prop.kind === 'scalar') pairs.set(field.name, this.column(prop, alias));
      else if (prop.kind === 'embedded') {
        const sql = this.embedded(meta, prop, alias, field.sets);
        if (sql === undefined) return undefined;
        pairs.set(field.name, sql);
      } else if (prop.kind === 'm:1') {
        const sql = this.toOne(prop, alias, field.sets);
        if (sql === undefined) return undefined;
        pairs.set(field.name, sql);
      } else return undefined; // to-many relations need a rule (their order)
    }
    return buildObject([...pairs]);
  }

  /** A column as JSON: timestamps as the ISO instant the DateTimeISO scalar prints (milliseconds, UTC). */
  column(prop: EntityProperty, alias: string): string {
    const col = `${alias}.${quoteIdent(prop.fieldNames[0]!)}`;
    if (prop.runtimeType === 'Date') return `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    if (prop.type === 'bigint' || prop.columnTypes?.[0] === 'bigint') return `${col}::text`;
    return col;
  }

  /** The column of a property path of `entity`, through embeddables (e.g. 'profile.name'). */
  columnOf(entity: string, path: string, alias: string): string {
    const meta = this.meta(entity);
    const [head, ...rest] = path.split('.');
    let prop = meta.properties[head!]!;
    for (const part of rest) prop = this.embeddedChildren(meta, prop).find((c) => c.embedded![1] === part)!;
    return this.column(prop, alias);
  }

  /** to-one relation: the target row as JSON (null when the key is null). */
  toOne(prop: EntityProperty, alias: string, sets: readonly SelectionSetNode[]): string | undefined {
    const target = this.meta(prop.type);
    const t = this.alias();
    const json = this.object(target.className, t, sets);
    if (json === undefined) return undefined;
    const key = target.properties[target.primaryKeys[0]!]!;
    return `(select ${json} from ${quoteIdent(target.tableName)} ${t} where ${t}.${quoteIdent(key.fieldNames[0]!)} = ${alias}.${quoteIdent(prop.fieldNames[0]!)})`;
  }

  /** to-many rows of `entity` whose `fk` is the parent's key, ordered and filtered, as a JSON array. */
  toMany(entity: string, fk: string, parentKey: string, orderBy: string, sets: readonly SelectionSetNode[], where?: (t: string) => string): string | undefined {
    const meta = this.meta(entity);
    const t = this.alias();
    const json = this.object(entity, t, sets);
    if (json === undefined) return undefined;
    const order = orderBy.split(',').map((part) => {
      const [name, dir] = part.trim().split(/\s+/);
      return `${t}.${quoteIdent(meta.properties[name!]!.fieldNames[0]!)} ${dir ?? 'asc'}`;
    }).join(', ');
    const fkColumn = quoteIdent(meta.properties[fk]!.fieldNames[0]!);
    return `coalesce((select json_agg(${json} order by ${order}) from ${quoteIdent(meta.tableName)} ${t} where ${t}.${fkColumn} = ${parentKey}${where ? ` and ${where(t)}` : ''}), '[]'::json)`;
  }

  /** The inlined properties of an embeddable (metadata does not change: found once per process). */
  private embeddedChildren(meta: EntityMetadata, parent: EntityProperty): EntityProperty[] {
    let children = embeddedCache.get(parent);
    if (!children) {
      children = Object.values(meta.properties).filter((p) => p.embedded?.[0] === parent.name);
      embeddedCache.set(parent, children);
    }
    return children;
  }

  private embedded(meta: EntityMetadata, parent: EntityProperty, alias: string, sets: readonly SelectionSetNode[]): string | undefined {
    const selected = this.fields(sets);
    if (!selected) return undefined;
    const children = this.embeddedChildren(meta, parent);
    const pairs: Array<[string, string]> = [];
    for (const field of selected) {
      const child = children.find((c) => c.embedded![1] === field.name);
      if (!child || field.node.arguments?.length) return undefined;
      if (child.kind === 'embedded') {
        const sql = this.embedded(meta, child, alias, field.sets);
        if (sql === undefined) return undefined;
        pairs.push([field.name, sql]);
      } else pairs.push([field.name, this.column(child, alias)]);
    }
    const json = buildObject(pairs);
    if (!parent.nullable) return json;
    // A nullable embeddable is null when all of its columns are (as the ORM loads it).
    const leaves = this.leafColumns(meta, parent, alias);
    return `case when num_nonnulls(${leaves.join(', ')}) = 0 then null else ${json} end`;
  }

  private leafColumns(meta: EntityMetadata, parent: EntityProperty, alias: string): string[] {
    return this.embeddedChildren(meta, parent).flatMap((c) =>
      c.kind === 'embedded' ? this.leafColumns(meta, c, alias) : [`${alias}.${quoteIdent(c.fieldNames[0]!)}`]);
  }
}

/** SQL with its parameters (`?` placeholders), e.g. from a QueryBuilder's toQuery(). */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

/**
 * The ordered keys of a page: a QueryBuilder's statement with LIMIT and OFFSET as literals. Reads run from cached
 * plans (db/prepared.ts), and a generic plan must see the page size: with `limit $1` it sorted the whole outbox.
 */
export function pageKeys(keys: Statement, offset: number, limit: number): Statement {
  if (![offset, limit].every((n) => Number.isSafeInteger(n) && n >= 0)) throw new Error(`page bounds ${offset}, ${limit}`);
  return { sql: `${keys.sql} limit ${limit} offset ${offset}`, params: keys.params };
}

/**
 * One statement for a page: the rows of `table` (alias r0 in `json`) whose keys the ordered subquery `keys` returns,
 * in its order, as a JSON array, and the count (when asked).
 */
export async function readPage<Row>(em: EntityManager, table: string, json: string, keys: Statement, count?: Statement): Promise<{ items: Row[]; total: number }> {
  const items = `(select coalesce(json_agg(${json} order by p.n), '[]'::json) from unnest(array(${keys.sql})) with ordinality p(id, n) join ${quoteIdent(table)} r0 on r0."id" = p.id)`;
  const [row] = await boundRead<{ total: number | null; items: Row[] }>(
    em, `select (${count?.sql ?? 'null'}) as "total", ${items} as "items"`, [...(count?.params ?? []), ...keys.params]);
  return { items: row!.items, total: Number(row!.total ?? 0) };
}

/** json_build_object of the pairs (in calls of at most 50 pairs, merged as jsonb when there are more). */
function buildObject(pairs: ReadonlyArray<readonly [string, string]>): string {
  const call = (chunk: ReadonlyArray<readonly [string, string]>, fn: string) =>
    `${fn}(${chunk.map(([k, v]) => `'${k.replace(/'/g, "''")}', ${v}`).join(', ')})`;
  if (pairs.length <= PAIRS_PER_CALL) return call(pairs, 'json_build_object');
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) chunks.push(call(pairs.slice(i, i + PAIRS_PER_CALL), 'jsonb_build_object'));
  return `(${chunks.join(' || ')})`;
}
