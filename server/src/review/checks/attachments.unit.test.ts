import { describe, expect, it } from 'vitest';
import { todayInJapan } from '../../common/dates.js';
import { clockFor, testNowSetting } from '../../testing/instant.js';
import { ApplicationKind, AttachmentKind, Connection, OtherChange, RowAction } from '../../common/enums.js';
import { requiredAttachmentMissing } from './attachments.js';
import { cleanInput } from './fixtures.js';

// The run's instant (TEST_NOW), as every test: the checks compare dates relative to it.
const today = todayInJapan(clockFor(testNowSetting()).now());
const line = { action: RowAction.ADD };

describe('requiredAttachmentMissing', () => {
  // Seed 001: 新規申込の回線には「システム構成図」; seed 000: 共同利用の申込を行うお客様は「委任状」を添付.
  it('asks for the システム構成図 of a new 一般NACCS application with a line', () => {
    const input = cleanInput(today, { lines: [line] }, { connection: Connection.GENERAL });
    expect(requiredAttachmentMissing(input)).toMatchObject([{ code: 'REQUIRED_ATTACHMENT_MISSING', severity: 'BLOCKER', path: 'attachments', message: expect.stringContaining('システム構成図') }]);
    expect(requiredAttachmentMissing({ ...input, attachments: [AttachmentKind.SYSTEM_DIAGRAM] })).toEqual([]);
  });
  it('asks for the 委任状 of 共同利用', () => {
    const input = cleanInput(today, {}, { kind: ApplicationKind.CHANGE, otherChange: OtherChange.JOINT_USE });
    expect(requiredAttachmentMissing(input)).toMatchObject([{ message: expect.stringContaining('委任状') }]);
    expect(requiredAttachmentMissing({ ...input, attachments: [AttachmentKind.POWER_OF_ATTORNEY] })).toEqual([]);
  });
  it('asks nothing of a netNACCS application without lines', () => {
    expect(requiredAttachmentMissing(cleanInput(today))).toEqual([]);
  });
});
