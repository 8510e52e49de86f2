/** The values a new row of each list starts with (nothing chosen yet, switches off, one 識別番号). */

export const newUserIdRow = () => ({ industries: [], processingMethod: null, identCount: 1 });

export const newUserCodeRow = () => ({
  shared: false,
  userCode: null,
  systemCategory: null,
  singleSignOn: false,
  statisticsPaid: false,
  statisticsFree: false,
  bondedRecordService: false,
  userIds: [newUserIdRow()],
});

export const newTerminalRow = () => ({ terminalType: null, systemCategory: null, count: 1, lineNo: null });

export const newLineRow = () => ({
  systemCategory: null,
  connectionMethod: null,
  edifact: false,
  lineType: null,
  speed: null,
  indoorWiring: null,
  maintenance: null,
  redundancy: false,
  spareRouter: false,
  pingMonitoring: false,
  constructionDate: null,
  placeSameAsOffice: true,
  place: null,
  shared: false,
});

export const newMailboxRow = () => ({ mailboxType: null, count: 1 });

export const newAttachmentRow = () => ({ kind: null, fileName: null, contentType: null, contentBase64: null });

/** For SimpleFormIterator `getItemDefaults`: a cloned row stays as it is, an added one starts fresh. */
export const rowDefaults = (fresh: () => object) => (item?: unknown) => item ?? fresh();
