// Words as a writer counts them: runs of non-space characters. One rule for the server's limits and
// reading and the editor's counter (the client imports this file; it has no dependencies).
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}
