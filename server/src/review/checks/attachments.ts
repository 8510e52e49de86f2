import { ApplicationKind, AttachmentKind, Connection, OtherChange, RowAction } from '../../common/enums.js';
import { CheckSeverity, finding, type Check, type CheckInput } from './types.js';

const LABEL: Partial<Record<AttachmentKind, string>> = {
  [AttachmentKind.SYSTEM_DIAGRAM]: 'システム構成図',
  [AttachmentKind.POWER_OF_ATTORNEY]: '委任状 (子事業所の役職印押印済みのもの)',
};

/**
 * The attachments the kind of application requires (seed 000/001): システム構成図 for a new 一般NACCS application
 * with a line, 委任状 for 共同利用. Applications entered before intake enforced this, or by paper, may lack them.
 */
export function requiredAttachments({ app, lines }: Pick<CheckInput, 'app' | 'lines'>): AttachmentKind[] {
  const required: AttachmentKind[] = [];
  if (app.kind === ApplicationKind.NEW && app.connection === Connection.GENERAL && lines.some((l) => l.action === RowAction.ADD)) {
    required.push(AttachmentKind.SYSTEM_DIAGRAM);
  }
  if (app.otherChange === OtherChange.JOINT_USE || app.otherChange === OtherChange.JOINT_USE_NEW_OFFICE) {
    required.push(AttachmentKind.POWER_OF_ATTORNEY);
  }
  return required;
}

export const requiredAttachmentMissing: Check = (input) =>
  requiredAttachments(input)
    .filter((kind) => !input.attachments.includes(kind))
    .map((kind) => finding('REQUIRED_ATTACHMENT_MISSING', CheckSeverity.BLOCKER, 'attachments', `「${LABEL[kind]}」が添付されていません。`));
