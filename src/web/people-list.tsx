import { roleLabel } from '../domain/person-roles.js';
import type { Person } from '../domain/show.js';

/**
 * People as text and links only: their images would be requests to other origins, which the
 * pages promise not to make. Names and organisations are in the show's language; roles from the
 * Podcasting 2.0 taxonomy are named in the page's.
 */
export function PeopleList(props: { people: Person[]; lang: string; pageLanguage: string }) {
  const pageLanguage = props.pageLanguage === 'en' ? 'en' : 'nl';
  return (
    <ul class="zp-people" lang={props.lang}>
      {props.people.map((person) => {
        const safeHref = person.href && /^https?:\/\//i.test(person.href) ? person.href : null;
        const role = person.role ? roleLabel(person.role, pageLanguage) : null;
        return (
          <li>
            {safeHref ? <a href={safeHref}>{person.name}</a> : person.name}
            {(role || person.organisation) && (
              <span class="zp-muted">
                {' ('}
                {role && <span lang={pageLanguage}>{role}</span>}
                {role && person.organisation && ', '}
                {person.organisation}
                {')'}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
