import type { StatementKind, StatementLanguage } from '../domain/organisation.js';

/*
 * The statements a new installation publishes until staff write their own. They describe what
 * zender itself does, so they stay true whatever the organisation adds: no cookies for visitors,
 * no requests to other parties, downloads counted without keeping IP addresses. `{name}` is the
 * organisation's name. Format: blank lines between paragraphs, "## " starts a heading, "- " a
 * list item (see statement-text.ts).
 */
const texts: Record<StatementKind, Record<StatementLanguage, string>> = {
  privacy: {
    nl: `{name} publiceert op deze website podcasts en andere audio. Deze verklaring zegt welke gegevens daarbij worden verwerkt.

## Geen cookies, geen volgen
Bezoekers en luisteraars krijgen geen cookies en worden niet gevolgd. De pagina's, de speler en de ingesloten speler op andere websites laden niets van andere partijen: geen lettertypen, scripts, advertenties of statistiekdiensten van derden.

## Hoe we downloads tellen
Om te weten hoe vaak een aflevering wordt beluisterd, tellen we downloads volgens de richtlijnen van IAB Tech Lab. Daarvoor maken we van het IP-adres en de naam van de podcastapp een versleutelde code met een sleutel die elke dag wordt vervangen en daarna wordt gewist. Het IP-adres zelf wordt nooit bewaard of gelogd.
- Uit de code is het IP-adres niet terug te halen, en na een dag kan niemand codes van verschillende dagen meer met elkaar verbinden.
- De losse verzoeken worden binnen ongeveer een dag samengevoegd tot aantallen per dag, per aflevering en per app; daarna worden ze verwijderd.
- Wat overblijft zijn alleen totalen, zonder gegevens over personen.

## Podcastapps en abonnementen
Wie zich abonneert, doet dat in een podcastapp. Die app haalt de feed en de audio op bij deze website. Wat de app zelf met uw gegevens doet, staat in de privacyverklaring van die app.

## Uw rechten
Omdat we geen persoonsgegevens van luisteraars bewaren, is er over u als luisteraar niets op te vragen of te wissen. Hebt u een vraag of klacht, neem dan contact op met {name}. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.`,
    en: `{name} publishes podcasts and other audio on this website. This statement says which data that involves.

## No cookies, no tracking
Visitors and listeners get no cookies and are not tracked. The pages, the player and the player embedded on other websites load nothing from other parties: no third-party fonts, scripts, advertising or analytics.

## How we count downloads
To know how often an episode is listened to, we count downloads following the IAB Tech Lab guidelines. For that, the IP address and the name of the podcast app are turned into an encrypted code with a key that is replaced every day and then deleted. The IP address itself is never stored or logged.
- The IP address cannot be recovered from the code, and after a day nobody can link codes of different days.
- The individual requests are folded into counts per day, per episode and per app within about a day, and then deleted.
- Only totals remain, with no data about people.

## Podcast apps and subscriptions
Subscribing happens in a podcast app, which fetches the feed and the audio from this website. What the app itself does with your data is in that app's privacy statement.

## Your rights
Because we keep no personal data of listeners, there is nothing about you as a listener to request or erase. For questions or complaints, contact {name}. You may also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).`,
  },
  accessibility: {
    nl: `{name} wil dat iedereen deze website en de podcasts kan gebruiken, ook met een beperking. We streven naar de norm WCAG 2.1 niveau AA, die voor Nederlandse overheidsorganisaties verplicht is.

## Wat we doen
- De pagina's en de speler werken volledig met het toetsenbord en met schermlezers; de focus is altijd zichtbaar.
- Kleuren hebben voldoende contrast, in lichte en donkere weergave, en de pagina's werken vanaf 320 pixels breed en bij 400% vergroting.
- Afleveringen kunnen een uitgeschreven tekst (transcript) en ondertitels hebben, met de tijd erbij, zodat u ook kunt lezen wat er gezegd wordt.
- Bij elke wijziging van de software worden de pagina's automatisch getest met axe, in een echte browser.

## Wat nog niet goed is
Een automatische test vindt niet alles. Nog niet elke aflevering heeft een transcript: een transcript verschijnt pas als het door een mens is gecontroleerd.

## Contact
Loopt u tegen een probleem aan, of mist u een transcript? Laat het {name} weten; we antwoorden binnen vijf werkdagen.`,
    en: `{name} wants everyone to be able to use this website and its podcasts, including people with a disability. We aim for WCAG 2.1 level AA, the standard Dutch public bodies must meet.

## What we do
- The pages and the player work fully with a keyboard and with screen readers; focus is always visible.
- Colours have enough contrast, in light and dark mode, and the pages work from 320 pixels wide and at 400% zoom.
- Episodes can have a written transcript and captions, with timings, so you can read what is said.
- With every change to the software the pages are tested automatically with axe, in a real browser.

## What is not right yet
An automated test does not find everything. Not every episode has a transcript yet: a transcript appears only once a person has checked it.

## Contact
If you run into a problem, or miss a transcript, tell {name}; we answer within five working days.`,
  },
};

export function defaultStatement(kind: StatementKind, language: StatementLanguage): string {
  return texts[kind][language];
}
