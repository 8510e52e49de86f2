// What a document says about an application is read from the GraphQL schema itself: the fields of a type, in their
// declared order (the NSS screens'), and their labels (each field's description: the server's own names of the
// sections and items); enum values take their Japanese names from the one label table (admin-ui/src/labels.ts, plain
// data shared with the console, so both name a value alike). A field added to a section of the application appears in
// the 申込書 without touching this module.
import {
  GraphQLEnumType, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType, getNamedType,
  type GraphQLField, type GraphQLOutputType, type GraphQLSchema,
} from 'graphql';
import type { Content } from 'pdfmake/interfaces.js';
import { enumLabel, type EnumName } from '../../../admin-ui/src/labels.js';
import { items, rows, subsection } from './pdf.js';

/** Fields no paper form shows: keys, ordering and review-only derivations. */
const HIDDEN = new Set(['id', 'applicationId', 'position', 'existingLineId', 'abolitionMissingOffices', 'sha256', 'contentType', 'size', 'createdAt']);
/** The few fields the schema leaves without a description. */
const FALLBACK: Record<string, string> = {
  action: '申込内容', userIds: '利用者ID', kind: '種別', fileName: 'ファイル名', userCodes: '利用者コード', terminals: '論理端末', lines: '回線',
  mailboxes: 'メールボックス', attachments: '添付ファイル', industries: '業種', processingMethod: '処理方式', systemCategory: 'システム区分',
  lineType: '回線種別', speed: 'アクセス速度', mailboxId: 'メールボックスID', type: '種別', userCode: '利用者コード', identNo: '識別番号',
  password: 'パスワード', added: '追加', changed: '変更', deleted: '削除',
};
/** A list of rows with at most this many plain columns is a table; wider rows are one block each. */
const TABLE_COLUMNS = 8;
/** Tables that show some of their type's fields (an issued 利用者ID: its ID, not its parts again). */
const COLUMNS: Record<string, string[]> = {
  IdNoticeUserId: ['userId', 'systemCategory', 'industries', 'processingMethod', 'password', 'startDate', 'endDate'],
  // The line's IP address is in the 回線 table by the same ルータ番号; the certificate's state is the console's.
  IdNoticeTerminal: ['name', 'type', 'systemCategory', 'routerNo', 'packageSoftware', 'accessKey', 'authCode1', 'authCode2', 'authCode3'],
};

type Value = unknown;

/** A field's label: its description without the input hints in brackets (e.g. "(例: 1Mbps)", "(240文字以内)"). */
export function labelOf(field: GraphQLField<unknown, unknown>): string {
  const text = field.description?.trim() || FALLBACK[field.name] || field.name;
  return text.replace(/\s*\(([^)]*)\)\s*$/, (all, inner: string) => (inner.length > 6 || /[:;、]|文字|数字|申込|例|最大/.test(inner) ? '' : all));
}

const isList = (t: GraphQLOutputType): boolean => (t instanceof GraphQLNonNull ? isList(t.ofType) : t instanceof GraphQLList);
const fieldsOf = (type: GraphQLObjectType, omit: readonly string[] = []) => Object.values(type.getFields()).filter((f) => !HIDDEN.has(f.name) && !omit.includes(f.name) && !f.name.endsWith('Readable') && !f.args.some((a) => a.type instanceof GraphQLNonNull));
const isLeaf = (t: GraphQLOutputType) => !(getNamedType(t) instanceof GraphQLObjectType);

/** The selection set of every shown field of `type`, nested objects included (one query reads a whole document). */
export function selection(type: GraphQLObjectType, only?: string[], omit: readonly string[] = [], depth = 0): string {
  return fieldsOf(type, omit)
    .filter((f) => (!only || only.includes(f.name)) && (depth < 3 || isLeaf(f.type)))
    .map((f) => (isLeaf(f.type) ? f.name : `${f.name} { ${selection(getNamedType(f.type) as GraphQLObjectType, undefined, omit, depth + 1)} }`))
    .join(' ');
}

/** Japan time of an instant (YYYY/MM/DD HH:mm). */
export const japanTime = (iso: string | Date): string => new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ').replaceAll('-', '/');
/** A calendar date as the manuals print it (2026/12/24). */
export const slashDate = (iso: string | undefined | null): string => (iso ? iso.replaceAll('-', '/') : '');

/** A leaf value as text: enums by their Japanese names, booleans as はい/いいえ, dates with slashes, lists joined. */
export function leafText(type: GraphQLOutputType, value: Value): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map((v) => leafText(type, v)).filter(Boolean).join('、');
  const named = getNamedType(type);
  if (named instanceof GraphQLEnumType) return enumLabel('ja', named.name as EnumName, String(value));
  if (named instanceof GraphQLScalarType) {
    if (named.name === 'Boolean') return value === true || value === 'true' ? 'はい' : 'いいえ';
    if (named.name === 'DateTimeISO') return japanTime(String(value));
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return slashDate(value);
  }
  return String(value);
}

/**
 * The named fields of an object as label/value items; nested objects as sub-blocks, lists of rows as tables. `omit`:
 * fields left out at every level (what `selection` with the same `omit` did not read); `heading`: the title the
 * caller has just printed.
 */
export function describe(type: GraphQLObjectType, value: Record<string, Value> | null | undefined, only?: string[], omit: readonly string[] = [], heading?: string): Content[] {
  if (!value) return [{ text: '－' }];
  const fields = fieldsOf(type, omit).filter((f) => !only || only.includes(f.name));
  if (only) fields.sort((a, b) => only.indexOf(a.name) - only.indexOf(b.name));
  const out: Content[] = [];
  const leaves: Array<[string, string]> = [];
  const flush = () => {
    if (leaves.length) out.push(items(leaves.splice(0)));
  };
  for (const f of fields) {
    const v = value[f.name];
    if (isLeaf(f.type)) {
      leaves.push([labelOf(f), leafText(f.type, v)]);
      continue;
    }
    // Nothing entered (no 工事立会者 for a netNACCS office …): no block.
    if (v === null || v === undefined) continue;
    flush();
    const inner = getNamedType(f.type) as GraphQLObjectType;
    // The section's own title (申込担当者 under 申込担当者) is not repeated.
    if (labelOf(f) !== heading) out.push(subsection(labelOf(f)));
    if (!isList(f.type)) out.push(...describe(inner, v as Record<string, Value> | null, undefined, omit));
    else out.push(...list(inner, (v as Array<Record<string, Value>> | null) ?? [], omit));
  }
  flush();
  return out;
}

/** Rows of one type: a table when they are plain and narrow, else one numbered block per row. */
export function list(type: GraphQLObjectType, values: Array<Record<string, Value>>, omit: readonly string[] = []): Content[] {
  const columns = COLUMNS[type.name];
  const fields = fieldsOf(type, omit).filter((f) => !columns || columns.includes(f.name));
  if (columns) fields.sort((a, b) => columns.indexOf(a.name) - columns.indexOf(b.name));
  if (fields.every((f) => isLeaf(f.type)) && (columns || fields.length <= TABLE_COLUMNS)) {
    return [rows(fields.map(labelOf), values.map((v) => fields.map((f) => leafText(f.type, v[f.name]))))];
  }
  if (!values.length) return [{ text: 'なし', style: 'label' }];
  return values.flatMap((v, i) => [{ text: `${i + 1}.`, bold: true, margin: [0, 4, 0, 0] } as Content, { stack: describe(type, v, undefined, omit), margin: [10, 0, 0, 0] } as Content]);
}

/**
 * A 変更前/変更後 row's field (a path such as officeProfile.manager.phone) in words, walking the schema from
 * `root`: 事業所・契約者・管理責任者… 管理責任者 電話番号; segments that are no field (a code, a list index) are kept
 * (an index counted from 1). Also the type of the field reached, to show its values as the form does.
 */
export function pathLabel(root: GraphQLObjectType, path: string): { label: string; type?: GraphQLOutputType } {
  let type: GraphQLOutputType | undefined = root;
  const words: string[] = [];
  for (const segment of path.split('.')) {
    const named: GraphQLOutputType | undefined = type ? getNamedType(type) as GraphQLOutputType : undefined;
    const field: GraphQLField<unknown, unknown> | undefined = named instanceof GraphQLObjectType ? named.getFields()[segment] : undefined;
    if (field) {
      words.push(labelOf(field));
      type = field.type;
    } else {
      words.push(/^\d+$/.test(segment) ? String(Number(segment) + 1) : segment);
    }
  }
  // The first segment names the record (事業所・契約者・…), which the next one says better.
  return { label: words.length > 1 ? words.slice(1).join(' ') : words.join(' '), type };
}

/** The object type of a schema's type name. */
export function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is no object type`);
  return type;
}
