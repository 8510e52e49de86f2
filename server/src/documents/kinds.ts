// The documents served (their file names in the URL); apart from the builders so the route can check a URL without
// loading pdfmake and its fonts (about 20 MB of a process's memory), which are imported on the first document.
export type DocumentKind = 'form' | 'approval' | 'id-notice';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['form', 'approval', 'id-notice'];
