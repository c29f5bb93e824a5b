"""German event reports written for the producer tests (WeasyPrint, LibreOffice, reportlab layouts).

Each report keeps its source text so a reading can be measured (:mod:`pdfgen.measure`). The texts are
invented: an integration office's reports with names, dates, quotes and hyphenated compounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Report:
    headline: str
    lead: str
    byline: str
    paragraphs: list[str]
    subheadings: dict[int, str] = field(default_factory=dict)  # index of the paragraph it precedes
    caption: str = ""
    quote: str = ""
    attribution: str = ""
    header: str = ""
    footer: str = ""
    bullets: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)

    def body(self) -> list[str]:
        """Lead and body paragraphs: the text whose sentences must come out intact and in order."""
        return [self.lead, *self.paragraphs]


FACHTAG = Report(
    headline="Ehrenamt verbindet: Fachtag im Kreishaus",
    lead=("Mehr als hundert haupt- und ehrenamtliche Helferinnen und Helfer kamen am 14. März 2026 ins Kreishaus "
          "nach Heinsberg. Das Kommunale Integrationszentrum hatte zum dritten Fachtag Ehrenamt eingeladen."),
    byline="Von Anna-Petra Schulte-Brinkmann",
    header="Heinsberger Rundschau · Lokales",
    footer="Heinsberger Rundschau",
    caption=("Anna-Petra Schulte-Brinkmann (links) im Gespräch mit Teilnehmenden des Fachtags im großen "
             "Sitzungssaal. Foto: Kreis Heinsberg"),
    quote="„Ohne die Ehrenamtlichen wäre vieles in unserem Kreis schlicht nicht möglich.“",
    attribution="Landrätin Dr. Miriam Okafor",
    paragraphs=[
        "Schon am frühen Morgen füllte sich der große Sitzungssaal. Landrätin Dr. Miriam Okafor begrüßte die "
        "Gäste und dankte ihnen für ihren Einsatz in Sprachkursen, Patenschaften und Begegnungscafés. Viele von "
        "ihnen engagieren sich seit Jahren, manche bereits seit dem Sommer 2015.",
        "In ihrer Rede erinnerte die Landrätin an die Anfänge der Flüchtlingshilfe in den Städten und Gemeinden "
        "des Kreises. Damals hätten Vereine, Kirchengemeinden und Nachbarschaften innerhalb weniger Wochen "
        "Kleiderkammern, Fahrdienste und Hausaufgabenhilfen aufgebaut. Diese Netzwerke trügen bis heute.",
        "Die Integrationsbeauftragte Yasemin Demir-Hoffmann stellte anschließend die Ergebnisse einer Umfrage "
        "unter den Ehrenamtlichen vor. Mehr als zwei Drittel der Befragten wünschen sich demnach regelmäßige "
        "Fortbildungen und einen festen Ansprechpartner in der Verwaltung.",
        "Besonders häufig genannt wurden Fragen zum Aufenthaltsrecht, zur Anerkennung ausländischer "
        "Berufsabschlüsse und zur Wohnungssuche. Hier stoßen viele Helferinnen und Helfer an ihre Grenzen. "
        "Das Integrationszentrum will deshalb im Herbst eine Sprechstunde für Ehrenamtliche einrichten.",
        "Am Nachmittag arbeiteten die Teilnehmenden in sechs Werkstätten. Eine Gruppe beschäftigte sich mit "
        "der Frage, wie junge Menschen für das Ehrenamt gewonnen werden können. Eine andere sammelte Ideen für "
        "mehrsprachige Informationsabende an Grundschulen und Kindertagesstätten.",
        "In der Werkstatt zur Gesundheitsversorgung berichtete die Ärztin Dr. Leyla Karimi von ihren "
        "Erfahrungen mit Sprachmittlerinnen und Sprachmittlern. Ohne sie sei eine gute Behandlung oft kaum "
        "möglich. Sie regte an, ein kreisweites Verzeichnis von Dolmetscherinnen aufzubauen.",
        "Viel Beifall bekam der 17-jährige Samir Haddad, der vor vier Jahren aus Aleppo nach Hückelhoven kam. "
        "Er erzählte, wie ihm eine ehrenamtliche Lesepatin beim Deutschlernen geholfen habe. Heute besucht er "
        "die elfte Klasse eines Gymnasiums und möchte später Medizin studieren.",
        "Zum Abschluss des Tages wurden fünf Initiativen mit dem Ehrenamtspreis des Kreises ausgezeichnet. Der "
        "mit jeweils 500 Euro dotierte Preis ging unter anderem an das Nähcafé in Wassenberg und an eine "
        "Fahrradwerkstatt in Geilenkirchen, in der Geflüchtete und Alteingesessene gemeinsam schrauben.",
        "Die Organisatorinnen zogen eine positive Bilanz. Der Fachtag soll im kommenden Jahr wieder stattfinden, "
        "dann voraussichtlich im Mai. Anregungen nimmt das Kommunale Integrationszentrum schon jetzt per E-Mail "
        "oder telefonisch entgegen.",
    ],
    subheadings={2: "Umfrage zeigt großen Bedarf an Fortbildung", 4: "Sechs Werkstätten am Nachmittag",
                 7: "Preise für fünf Initiativen"},
)

WOCHE = Report(
    headline="Interkulturelle Woche lädt zum Mitfeiern ein",
    lead=("Vom 20. bis zum 27. September 2026 feiert der Kreis die Interkulturelle Woche. Vereine, Schulen und "
          "Moscheegemeinden haben ein Programm mit mehr als dreißig Veranstaltungen vorbereitet."),
    byline="Von Jan-Hendrik Oberbeck",
    header="Stadtanzeiger Erkelenz",
    footer="Stadtanzeiger Erkelenz · Woche 38",
    caption="Beim Straßenfest im vergangenen Jahr tanzten Gruppen aus sieben Ländern. Foto: Jan-Hendrik Oberbeck",
    quote="„Wir wollen zeigen, wie vielfältig unser Alltag längst ist.“",
    attribution="Koordinatorin Marta Wiśniewska",
    paragraphs=[
        "Den Auftakt macht am Sonntag ein ökumenischer Gottesdienst in der Lambertuskirche, an dem auch Vertreter "
        "der Moscheegemeinde und der jüdischen Gemeinde mitwirken. Anschließend lädt der Integrationsrat zu "
        "einem Empfang ins Rathaus ein.",
        "Am Dienstag zeigt das Kino am Markt den Dokumentarfilm „Angekommen“, der drei Familien über zwei Jahre "
        "begleitet hat. Nach der Vorführung stehen die Regisseurin und zwei der Protagonistinnen für Fragen zur "
        "Verfügung. Der Eintritt ist frei, um Anmeldung wird gebeten.",
        "Für Kinder gibt es an mehreren Nachmittagen Vorlesestunden in der Stadtbibliothek. Gelesen wird auf "
        "Deutsch, Arabisch, Türkisch und Ukrainisch. Ehrenamtliche Vorleserinnen haben dafür eigens "
        "zweisprachige Bilderbücher ausgesucht.",
        "Höhepunkt der Woche ist das Straßenfest am Samstag auf dem Marktplatz. Mehr als zwanzig Vereine bieten "
        "Speisen aus ihren Herkunftsländern an, auf der Bühne treten Musik- und Tanzgruppen auf. Das Fest "
        "beginnt um 11 Uhr und endet gegen 18 Uhr.",
        "Koordiniert wird das Programm von Marta Wiśniewska vom Kommunalen Integrationszentrum. Sie freut sich "
        "über die große Beteiligung der haupt- und ehrenamtlichen Kräfte. Das vollständige Programm liegt im "
        "Bürgerbüro aus und steht auf der Internetseite des Kreises.",
    ],
    subheadings={3: "Straßenfest als Höhepunkt"},
)

PRESSEMITTEILUNG = Report(
    headline="Neue Beratungsstelle für Zugewanderte in Geilenkirchen",
    lead=("Das Kommunale Integrationszentrum eröffnet am 2. Februar 2026 eine Beratungsstelle in der "
          "Geilenkirchener Innenstadt. Dort erhalten Zugewanderte Hilfe bei Behördenbriefen, bei der Suche nach "
          "Sprachkursen und bei Fragen zur Anerkennung ihrer Berufsabschlüsse."),
    byline="",
    header="Kreis Heinsberg · Der Landrat · Presse- und Öffentlichkeitsarbeit",
    footer="Kreis Heinsberg · Valkenburger Straße 45 · 52525 Heinsberg",
    paragraphs=[
        "Die Beratungsstelle befindet sich im Erdgeschoss des Hauses der Begegnung an der Konrad-Adenauer-Straße. "
        "Sie ist barrierefrei erreichbar und liegt nur wenige Gehminuten vom Bahnhof entfernt.",
        "Beraten wird auf Deutsch, Englisch, Arabisch, Russisch und Ukrainisch. Für weitere Sprachen vermittelt das "
        "Team Sprachmittlerinnen und Sprachmittler. Die Beratung ist kostenlos und vertraulich.",
        "„Viele Menschen wissen nicht, an wen sie sich mit ihren Fragen wenden können“, sagt Anna-Petra Lindqvist, "
        "die Leiterin des Integrationszentrums. Mit der neuen Stelle wolle man den Weg zur Beratung deutlich "
        "verkürzen.",
        "Die Öffnungszeiten sind montags und mittwochs von 9 bis 13 Uhr sowie donnerstags von 14 bis 18 Uhr. "
        "Termine außerhalb dieser Zeiten können telefonisch vereinbart werden.",
    ],
    bullets=[
        "Hilfe beim Lesen und Beantworten von Behördenbriefen",
        "Vermittlung in Integrations- und Berufssprachkurse",
        "Beratung zur Anerkennung ausländischer Abschlüsse",
    ],
    table=[["Tag", "Uhrzeit", "Sprachen"],
           ["Montag", "9 bis 13 Uhr", "Deutsch, Arabisch"],
           ["Mittwoch", "9 bis 13 Uhr", "Deutsch, Ukrainisch"],
           ["Donnerstag", "14 bis 18 Uhr", "Deutsch, Russisch"]],
)
