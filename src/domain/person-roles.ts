/**
 * The Podcasting 2.0 person taxonomy (podcast:person role and group, taxonomy-en.json of the
 * podcast namespace), in English as the feed writes it and in Dutch for pages and forms. The
 * namespace matches roles and groups case-insensitively; so does `roleLabel`.
 */
const groups: Record<string, string> = {
  'creative direction': 'Creatieve leiding',
  cast: 'Cast',
  writing: 'Tekst',
  'audio production': 'Audioproductie',
  'audio post-production': 'Audio-nabewerking',
  administration: 'Organisatie',
  visuals: 'Beeld',
  community: 'Community',
  'misc.': 'Overig',
  'video production': 'Videoproductie',
  'video post-production': 'Video-nabewerking',
};

const roles: Record<string, string> = {
  director: 'Regisseur',
  'assistant director': 'Assistent-regisseur',
  'executive producer': 'Uitvoerend producent',
  'senior producer': 'Senior producent',
  producer: 'Producent',
  'associate producer': 'Associate producent',
  'development producer': 'Ontwikkelproducent',
  'creative director': 'Creatief directeur',
  host: 'Presentator',
  'co-host': 'Copresentator',
  'guest host': 'Gastpresentator',
  guest: 'Gast',
  'voice actor': 'Stemacteur',
  narrator: 'Verteller',
  announcer: 'Omroeper',
  reporter: 'Verslaggever',
  author: 'Auteur',
  'editorial director': 'Hoofdredacteur',
  'co-writer': 'Co-auteur',
  writer: 'Schrijver',
  songwriter: 'Liedjesschrijver',
  'guest writer': 'Gastschrijver',
  'story editor': 'Verhaalredacteur',
  'managing editor': 'Eindredacteur',
  'script editor': 'Scriptredacteur',
  'script coordinator': 'Scriptcoördinator',
  researcher: 'Onderzoeker',
  editor: 'Redacteur',
  'fact checker': 'Factchecker',
  translator: 'Vertaler',
  transcriber: 'Transcribent',
  logger: 'Logger',
  'studio coordinator': 'Studiocoördinator',
  'technical director': 'Technisch directeur',
  'technical manager': 'Technisch manager',
  'audio engineer': 'Geluidstechnicus',
  'remote recording engineer': 'Technicus opname op afstand',
  'post production engineer': 'Technicus nabewerking',
  'audio editor': 'Audio-editor',
  'sound designer': 'Sounddesigner',
  'foley artist': 'Foley-artiest',
  composer: 'Componist',
  'theme music': 'Herkenningsmelodie',
  'music production': 'Muziekproductie',
  'music contributor': 'Muziekbijdrage',
  'production coordinator': 'Productiecoördinator',
  'booking coordinator': 'Gastenredactie',
  'production assistant': 'Productieassistent',
  'content manager': 'Contentmanager',
  'marketing manager': 'Marketingmanager',
  'sales representative': 'Verkoper',
  'sales manager': 'Verkoopmanager',
  'graphic designer': 'Grafisch ontwerper',
  'cover art designer': 'Ontwerper coverbeeld',
  'social media manager': 'Socialemediamanager',
  consultant: 'Adviseur',
  intern: 'Stagiair',
  'camera operator': 'Cameraman',
  'lighting designer': 'Lichtontwerper',
  'camera grip': 'Cameragrip',
  'assistant camera': 'Cameraassistent',
  'assistant editor': 'Assistent-editor',
};

/** English names as the taxonomy writes them, with capitals ('host' → 'Host'). */
function englishName(value: string): string {
  return value.replace(
    /(^|[\s-])(\p{L})/gu,
    (_, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

/** A role in the page's language: Dutch from the table, English in the taxonomy's spelling; unknown roles as written. */
export function roleLabel(role: string, language: 'nl' | 'en'): string {
  const key = role.trim().toLowerCase();
  if (language === 'nl') return roles[key] ?? role;
  return key in roles ? englishName(key) : role;
}

/** A group in the page's language, like roleLabel. */
export function groupLabel(group: string, language: 'nl' | 'en'): string {
  const key = group.trim().toLowerCase();
  if (language === 'nl') return groups[key] ?? group;
  return key in groups ? englishName(key) : group;
}

/** Every taxonomy role (lowercase, as feeds write it), for choice lists. */
export const personRoles: readonly string[] = Object.keys(roles);
