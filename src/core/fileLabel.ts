// How a file is named in what is sent and shown (pure): its path relative to the workspace folder
// when it is inside one, else only its base name — an absolute path tells the server (and anyone
// reading an export) the user's name and folder layout.

/** The last segment of a `/`- or `\`-separated path. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/** `relativePath` is the path inside a workspace folder, or undefined when the file is outside all of them. */
export function fileLabel(path: string, relativePath: string | undefined): string {
  return relativePath ?? baseName(path);
}
