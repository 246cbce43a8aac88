/** Word lists for the demo data: common Dutch names and plausible counsellor notes. */

// prettier-ignore
export const FIRST_NAMES = [
  'Daan', 'Sanne', 'Lotte', 'Bram', 'Fleur', 'Thijs', 'Anouk', 'Jeroen', 'Mila', 'Sem',
  'Noor', 'Ruben', 'Eva', 'Lars', 'Iris', 'Joost', 'Femke', 'Koen', 'Maartje', 'Stijn',
  'Emma', 'Wouter', 'Lieke', 'Niels', 'Marloes', 'Pieter', 'Esther', 'Hüseyin', 'Fatima', 'Youssef',
  'Sophie', 'Gijs', 'Roos', 'Mohamed', 'Inge', 'Tim', 'Yara', 'Bas', 'Renée', 'Chantal',
  'Priya', 'Kevin', 'Nadia', 'Hendrik', 'Willemijn', 'Sven', 'Zoë', 'Jasper', 'Ilse', 'Mehmet',
] as const

// prettier-ignore
export const LAST_NAMES = [
  'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker',
  'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden',
  'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek',
  'de Bruijn', 'de Jong', 'van Dijk', 'Schouten', 'Willems', 'Hoekstra', 'Yılmaz', 'El Amrani',
  'Koster', 'Prins', 'Kuipers', "in 't Veld", 'ter Horst', 'Verhoeven', 'van Wijk', 'Postma',
  'Çelik', 'Boukhari', 'Sarmo', 'Bosman',
] as const

// prettier-ignore
export const EMAIL_DOMAINS = [
  'gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'live.nl', 'icloud.com',
  'planet.nl',
] as const

// prettier-ignore
export const SCHOOLS_UTRECHT = [
  'Christelijk Gymnasium Utrecht', 'Stedelijk Gymnasium Leidsche Rijn',
  'Openbare Basisschool De Kameleon', 'Cals College Nieuwegein', 'Gerrit Rietveld College',
  'Amadeus Lyceum Vleuten', 'Kees Boekeschool Bilthoven', 'Niftarlake College Maarssen',
  'Montessorischool Utrecht Oost', 'ROC Midden Nederland',
] as const

// prettier-ignore
export const LOCATIONS_RIJNMOND = [
  'Rotterdam, Kop van Zuid', 'Rotterdam Centrum', 'Schiedam, stadskantoor', 'Vlaardingen',
  'Capelle aan den IJssel', 'Spijkenisse, bibliotheek', 'Online (Teams)', 'Hogeschool Rotterdam',
] as const

/** Summaries per interaction type; `{school}` and `{activity}` are filled in. */
export const SUMMARIES: Record<string, readonly [string, ...string[]]> = {
  Telefonisch: [
    'Intakegesprek telefonisch gevoerd',
    'Teruggebeld over zij-instroom',
    'Telefonisch vragen over de subsidie beantwoord',
    'Kort contact over voortgang aanmelding',
    'Voicemail ingesproken, terugbelverzoek',
  ],
  'E-mail': [
    'Informatie over zij-instroom gemaild',
    'Bevestiging afspraak verstuurd',
    'Vragen over bevoegdheid per mail beantwoord',
    'Vacatureoverzicht toegestuurd',
    'Herinnering documenten gestuurd',
  ],
  Persoonlijk: [
    'Langs geweest op het regiokantoor',
    'Gesprek na afloop van de informatieavond',
    'Ontmoeting op de banenmarkt',
  ],
  Adviesgesprek: [
    'Adviesgesprek over opleidingsroutes',
    'Loopbaanadvies: pabo versus zij-instroom',
    'Adviesgesprek over lesbevoegdheid tweedegraads',
    'Vervolgadvies na proefstudeerdag',
  ],
  Kennismakingsgesprek: [
    'Kennismaking met de onderwijsregio',
    'Eerste kennismaking, motivatie besproken',
    'Kennismakingsgesprek met schoolleider geregeld',
  ],
  'Inschrijving activiteit': [
    'Ingeschreven voor de informatieavond Leraar worden',
    'Aangemeld voor een meeloopdag',
    'Ingeschreven voor de proefstudeerdag',
    'Aangemeld voor het webinar zij-instroom',
  ],
  Doorverwijzing: [
    'Doorverwezen naar het schoolbestuur',
    'Doorverwezen naar de lerarenopleiding',
    'Doorverwezen naar het UWV voor omscholing',
  ],
  Anders: ['Notitie toegevoegd', 'Dossier bijgewerkt', 'Contactmoment zonder categorie'],
}

export const NOTES = [
  'Kandidaat heeft een achtergrond in de techniek en wil graag lesgeven in het vmbo.',
  'Heeft interesse in het primair onderwijs, liefst in de regio. Wil eerst een meeloopdag.',
  'Vraagt naar de mogelijkheden om naast het huidige werk de opleiding te volgen.',
  'Diploma wordt nog gewaardeerd door IDW; daarna vervolggesprek plannen.',
  'Motivatie is sterk. Twijfelt tussen biologie en scheikunde.',
  'Heeft al ervaring als invalkracht. Bespreekt met partner of een deeltijdbaan haalbaar is.',
  'Afgesproken dat de kandidaat zich voor de volgende informatieavond aanmeldt.',
  'Wil graag in het speciaal onderwijs werken; contactgegevens van twee scholen gedeeld.',
  'Geschiktheidsonderzoek zij-instroom besproken, inclusief kosten en doorlooptijd.',
  'Nog geen reactie op de laatste mail; over twee weken opnieuw proberen.',
  'Heeft de subsidie Leraar in opleiding aangevraagd en wacht op de beschikking.',
  'Kandidaat komt uit de zorg en wil les gaan geven in het mbo (zorg en welzijn).',
] as const
