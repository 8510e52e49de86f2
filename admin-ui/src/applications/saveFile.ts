/** Saves what a URL (usually a blob URL) holds under `fileName`, as a download. */
export const saveFile = (url: string, fileName: string): void => {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
};
