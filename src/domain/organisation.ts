/** The organisation that publishes on this zender, as pages and the API show it. */
export interface Organisation {
  name: string;
  website: string | null;
  /** The brand colour, #rrggbb, at least 4.5:1 on the light page background; null: zender's blue. */
  accentColor: string | null;
  logo: OrganisationLogo | null;
  footerLinks: FooterLink[];
  /** Texts staff wrote; null means the built-in default (see default-statements.ts). */
  statements: Statements;
  updatedAt: string | null;
}

export interface OrganisationLogo {
  key: string;
  width: number;
  height: number;
}

export interface FooterLink {
  label: string;
  url: string;
}

export type StatementKind = 'privacy' | 'accessibility';
export type StatementLanguage = 'nl' | 'en';
export type Statements = Record<StatementKind, Record<StatementLanguage, string | null>>;

export const statementKinds: readonly StatementKind[] = ['privacy', 'accessibility'];

export function emptyStatements(): Statements {
  return { privacy: { nl: null, en: null }, accessibility: { nl: null, en: null } };
}
