// The front door for visitors: what the engine does, the Part I blueprint (read from the public
// GET /api/framework), what the scores are not, and the ways in. Signed-in users get the dashboard.
import { useEffect, useState } from 'preact/hooks';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import type { Framework } from '../../lib/api.ts';
import { usePage } from '../../lib/page.ts';
import { framework as frameworkSignal, loadFramework } from '../../models/framework.ts';
import css from './landing.module.css';

export default function Landing() {
  usePage('Practice for the CETL exam');
  return (
    <>
      <h1>Practice for the CETL exam</h1>
      <p class={css.lead}>
        A study companion for candidates preparing for the Certified Education Technology Leader exam: timed practice
        exams built like the real blueprint, feedback on every question, written scenario practice, and study groups.
      </p>
      <div class={css.actions}>
        <a class="button" href="/signup">
          Sign up
        </a>
        <a class="button--secondary" href="/signin">
          Sign in
        </a>
      </div>

      <section aria-labelledby="features-title">
        <h2 id="features-title">What you can do here</h2>
        <ul class={css.features}>
          <li class={`card ${css.feature}`}>
            <h3 class={css.featureTitle}>Part I practice exams</h3>
            <p>
              Full 100-question simulations or shorter sets, with questions drawn to the published weight of each skill
              area. The clock is kept on the server, so a reload or a dropped connection neither pauses nor resets it.
            </p>
            <p>
              Afterwards, a report breaks your result down by category, skill area and skill code, and explains why each
              option is right or wrong.
            </p>
          </li>
          <li class={`card ${css.feature}`}>
            <h3 class={css.featureTitle}>Drills and spaced review</h3>
            <p>
              Short drills aimed at your weakest areas, a retry of the questions you missed, and a review schedule that
              brings missed or guessed questions back at growing intervals. Your estimated mastery of each area is shown
              as a range, not a single number.
            </p>
          </li>
          <li class={`card ${css.feature}`}>
            <h3 class={css.featureTitle}>Part II scenario essays</h3>
            <p>
              Explain a technical decision in writing to a board, a cabinet, principals, teachers or parents. You get an
              automated first reading, score yourself against a five-criterion rubric, then compare with an exemplar and
              with scores from peers.
            </p>
          </li>
          <li class={`card ${css.feature}`}>
            <h3 class={css.featureTitle}>Study groups and coaches</h3>
            <p>
              Join a group with an invite code. Coaches see the group's results by area, assign drills, score essays and
              lead a review of the questions the group misses most.
            </p>
          </li>
        </ul>
      </section>

      <Blueprint />

      <section aria-labelledby="scores-title" class={css.disclaimer}>
        <h2 id="scores-title">About the scores</h2>
        <p class="notice">
          <strong>Practice scores are not official CETL scores.</strong> The real exam reports a scaled score; the
          percentages shown here are for study only and cannot be converted to it.
        </p>
        <p>
          This is an independent project. It is not affiliated with, endorsed by or sponsored by CoSN (the Consortium for
          School Networking), which owns the CETL certification and its framework.
        </p>
      </section>
    </>
  );
}

function Blueprint() {
  const [f, setF] = useState<Framework | null>(frameworkSignal.value);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (f) return;
    loadFramework().then(setF, () => setFailed(true));
  }, []);

  return (
    <section aria-labelledby="blueprint-title" class={css.blueprint}>
      <h2 id="blueprint-title">The Part I blueprint</h2>
      <p>
        The framework groups the exam's skills into {f ? `${f.categories.length} categories and ${f.areas.length}` : 'categories and'}{' '}
        skill areas. Every practice exam follows their weights: in a 100-question exam, an area weighted 15% supplies
        exactly 15 questions.
      </p>
      {failed ? (
        <p class="notice notice--bad">The blueprint could not be loaded; reload the page to try again.</p>
      ) : !f ? (
        <p class="muted">Loading the blueprint…</p>
      ) : (
        <BlueprintTable f={f} />
      )}
    </section>
  );
}

function BlueprintTable({ f }: { f: Framework }) {
  const heaviest = Math.max(...f.areas.map((a) => a.weight));
  const total = f.areas.reduce((n, a) => n + a.weight, 0);
  return (
    <TableScroll label="Skill areas and their weights">
      <table data-testid="blueprint">
        <caption>Share of Part I questions by skill area</caption>
        <thead>
          <tr>
            <th scope="col">Skill area</th>
            <th scope="col" class={css.weightCol}>
              Weight
            </th>
          </tr>
        </thead>
        {f.categories.map((c) => (
          <tbody key={c.id}>
            <tr class={css.category}>
              <th scope="rowgroup" colSpan={2}>
                Category {c.id}: {c.name} ({c.weight}%)
              </th>
            </tr>
            {f.areas
              .filter((a) => a.category === c.id)
              .map((a) => (
                <tr key={a.number} data-area={a.number}>
                  <th scope="row">
                    {a.number}. {a.name}
                  </th>
                  <td>
                    <span class={css.weightCell}>
                      <span class={css.weight}>{a.weight}%</span>
                      <span class={css.track} aria-hidden="true">
                        <span class={css.bar} style={{ width: `${(100 * a.weight) / heaviest}%` }} />
                      </span>
                    </span>
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
        <tfoot>
          <tr class={css.total}>
            <th scope="row">All {f.areas.length} areas</th>
            <td>
              <span class={css.weightCell}>
                <span class={css.weight}>{total}%</span>
              </span>
            </td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
