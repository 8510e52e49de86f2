// Which attachments an application must carry: one rule for the intake (which refuses a submission without them) and
// the reviewers' automatic checks (which flag an application entered before the rule, or by paper, that lacks them).
import { ApplicationKind, AttachmentKind, Connection, OtherChange, RowAction } from '../../common/enums.js';

/** The attachments' names as the manuals give them. */
export const REQUIRED_ATTACHMENT_LABEL: Partial<Record<AttachmentKind, string>> = {
  [AttachmentKind.SYSTEM_DIAGRAM]: 'システム構成図',
  [AttachmentKind.POWER_OF_ATTORNEY]: '委任状 (子事業所の役職印押印済みのもの)',
};

/**
 * Seed 001: a new 一般NACCS application with a line carries its システム構成図. Seed 000: 共同利用の申込を行うお客様は
 * 「委任状(子事業所の役職印押印済みのもの)」を添付.
 */
export function requiredAttachments(
  app: { kind: ApplicationKind; connection?: Connection | null; otherChange?: OtherChange | null },
  lines: ReadonlyArray<{ action: string }>,
): AttachmentKind[] {
  const required: AttachmentKind[] = [];
  if (app.kind === ApplicationKind.NEW && app.connection === Connection.GENERAL && lines.some((l) => l.action === RowAction.ADD)) {
    required.push(AttachmentKind.SYSTEM_DIAGRAM);
  }
  if (app.otherChange === OtherChange.JOINT_USE || app.otherChange === OtherChange.JOINT_USE_NEW_OFFICE) {
    required.push(AttachmentKind.POWER_OF_ATTORNEY);
  }
  return required;
}
