// A problem found in a bank file, located precisely enough to fix without searching.
export interface BankProblem {
  file: string;
  line: number | null;
  field: string | null;
  itemId: string | null;
  message: string;
}

export function formatProblem(p: BankProblem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}`;
  const what = [p.itemId && `item ${p.itemId}`, p.field && `field ${p.field}`].filter(Boolean).join(', ');
  return `${where}${what ? ` (${what})` : ''}: ${p.message}`;
}
