// Browser downloads (browser mode's stand-in for the native save dialog). Kept apart from the
// dialogs that use it, so plain modules (and their tests) can import it without pulling in
// components and their stylesheets.

/** Starts a browser download of base64 data. */
export function downloadBase64(fileName: string, dataBase64: string, mime: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
