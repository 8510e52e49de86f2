// An approval's writes in one statement: the rows it adds — contract rows, certificates, history, 新着情報, mails — as
// one INSERT … SELECT FROM json_populate_recordset per table, and its changes to the application, office and company
// as one UPDATE each, all data-modifying WITH parts of the same statement, instead of the unit of work's change sets and
// a round trip per table and row. Foreign keys are checked at the end of the statement (the rows of one part may refer
// to those of another); UNIQUE and CHECK constraints and triggers hold as for any insert or update. The entities stay
// managed afterwards: the flush that follows writes only what is left (a change application's changes to other rows).
import { ReferenceKind, Utils, helper, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { quoteIdent } from '../common/sql.js';

type Row = Record<string, unknown>;

/** The columns of an entity class, computed once: each column's name and how its value is read from an entity. */
interface Column {
  name: string;
  read: (entity: Record<string, unknown>) => unknown;
  /** The properties whose change rewrites this column: its own and the embeddables it is flattened from. */
  props: string[];
}
const columnsOf = new WeakMap<EntityMetadata, Column[]>();

function columns(meta: EntityMetadata): Column[] {
  let known = columnsOf.get(meta);
  if (known) return known;
  known = [];
  const props = meta.properties as Record<string, EntityProperty>;
  // A flattened embeddable's column is read through its owner(s): place_postal_code = entity.place?.postalCode.
  const reader = (prop: EntityProperty): ((entity: Record<string, unknown>) => unknown) => {
    if (!prop.embedded) return (e) => e[prop.name];
    const [owner, name] = prop.embedded as [string, string];
    const parent = reader(props[owner]!);
    return (e) => (parent(e) as Record<string, unknown> | null | undefined)?.[name];
  };
  const rootOf = (prop: EntityProperty): EntityProperty => (prop.embedded ? rootOf(props[prop.embedded[0] as string]!) : prop);
  const owners = (prop: EntityProperty): string[] => [prop.name, ...(prop.embedded ? owners(props[prop.embedded[0] as string]!) : [])];
  for (const prop of meta.props as EntityProperty[]) {
    if (prop.persist === false || prop.formula || !prop.fieldNames?.length) continue;
    if (prop.kind === ReferenceKind.SCALAR) {
      // A column of a flattened embeddable (an embeddable stored as one JSON column is written by its owner prop).
      if (prop.embedded && rootOf(prop).object) continue;
      known.push({ name: prop.fieldNames[0]!, read: reader(prop), props: owners(prop) });
    } else if (prop.kind === ReferenceKind.EMBEDDED) {
      if (prop.object && !prop.embedded) known.push({ name: prop.fieldNames[0]!, read: reader(prop), props: [prop.name] });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      if (prop.fieldNames.length !== 1) throw new Error(`approvalWrite: composite reference ${meta.className}.${prop.name}`);
      const read = reader(prop);
      const key = (e: Record<string, unknown>) => {
        const ref = read(e) as { id?: unknown } | null | undefined;
        return ref == null ? ref : ref.id;
      };
      known.push({ name: prop.fieldNames[0]!, read: key, props: owners(prop) });
    }
  }
  columnsOf.set(meta, known);
  return known;
}

/** A value as JSON for json_populate_recordset (dates as ISO instants; arrays and objects as they are). */
const jsonValue = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * What setting `changes` (property → new value) on `entity` would write: the columns that differ, by column name, with
 * their new and current values (a change recorded now and applied on its date, contractChange.ts).
 */
export function columnChanges(entity: object, changes: Record<string, unknown>): { after: Row; before: Row } {
  const meta = helper(entity).__meta as EntityMetadata;
  const draft = { ...(entity as Record<string, unknown>), ...changes };
  const after: Row = {};
  const before: Row = {};
  for (const c of columns(meta)) {
    if (!c.props.some((p) => p in changes)) continue;
    const [now, then] = [jsonValue(c.read(draft)) ?? null, jsonValue(c.read(entity as Record<string, unknown>)) ?? null];
    if (JSON.stringify(now) === JSON.stringify(then)) continue;
    after[c.name] = now;
    before[c.name] = then;
  }
  return { after, before };
}

/** Property paths by column name (profile.manager.email for manager_email), to show a change in the domain's words. */
export function propertyPaths(meta: EntityMetadata): Map<string, string> {
  const props = meta.properties as Record<string, EntityProperty>;
  // A flattened embeddable's property is named after its owner (profile_manager): the path uses the embeddable's names.
  const path = (prop: EntityProperty): string => (prop.embedded ? `${path(props[prop.embedded[0] as string]!)}.${prop.embedded[1] as string}` : prop.name);
  return new Map((meta.props as EntityProperty[]).filter((p) => p.fieldNames?.length === 1).map((p) => [p.fieldNames[0]!, path(p)]));
}

/** The columns of a loaded entity that changed since it was loaded (undefined: a change this cannot write). */
function changedColumns(em: EntityManager, entity: object): { meta: EntityMetadata; cols: Column[] } | undefined {
  const wrapped = helper(entity);
  const meta = wrapped.__meta as EntityMetadata;
  const original = wrapped.__originalEntityData as Record<string, unknown> | undefined;
  if (!original) return undefined;
  const comparator = em.getComparator();
  let now = comparator.prepareEntity(entity) as Record<string, unknown>;
  // Properties only (a joined load may leave its aliases in the loaded data); a one-to-many collection is the other
  // side's column: nothing to write here.
  const props = meta.properties as Record<string, EntityProperty>;
  const changed = (): string[] => Object.keys({ ...original, ...now })
    .filter((k) => props[k] && props[k].kind !== ReferenceKind.ONE_TO_MANY && !Utils.equals(now[k], original[k]));
  let keys = changed();
  if (!keys.length) return { meta, cols: [] };
  // What the ORM would stamp on an update (application.updated_at).
  const stamped = (meta.props as EntityProperty[]).filter((p) => p.onUpdate);
  if (stamped.length) {
    for (const p of stamped) (entity as Record<string, unknown>)[p.name] = p.onUpdate!(entity as never, em as never);
    now = comparator.prepareEntity(entity) as Record<string, unknown>;
    keys = changed();
  }
  const all = columns(meta);
  const cols = all.filter((c) => c.props.some((p) => keys.includes(p)));
  // A change no column holds (a collection, a composite key): left to the unit of work.
  if (keys.some((k) => !all.some((c) => c.props.includes(k)))) return undefined;
  return { meta, cols };
}

/**
 * Writes in one statement every new entity the unit of work has been asked to persist (one insert per table) and
 * the changes of the given loaded entities (one update each), then marks them all as written: the flush that follows
 * writes only what is left (changes to other loaded rows, collections). Entities with a generated key
 * (application_history's serial) get it from the statement. Returns how many rows it wrote.
 */
export async function writeApproval(em: EntityManager, loaded: readonly object[] = []): Promise<number> {
  const uow = em.getUnitOfWork();
  const stack = uow.getPersistStack();
  const fresh = [...stack].filter((e) => !helper(e).__managed && !helper(e).__originalEntityData);
  const byMeta = new Map<EntityMetadata, object[]>();
  for (const entity of fresh) {
    const meta = helper(entity).__meta as EntityMetadata;
    byMeta.set(meta, [...(byMeta.get(meta) ?? []), entity]);
  }
  const schema = em.config.get('schema') ?? 'public';
  // Schema-qualified: the row type of table "line" is not the built-in geometric type line.
  const tableOf = (meta: EntityMetadata) => `${quoteIdent(meta.schema ?? schema)}.${quoteIdent(meta.tableName)}`;
  const rowOf = (cols: Column[], entity: object): Row => {
    const row: Row = {};
    for (const c of cols) {
      const v = c.read(entity as Record<string, unknown>);
      if (v !== undefined) row[c.name] = jsonValue(v);
    }
    return row;
  };
  const params: unknown[] = [];
  const parts: string[] = [];
  const generated: Array<{ alias: string; entities: object[]; key: string; pk: string; numeric: boolean }> = [];
  for (const [meta, entities] of byMeta) {
    const cols = columns(meta);
    const rows = entities.map((e) => rowOf(cols, e));
    // The columns some row has a value for (a key the database generates is left to it).
    const used = cols.map((c) => c.name).filter((name) => rows.some((r) => name in r));
    const table = tableOf(meta);
    const list = used.map(quoteIdent).join(', ');
    const alias = `w${parts.length}`;
    params.push(JSON.stringify(rows));
    const pkProp = meta.properties[meta.primaryKeys[0] as never] as EntityProperty | undefined;
    const missingKey = pkProp && !used.includes(pkProp.fieldNames[0]!);
    if (missingKey) generated.push({ alias, entities, key: pkProp.name, pk: pkProp.fieldNames[0]!, numeric: pkProp.runtimeType === 'number' });
    parts.push(`${alias} as (insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ?::json)${missingKey ? ` returning ${quoteIdent(pkProp.fieldNames[0]!)}` : ''})`);
  }
  const updated: object[] = [];
  for (const entity of loaded) {
    const change = changedColumns(em, entity);
    if (!change) continue;
    if (!change.cols.length) continue;
    const { meta, cols } = change;
    if (meta.primaryKeys.length !== 1) continue;
    const pk = (meta.properties[meta.primaryKeys[0] as never] as EntityProperty).fieldNames[0]!;
    const table = tableOf(meta);
    const names = cols.map((c) => quoteIdent(c.name));
    params.push(JSON.stringify(rowOf(cols, entity)), (entity as Record<string, unknown>)[meta.primaryKeys[0] as string]);
    // Every changed column, null included (rowOf leaves undefined out: json_populate_record makes it null).
    parts.push(`w${parts.length} as (update ${table} t set (${names.join(', ')}) = (select ${cols.map((c) => `x.${quoteIdent(c.name)}`).join(', ')} from json_populate_record(null::${table}, ?::json) x) where t.${quoteIdent(pk)} = ?)`);
    updated.push(entity);
  }
  if (!parts.length) return 0;
  const select = generated.length
    ? generated.map((g) => `(select json_agg(${quoteIdent(g.pk)}) from ${g.alias}) as ${g.alias}`).join(', ')
    : '1 as done';
  const [row] = await em.execute<Array<Record<string, unknown>>>(`with ${parts.join(', ')} select ${select}`, params);
  for (const g of generated) {
    const keys = (row?.[g.alias] ?? []) as unknown[];
    // One generated key per row, in the order the rows were given (in practice one history entry per statement).
    // (A bigint key is a string in the entity, as the ORM reads it.)
    g.entities.forEach((e, i) => ((e as Record<string, unknown>)[g.key] = keys[i] === undefined || g.numeric ? keys[i] : String(keys[i])));
  }
  const comparator = em.getComparator();
  for (const entity of fresh) {
    stack.delete(entity);
    // Managed, with what was written as its loaded state: a later flush sees no change.
    uow.register(entity, undefined, { refresh: false });
    helper(entity).__originalEntityData = comparator.prepareEntity(entity);
  }
  for (const entity of updated) helper(entity).__originalEntityData = comparator.prepareEntity(entity);
  return fresh.length + updated.length;
}
