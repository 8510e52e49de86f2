import type { ApolloServerPlugin } from '@apollo/server';
import {
  TypeInfo, getArgumentValues, getNamedType, getNullableType, getVariableValues, isInputObjectType, isListType,
  visit, visitWithTypeInfo, type DocumentNode, type FieldNode, type GraphQLField, type GraphQLInputType,
  type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { badInput, type FieldError } from '../common/errors.js';
import { MAX_ATTACHMENT_BYTES } from '../applications/intake/validation.js';
import { MESSAGE_MAX } from '../review/workflow.js';
import type { Context } from './context.js';

// Every string a caller sends is measured before any resolver (or database work) runs: a length that fits its
// meaning, no NUL (PostgreSQL refuses it in text), and IDs in our UUID form. Finer rules (the manuals' field formats)
// stay with each module's validation; this gate only keeps oversized or malformed values away from the work.

/** Search text: longer than any name or code the search matches. */
export const SEARCH_MAX = 100;
/** Free text staff write (questions to the customer, notes, reasons): the review module's rule. */
export { MESSAGE_MAX };
/** Anything else: names, codes, e-mail addresses (254), file names (255), dates, cursors. */
export const DEFAULT_MAX = 255;

/** Maximum lengths by meaning, keyed `Type.field` for input fields and `Root.operation(argument)` for arguments. */
export const MAX_LENGTH: Record<string, number> = {
  'ApplicationFilter.q': SEARCH_MAX,
  'OfficeFilter.q': SEARCH_MAX,
  'OutboundEmailFilter.q': SEARCH_MAX,
  'Mutation.returnApplication(message)': MESSAGE_MAX,
  'Mutation.addInternalNote(message)': MESSAGE_MAX,
  'Mutation.approveApplication(overrideReason)': MESSAGE_MAX,
  'Mutation.cancelApplication(reason)': MESSAGE_MAX,
  'Mutation.withdrawApplication(reason)': MESSAGE_MAX,
  'Mutation.reissuePassword(reason)': MESSAGE_MAX,
  'Mutation.reissueCertificate(reason)': MESSAGE_MAX,
  'Mutation.revokeCertificate(reason)': MESSAGE_MAX,
  // Templates: a whole e-mail body in Handlebars.
  'Mutation.saveNotificationTemplate(text)': 50_000,
  'Mutation.saveNotificationTemplate(html)': 100_000,
  'Query.previewNotification(text)': 50_000,
  'Query.previewNotification(html)': 100_000,
  // An attachment of at most MAX_ATTACHMENT_BYTES, base64.
  'AttachmentInput.contentBase64': Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The fields of an operation that take arguments (computed once per parsed document and operation). */
type Site = { owner: string; field: GraphQLField<unknown, unknown>; node: FieldNode };
const sitesOf = new WeakMap<DocumentNode, Map<string, Site[]>>();

function argumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Site[] {
  let perOperation = sitesOf.get(document);
  if (!perOperation) sitesOf.set(document, (perOperation = new Map()));
  const name = operation.name?.value ?? '';
  let sites = perOperation.get(name);
  if (sites) return sites;
  sites = [];
  const info = new TypeInfo(schema);
  const found = sites;
  // Fragments are visited where they are defined; each field node is met once whatever spreads it.
  visit(document, visitWithTypeInfo(info, {
    OperationDefinition: (op) => (op === operation ? undefined : false),
    Field(node) {
      const field = info.getFieldDef();
      const owner = info.getParentType();
      if (field && owner && node.arguments?.length) found.push({ owner: owner.name, field, node });
    },
  }));
  perOperation.set(name, sites);
  return sites;
}

/** What is wrong with one string value, if anything. */
function check(value: string, key: string, isId: boolean, path: string): FieldError | undefined {
  const max = MAX_LENGTH[key] ?? DEFAULT_MAX;
  // Characters as the rules count them (code points); a string over twice the limit in UTF-16 units is over anyway,
  // and is never spread.
  if (value.length > max && (value.length > 2 * max || [...value].length > max)) {
    return { path, message: `${path} は${max.toLocaleString('ja-JP')}文字以内で入力してください (${value.length.toLocaleString('ja-JP')}文字)。` };
  }
  if (value.includes('\u0000')) return { path, message: `${path} に使用できない文字 (NUL) が含まれています。` };
  if (isId && !UUID.test(value)) return { path, message: `${path} はIDの形式 (UUID) ではありません。` };
  return undefined;
}

/** Walks a coerced argument value along its input type, collecting broken strings. */
function walk(value: unknown, type: GraphQLInputType, key: string, path: string, errors: FieldError[]): void {
  if (value === null || value === undefined || errors.length >= 20) return;
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, t.ofType, key, `${path}[${i}]`, errors));
    return;
  }
  if (isInputObjectType(t)) {
    for (const [name, field] of Object.entries(t.getFields())) {
      walk((value as Record<string, unknown>)[name], field.type, `${t.name}.${name}`, `${path}.${name}`, errors);
    }
    return;
  }
  if (typeof value === 'string') {
    const named = getNamedType(t).name;
    const broken = check(value, key, named === 'ID', path);
    if (broken) errors.push(broken);
  }
}

/** The broken strings of one request's arguments (none when its variables do not coerce: execution reports those). */
export function inputErrors(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): FieldError[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return [];
  const errors: FieldError[] = [];
  for (const { owner, field, node } of argumentSites(schema, document, operation)) {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, coerced.coerced);
    } catch {
      continue; // a literal of the wrong type: validation has already refused it
    }
    for (const arg of field.args) walk(args[arg.name], arg.type, `${owner}.${field.name}(${arg.name})`, arg.name, errors);
  }
  return errors;
}

/** Refuses a request whose strings are too long, hold NUL or are not IDs where IDs go — before any resolver runs. */
export const inputLimits: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return;
        const errors = inputErrors(schema, document, operation, request.variables ?? {});
        if (errors.length) throw badInput(errors);
      },
    };
  },
};
