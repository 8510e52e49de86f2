import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { schema } from '../graphql/schema.js';
import { labelOf, leafText, objectType, pathLabel, selection } from './model.js';

// The documents name fields and values as the schema does (descriptions, the enums' Japanese names).
let s: GraphQLSchema;
beforeAll(async () => {
  s = await schema();
});

describe('document labels from the schema', () => {
  it('labels a field by its description, without input hints in brackets', () => {
    const app = objectType(s, 'Application').getFields();
    expect(labelOf(app.reason!)).toBe('申込理由 / 変更する理由');
    expect(labelOf(app.companyProfile!)).toBe('企業');
    expect(labelOf(objectType(s, 'Person').getFields().lastName!)).toBe('氏名 (姓)');
    expect(labelOf(objectType(s, 'ApplicationLine').getFields().speed!)).toBe('アクセス速度');
  });

  it('says a 変更前/変更後 path in words and knows its type', () => {
    const root = objectType(s, 'Application');
    expect(pathLabel(root, 'officeProfile.manager.phone').label).toBe('管理責任者 電話番号');
    expect(pathLabel(root, 'billing.emails.1').label).toBe('請求通知先メールアドレス 2');
    const plan = pathLabel(root, 'plan');
    expect(plan.label).toBe('料金プラン');
    expect(leafText(plan.type!, 'B')).toBe('B 従量のみ');
  });

  it('writes values as the form does: enums by name, booleans, dates and instants in Japan time', () => {
    const line = objectType(s, 'ApplicationLine').getFields();
    expect(leafText(line.redundancy!.type, true)).toBe('はい');
    expect(leafText(line.constructionDate!.type, '2027-01-07')).toBe('2027/01/07');
    expect(leafText(objectType(s, 'Application').getFields().receivedAt!.type, '2026-12-24T01:00:00.000Z')).toBe('2026/12/24 10:00');
    expect(leafText(objectType(s, 'ApplicationUserId').getFields().industries!.type, ['CUSTOMS_BROKER', 'OTHER'])).toBe('通関業、その他');
    expect(leafText(line.speed!.type, null)).toBe('');
  });

  it('reads what a document shows and never what it leaves out', () => {
    const notice = selection(objectType(s, 'IdNotice'), undefined, ['password', 'officePassword']);
    expect(notice).toContain('userIds {');
    expect(notice).not.toMatch(/\bpassword\b|officePassword|Readable/);
  });
});
