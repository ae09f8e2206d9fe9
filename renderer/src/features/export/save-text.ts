/**
 * Getting text out of the app without the backend: the clipboard, and a browser download for
 * exports, so no file is ever written outside the opened folders on the UI's behalf (Electron
 * asks where to save a download; a browser saves to its downloads folder).
 */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; the URL only needs to outlive this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `dir/chat.yaml.gz` → `chat`: the cassette's name without its recorder's extensions. */
export function baseName(relPath: string): string {
  const name = relPath.split('/').pop() ?? relPath;
  return name.replace(/(\.ya?ml|\.har|\.json)?(\.gz)?$/i, '') || 'cassette';
}
