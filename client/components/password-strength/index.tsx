// A strength hint for a new password (zxcvbn-ts, loaded only when a password field is shown).
// It advises; the rule itself (15+ characters, not on the blocklist) is enforced by the server.
import { useEffect, useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '../../../server/domain/account.ts';

type Estimate = (password: string) => number;
let estimator: Promise<Estimate> | null = null;

function loadEstimator(): Promise<Estimate> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, common]) => {
    const factory = new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
    return (password: string) => factory.check(password).score;
  });
  return estimator;
}

const WORDS = ['very weak', 'weak', 'fair', 'strong', 'very strong'];

export function PasswordStrength({ password, id }: { password: string; id: string }) {
  const [score, setScore] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    if (!password) {
      setScore(null);
      return;
    }
    loadEstimator().then((estimate) => live && setScore(estimate(password)), () => live && setScore(null));
    return () => {
      live = false;
    };
  }, [password]);
  const short = [...password].length < PASSWORD_MIN_LENGTH;
  return (
    <p class="hint" id={id} aria-live="polite">
      {password === '' ? `At least ${PASSWORD_MIN_LENGTH} characters. A phrase of a few unrelated words is long and easy to remember; no symbols or digits are required.`
        : short ? `${[...password].length} of at least ${PASSWORD_MIN_LENGTH} characters.`
          : score === null ? 'Long enough.' : `Long enough. Estimated strength: ${WORDS[score]}.`}
      {score !== null && !short && <meter min={0} max={4} low={2} high={3} optimum={4} value={score} aria-hidden="true" style={{ marginInlineStart: '0.5em' }} />}
    </p>
  );
}
