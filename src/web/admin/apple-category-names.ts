import { appleCategories } from '../../domain/apple-categories.js';

/**
 * Dutch names of Apple Podcasts' categories (as the Dutch Apple Podcasts app shows them), so
 * staff choose "Overheid" and the feed still says "Government".
 */
const dutch: Record<string, string> = {
  Arts: 'Kunst',
  Books: 'Boeken',
  Design: 'Vormgeving',
  'Fashion & Beauty': 'Mode en schoonheid',
  Food: 'Eten',
  'Performing Arts': 'Podiumkunsten',
  'Visual Arts': 'Beeldende kunst',
  Business: 'Zakelijk',
  Careers: 'Loopbaan',
  Entrepreneurship: 'Ondernemerschap',
  Investing: 'Beleggen',
  Management: 'Management',
  Marketing: 'Marketing',
  'Non-Profit': 'Non-profit',
  Comedy: 'Comedy',
  'Comedy Interviews': 'Comedy-interviews',
  Improv: 'Improvisatie',
  'Stand-Up': 'Stand-upcomedy',
  Education: 'Educatie',
  Courses: 'Cursussen',
  'How To': 'Hoe doe je dat',
  'Language Learning': 'Talen leren',
  'Self-Improvement': 'Zelfontplooiing',
  Fiction: 'Fictie',
  'Comedy Fiction': 'Komische fictie',
  Drama: 'Drama',
  'Science Fiction': 'Sciencefiction',
  Government: 'Overheid',
  History: 'Geschiedenis',
  'Health & Fitness': 'Gezondheid en fitness',
  'Alternative Health': 'Alternatieve geneeskunde',
  Fitness: 'Fitness',
  Medicine: 'Geneeskunde',
  'Mental Health': 'Mentale gezondheid',
  Nutrition: 'Voeding',
  Sexuality: 'Seksualiteit',
  'Kids & Family': 'Kinderen en gezin',
  'Education for Kids': 'Educatie voor kinderen',
  Parenting: 'Opvoeding',
  'Pets & Animals': 'Huisdieren en dieren',
  'Stories for Kids': 'Verhalen voor kinderen',
  Leisure: 'Vrije tijd',
  'Animation & Manga': 'Animatie en manga',
  Automotive: 'Auto’s',
  Aviation: 'Luchtvaart',
  Crafts: 'Handwerk',
  Games: 'Spellen',
  Hobbies: 'Hobby’s',
  'Home & Garden': 'Huis en tuin',
  'Video Games': 'Videogames',
  Music: 'Muziek',
  'Music Commentary': 'Muziekcommentaar',
  'Music History': 'Muziekgeschiedenis',
  'Music Interviews': 'Muziekinterviews',
  News: 'Nieuws',
  'Business News': 'Zakelijk nieuws',
  'Daily News': 'Dagelijks nieuws',
  'Entertainment News': 'Entertainmentnieuws',
  'News Commentary': 'Nieuwscommentaar',
  Politics: 'Politiek',
  'Sports News': 'Sportnieuws',
  'Tech News': 'Technologienieuws',
  'Religion & Spirituality': 'Religie en spiritualiteit',
  Buddhism: 'Boeddhisme',
  Christianity: 'Christendom',
  Hinduism: 'Hindoeïsme',
  Islam: 'Islam',
  Judaism: 'Jodendom',
  Religion: 'Religie',
  Spirituality: 'Spiritualiteit',
  Science: 'Wetenschap',
  Astronomy: 'Sterrenkunde',
  Chemistry: 'Scheikunde',
  'Earth Sciences': 'Aardwetenschappen',
  'Life Sciences': 'Levenswetenschappen',
  Mathematics: 'Wiskunde',
  'Natural Sciences': 'Natuurwetenschappen',
  Nature: 'Natuur',
  Physics: 'Natuurkunde',
  'Social Sciences': 'Sociale wetenschappen',
  'Society & Culture': 'Maatschappij en cultuur',
  Documentary: 'Documentaire',
  'Personal Journals': 'Persoonlijke verhalen',
  Philosophy: 'Filosofie',
  'Places & Travel': 'Plaatsen en reizen',
  Relationships: 'Relaties',
  Sports: 'Sport',
  Baseball: 'Honkbal',
  Basketball: 'Basketbal',
  Cricket: 'Cricket',
  'Fantasy Sports': 'Fantasysport',
  Football: 'American football',
  Golf: 'Golf',
  Hockey: 'IJshockey',
  Rugby: 'Rugby',
  Running: 'Hardlopen',
  Soccer: 'Voetbal',
  Swimming: 'Zwemmen',
  Tennis: 'Tennis',
  Volleyball: 'Volleybal',
  Wilderness: 'Buitenleven',
  Wrestling: 'Worstelen',
  Technology: 'Technologie',
  'True Crime': 'Waargebeurde misdaad',
  'TV & Film': 'Tv en film',
  'After Shows': 'Aftershows',
  'Film History': 'Filmgeschiedenis',
  'Film Interviews': 'Filminterviews',
  'Film Reviews': 'Filmrecensies',
  'TV Reviews': 'Tv-recensies',
};

export interface CategoryChoice {
  /** What the API and the feed use: "Government", "Society & Culture/Documentary". */
  value: string;
  label: string;
  /** The parent's label, for an <optgroup>. */
  group: string;
}

/** Every category as a choice, grouped by parent, sorted by the label staff read. */
export function categoryChoices(locale: 'nl' | 'en'): CategoryChoice[] {
  const name = (english: string) => (locale === 'nl' ? (dutch[english] ?? english) : english);
  const collator = new Intl.Collator(locale);
  const parents = Object.keys(appleCategories).sort((a, b) => collator.compare(name(a), name(b)));
  return parents.flatMap((parent) => [
    { value: parent, label: name(parent), group: name(parent) },
    ...[...appleCategories[parent]]
      .sort((a, b) => collator.compare(name(a), name(b)))
      .map((child) => ({
        value: `${parent}/${child}`,
        label: `${name(parent)} › ${name(child)}`,
        group: name(parent),
      })),
  ]);
}
