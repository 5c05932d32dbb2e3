import { type DownloadsPageAssets, DownloadsPageShell } from './downloads-page-shell.js';

/**
 * How zender counts downloads and what it keeps, in plain Dutch and then English: the rules of
 * the IAB Tech Lab podcast measurement guidelines as zender applies them, and their limits.
 */
export function DownloadsMethodPage(props: { assets: DownloadsPageAssets }) {
  return (
    <DownloadsPageShell
      assets={props.assets}
      title="Hoe we downloads tellen / How downloads are counted"
      description="Hoe zender downloads telt en wat er (niet) wordt bewaard."
    >
      <article>
        <h1>Hoe we downloads tellen</h1>
        <p>
          Een download is één luisteraar die één aflevering ophaalt. We tellen zoals de richtlijnen van het
          IAB Tech Lab voor podcastmetingen (versie 2.2) het voorschrijven.
        </p>
        <h2>Wat telt als download</h2>
        <ul>
          <li>
            Een luisteraar is de combinatie van internetadres en app (de “user agent”). Bij IPv6 kijken we
            alleen naar het eerste deel van het adres (de /64), want telefoons wisselen het laatste deel
            steeds.
          </li>
          <li>
            Dezelfde luisteraar telt voor dezelfde aflevering hoogstens één keer per 24 uur, hoe vaak de app
            ook terugkomt of doorspoelt.
          </li>
          <li>
            Er moet minstens één minuut geluid zijn opgehaald (berekend uit de bitrate van het bestand, zonder
            de kop met gegevens en hoesafbeelding), of het hele bestand als de aflevering korter is. Stukjes
            die een app in delen ophaalt, tellen samen; overlap telt één keer.
          </li>
          <li>
            Niet geteld: zoekmachines, bots en programmabibliotheken (volgens de open lijst van OPAWG,
            aangevuld met isbot), verzoeken die alleen vragen of het bestand bestaat (HEAD), “niet
            gewijzigd”-antwoorden (304), onmogelijke stukken (416) en de proefverzoekjes van twee bytes die
            sommige apps eerst sturen.
          </li>
          <li>
            Een Apple Watch vraagt een aflevering twee keer op; we tellen dat één keer, zoals het IAB Tech Lab
            aanraadt.
          </li>
          <li>
            Afspelen in onze eigen speler (op de podcastpagina’s en in ingesloten spelers) telt apart, als
            “web player”.
          </li>
          <li>
            Staan de bestanden bij een opslagdienst (S3), dan sturen wij de app door en zien we niet hoeveel
            er echt is opgehaald. Dan tellen we bij het doorsturen, met dezelfde regels voor zover ze gelden:
            we rekenen met het stuk dat de app vraagt, niet met wat de opslagdienst verstuurt. Dat telt iets
            ruimer.
          </li>
        </ul>
        <h2>Wat we (niet) bewaren</h2>
        <ul>
          <li>We bewaren nooit uw internetadres, ook niet in logbestanden.</li>
          <li>
            Van elk verzoek bewaren we een code (een HMAC) die uit adres en app wordt gemaakt met een geheime
            sleutel van die dag. De sleutel staat alleen in onze database en wordt gewist als de dag (UTC)
            voorbij is. Daarna kan niemand de code nog aan een adres koppelen, ook wij niet.
          </li>
          <li>
            Die verzoeken bewaren we hoogstens een dag plus een paar minuten. Elke paar minuten tellen we ze
            op tot aantallen per dag, aflevering, app en apparaat; alleen die aantallen blijven.
          </li>
          <li>
            Doordat de sleutel om middernacht (UTC) wisselt, herkennen we een luisteraar niet over middernacht
            heen. Wie om 23.30 uur en om 0.30 uur luistert, telt dus twee keer.
          </li>
          <li>Dagen zijn UTC-dagen; de cijfers lopen enkele minuten achter.</li>
        </ul>
      </article>
      <article lang="en">
        <h1>How downloads are counted</h1>
        <p>
          A download is one listener fetching one episode. We count as the IAB Tech Lab Podcast Measurement
          Technical Guidelines (version 2.2) prescribe.
        </p>
        <h2>What counts as a download</h2>
        <ul>
          <li>
            A listener is the combination of internet address and app (the user agent). For IPv6 only the
            first part of the address (the /64) is used, as phones keep changing the rest.
          </li>
          <li>
            The same listener counts at most once per episode in 24 hours, however often the app comes back.
          </li>
          <li>
            At least one minute of audio must have been served (from the file’s bitrate, leaving out its tag
            with metadata and cover art), or the whole file when the episode is shorter. Pieces an app fetches
            separately add up; overlaps count once.
          </li>
          <li>
            Not counted: search engines, bots and programming libraries (from OPAWG’s open list, plus isbot),
            requests that only ask whether the file exists (HEAD), “not modified” answers (304), impossible
            ranges (416) and the two-byte probes some apps send first.
          </li>
          <li>An Apple Watch asks for an episode twice; that counts once, as the IAB Tech Lab advises.</li>
          <li>
            Plays in our own player (on the podcast pages and in embeds) count separately, as “web player”.
          </li>
          <li>
            When the files are in an object store (S3), we redirect the app and cannot see what it actually
            fetched. Then we count at the redirect, by the same rules as far as they apply: with the range the
            app asks for, not what the store sends. That counts a little more generously.
          </li>
        </ul>
        <h2>What we keep, and what we don’t</h2>
        <ul>
          <li>We never keep your internet address, not even in log files.</li>
          <li>
            For each request we keep a code (an HMAC) made from address and app with a secret key of that day.
            The key exists only in our database and is deleted when its (UTC) day is over. After that nobody,
            including us, can link the code to an address.
          </li>
          <li>
            We keep those requests for at most a day plus a few minutes. Every few minutes they are added up
            into counts per day, episode, app and device; only those counts stay.
          </li>
          <li>
            Because the key changes at midnight (UTC), a listener is not recognised across midnight: listening
            at 23:30 and again at 00:30 counts twice.
          </li>
          <li>Days are UTC days; the figures lag a few minutes behind.</li>
        </ul>
      </article>
    </DownloadsPageShell>
  );
}
