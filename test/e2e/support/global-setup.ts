// Builds the client once before any browser file starts, instead of checking in every file.
import { ensureClientBuilt } from './server.ts';

export default function setup(): void {
  ensureClientBuilt();
}
