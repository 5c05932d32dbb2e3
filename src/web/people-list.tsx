import type { Person } from '../domain/show.js';

/**
 * People as text and links only: their images would be requests to other origins, which the
 * pages promise not to make.
 */
export function PeopleList(props: { people: Person[]; lang: string }) {
  return (
    <ul class="zp-people" lang={props.lang}>
      {props.people.map((person) => {
        const detail = [person.role, person.organisation].filter(Boolean).join(', ');
        const safeHref = person.href && /^https?:\/\//i.test(person.href) ? person.href : null;
        return (
          <li>
            {safeHref ? <a href={safeHref}>{person.name}</a> : person.name}
            {detail && <span class="zp-muted"> ({detail})</span>}
          </li>
        );
      })}
    </ul>
  );
}
