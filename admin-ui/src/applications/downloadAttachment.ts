import { apolloClient } from '../graphqlClient';
import { ATTACHMENT_CONTENT } from '../queries';
import { saveFile } from './saveFile';

interface AttachmentContent {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

/** Fetches an attachment (`attachmentContent`) and saves it under its own file name. */
export const downloadAttachment = async (id: string): Promise<void> => {
  const { data } = await apolloClient.query<{ attachmentContent: AttachmentContent }>({
    query: ATTACHMENT_CONTENT,
    variables: { id },
    fetchPolicy: 'no-cache',
  });
  const { fileName, contentType, contentBase64 } = data.attachmentContent;
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType || 'application/octet-stream' }));
  saveFile(url, fileName);
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
