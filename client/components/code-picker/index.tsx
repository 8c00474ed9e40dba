// Skill codes to choose from, grouped by area in a collapsed section (drills and custom attempts).
import type { Framework } from '../../lib/api.ts';
import css from './code-picker.module.css';

export const toggled = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

export function CodePicker({ fw, codes, onChange, name, summary }: { fw: Framework; codes: string[]; onChange: (codes: string[]) => void; name: string; summary: string }) {
  return (
    <details class={css.codes}>
      <summary>
        {summary}
        {codes.length > 0 && ` (${codes.length} chosen)`}
      </summary>
      {fw.areas.map((a) => (
        <fieldset key={a.number} class={css.codeGroup}>
          <legend>
            {a.number}. {a.name}
          </legend>
          {a.codes.map((c) => (
            <label class="choice" key={c.code}>
              <input type="checkbox" name={name} value={c.code} checked={codes.includes(c.code)} onChange={() => onChange(toggled(codes, c.code))} />
              <span>
                <strong>{c.code}</strong> {c.summary}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </details>
  );
}
