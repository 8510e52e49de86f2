import { REQUIRED_ATTACHMENT_LABEL, requiredAttachments } from '../../applications/intake/requiredAttachments.js';
import { CheckSeverity, finding, type Check } from './types.js';

/** An attachment the kind of application requires is missing (the intake's rule, for applications entered before it). */
export const requiredAttachmentMissing: Check = (input) =>
  requiredAttachments(input.app, input.lines)
    .filter((kind) => !input.attachments.includes(kind))
    .map((kind) => finding('REQUIRED_ATTACHMENT_MISSING', CheckSeverity.BLOCKER, 'attachments', `「${REQUIRED_ATTACHMENT_LABEL[kind]}」が添付されていません。`));
