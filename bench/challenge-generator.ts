// Generated challenges for the common-challenge benchmark: 20,000 by default, the same on every
// run (fixed seed). Built from the vocabulary of the similarity golden set: a *problem* is a
// value-chain stage, a material, an issue and an approach (plus sometimes a figure); each problem
// is written 1–9 times, in Finnish, Swedish or English, in different regions, with the sentences
// in another order and with other wording, between sentences of everyday context. So the corpus has
// what a real one has: paraphrases across languages, many challenges that share a stage or a
// material but not the problem, and text that has nothing to do with the problem.
import type { SimilarityLanguage } from '../src/domain/challenges/similarity/features.ts';

export const CHALLENGE_SEED = 20_261_124;

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

type Phrases = Record<SimilarityLanguage, string[]>;

// What the challenge is about in the value chain: two wordings per language.
const STAGES: Phrases[] = [
  {
    fi: ['mustamassan liuotus', 'mustamassan rikkihappoliuotus'],
    sv: ['lakning av svartmassa', 'svartmassans lakning'],
    en: ['black mass leaching', 'leaching of black mass'],
  },
  {
    fi: ['akkujen murskaus', 'akkujen mekaaninen esikäsittely'],
    sv: ['krossning av batterier', 'mekanisk förbehandling av batterier'],
    en: ['battery shredding', 'mechanical pre-treatment of batteries'],
  },
  {
    fi: ['esiasteen yhteissaostus', 'pCAM-tuotanto'],
    sv: ['samutfällning av prekursorer', 'pCAM-produktion'],
    en: ['pCAM co-precipitation', 'precursor production'],
  },
  {
    fi: ['LFP-katodimateriaalin valmistus', 'litiumrautafosfaatin synteesi'],
    sv: ['tillverkning av LFP-katodmaterial', 'syntes av litiumjärnfosfat'],
    en: ['LFP cathode production', 'lithium iron phosphate synthesis'],
  },
  {
    fi: ['litiumhydroksidin jalostus', 'litiumkemikaalien tuotanto'],
    sv: ['raffinering av litiumhydroxid', 'produktion av litiumkemikalier'],
    en: ['lithium hydroxide refining', 'lithium chemicals production'],
  },
  {
    fi: ['spodumeenin rikastus', 'litiummalmin vaahdotus'],
    sv: ['anrikning av spodumen', 'flotation av litiummalm'],
    en: ['spodumene beneficiation', 'flotation of lithium ore'],
  },
  {
    fi: ['nikkelin ja koboltin erotus neste-nesteuutolla', 'koboltin uutto'],
    sv: ['separation av nickel och kobolt med vätske-vätskeextraktion', 'extraktion av kobolt'],
    en: ['cobalt-nickel solvent extraction', 'separating cobalt from nickel by solvent extraction'],
  },
  {
    fi: ['sulfaattipitoisten jätevesien käsittely', 'natriumsulfaatin talteenotto'],
    sv: ['rening av sulfathaltigt avloppsvatten', 'återvinning av natriumsulfat'],
    en: ['treatment of sulphate-bearing effluents', 'sodium sulphate recovery'],
  },
  {
    fi: ['grafiittianodin valmistus', 'anodimateriaalin tuotanto grafiitista'],
    sv: ['tillverkning av grafitanoder', 'produktion av anodmaterial av grafit'],
    en: ['graphite anode production', 'making anode material from graphite'],
  },
  {
    fi: ['piianodien kehitys', 'pii-hiilikomposiittianodit'],
    sv: ['kiselanoder', 'anoder av kiselkomposit'],
    en: ['silicon anodes', 'silicon-carbon composite anodes'],
  },
  {
    fi: ['verkkomittakaavan akkuvaraston käyttö', 'akkuvarasto sähköverkossa'],
    sv: ['drift av batterilager i nätskala', 'batterilager i elnätet'],
    en: ['grid-scale battery storage operation', 'a battery energy storage system on the grid'],
  },
  {
    fi: ['käytettyjen sähköautoakkujen uusiokäyttö', 'toisen elinkaaren akut energiavarastossa'],
    sv: ['återanvändning av begagnade elbilsbatterier', 'batteriers andra liv i energilager'],
    en: ['second-life EV batteries', 'repurposing used EV batteries for storage'],
  },
  {
    fi: ['akkukennojen valmistus', 'elektrodien pinnoitus kennotehtaassa'],
    sv: ['celltillverkning', 'beläggning av elektroder i cellfabriken'],
    en: ['battery cell manufacturing', 'electrode coating in a cell factory'],
  },
  {
    fi: ['akunhallintajärjestelmä', 'akuston kokoonpano'],
    sv: ['batterihanteringssystem', 'montering av batteripaket'],
    en: ['battery management system', 'battery pack assembly'],
  },
  {
    fi: ['käytettyjen akkujen keräys', 'akkujen kuljetus kierrätykseen'],
    sv: ['insamling av uttjänta batterier', 'transport av batterier till återvinning'],
    en: ['collection of spent batteries', 'transport of batteries to recycling'],
  },
  {
    fi: ['natriumioniakkujen materiaalit', 'natriumioniakun anodit'],
    sv: ['material för natriumjonbatterier', 'anoder för natriumjonbatterier'],
    en: ['sodium-ion battery materials', 'anodes for sodium-ion batteries'],
  },
];

// The material at the centre of the problem, in a form that fits "… koskee X" / "gäller X" / "concerns X".
const MATERIALS: Phrases[] = [
  { fi: ['nikkeliä'], sv: ['nickel'], en: ['nickel'] },
  { fi: ['kobolttia'], sv: ['kobolt'], en: ['cobalt'] },
  { fi: ['mangaania'], sv: ['mangan'], en: ['manganese'] },
  { fi: ['litiumia'], sv: ['litium'], en: ['lithium'] },
  { fi: ['kuparia ja alumiinia'], sv: ['koppar och aluminium'], en: ['copper and aluminium'] },
  { fi: ['rautafosfaattia'], sv: ['järnfosfat'], en: ['iron phosphate'] },
  { fi: ['grafiittia'], sv: ['grafit'], en: ['graphite'] },
  { fi: ['fluoridia'], sv: ['fluorid'], en: ['fluoride'] },
  { fi: ['natriumsulfaattia (Na2SO4)'], sv: ['natriumsulfat (Na2SO4)'], en: ['sodium sulphate (Na2SO4)'] },
  { fi: ['NMC811-materiaalia'], sv: ['NMC811-material'], en: ['NMC811 material'] },
  { fi: ['LiFePO4:ää'], sv: ['LiFePO4'], en: ['LiFePO4'] },
  { fi: ['piitä'], sv: ['kisel'], en: ['silicon'] },
  { fi: ['elektrolyyttiä (LiPF6)'], sv: ['elektrolyt (LiPF6)'], en: ['the electrolyte (LiPF6)'] },
  {
    fi: ['litiumkarbonaattia (Li2CO3)'],
    sv: ['litiumkarbonat (Li2CO3)'],
    en: ['lithium carbonate (Li2CO3)'],
  },
];

// What goes wrong, as a title …
const ISSUE_TITLES: Record<SimilarityLanguage, string>[] = [
  { fi: 'Epäpuhtaudet', sv: 'Föroreningar', en: 'Impurities' },
  { fi: 'Energiankulutus', sv: 'Energiförbrukning', en: 'Energy use' },
  { fi: 'Pöly- ja kaasupäästöt', sv: 'Damm och gaser', en: 'Dust and off-gas' },
  { fi: 'Paloturvallisuus', sv: 'Brandsäkerhet', en: 'Fire safety' },
  { fi: 'Kannattavuus', sv: 'Lönsamhet', en: 'Profitability' },
  { fi: 'Vedenkulutus', sv: 'Vattenförbrukning', en: 'Water use' },
  { fi: 'Partikkelikoon hallinta', sv: 'Kontroll av partikelstorlek', en: 'Particle size control' },
  { fi: 'Akkupassin tiedot', sv: 'Data för batteripasset', en: 'Battery passport data' },
  { fi: 'Osaajapula', sv: 'Brist på kompetens', en: 'Skills shortage' },
  { fi: 'Luvitus', sv: 'Tillstånd', en: 'Permitting' },
  { fi: 'Kuntotilan arviointi', sv: 'Bedömning av hälsotillstånd', en: 'State-of-health estimation' },
  { fi: 'Saantohäviöt', sv: 'Utbytesförluster', en: 'Yield losses' },
  { fi: 'Erotuksen selektiivisyys', sv: 'Selektivitet i separationen', en: 'Separation selectivity' },
  { fi: 'Sulfaattipäästöt', sv: 'Sulfatutsläpp', en: 'Sulphate discharges' },
];

// … and in the text: three wordings per language, each with the specifics people name.
const ISSUES: Phrases[] = [
  {
    fi: [
      'Ongelmana ovat epäpuhtaudet: alumiini, kupari ja rauta päätyvät tuotteeseen.',
      'Tuotteeseen jää liikaa epäpuhtauksia (Al, Cu, Fe), ja asiakkaan puhtausvaatimus ylittyy.',
      'Epäpuhtauksien poisto on puutteellista, eikä akkulaatua saavuteta.',
    ],
    sv: [
      'Problemet är föroreningar: aluminium, koppar och järn hamnar i produkten.',
      'För mycket föroreningar (Al, Cu, Fe) blir kvar och kundens renhetskrav överskrids.',
      'Reningen från föroreningar räcker inte och batterikvalitet nås inte.',
    ],
    en: [
      'The problem is impurities: aluminium, copper and iron end up in the product.',
      'Too many impurities (Al, Cu, Fe) remain and the purity specification is missed.',
      'Impurity removal falls short and battery-grade purity is not reached.',
    ],
  },
  {
    fi: [
      'Prosessin energiankulutus on liian suuri, erityisesti kuivaus ja lämmitys.',
      'Sähkönkulutus nostaa kustannuksia, ja hukkalämpö menee hukkaan.',
      'Energiankulutusta ja hiilijalanjälkeä pitää pienentää.',
    ],
    sv: [
      'Processens energiförbrukning är för hög, särskilt torkning och uppvärmning.',
      'Elförbrukningen driver upp kostnaderna och spillvärmen går förlorad.',
      'Energiförbrukningen och koldioxidavtrycket måste minska.',
    ],
    en: [
      'The energy consumption of the process is too high, drying and heating above all.',
      'Electricity consumption drives the costs up and waste heat is lost.',
      'Energy use and the carbon footprint have to come down.',
    ],
  },
  {
    fi: [
      'Prosessista vapautuu pölyä, liuotinhöyryjä ja fluorivetyä.',
      'Pöly- ja kaasupäästöt ovat työturvallisuusriski, eikä kaasunpuhdistus riitä.',
      'Kaasupäästöt (HF) ja hieno pöly vaativat kaasunpesurin ja inerttikaasun.',
    ],
    sv: [
      'Processen släpper ut damm, lösningsmedelsånga och vätefluorid.',
      'Damm och gaser är en arbetsmiljörisk och gasreningen räcker inte.',
      'Gasutsläpp (HF) och fint damm kräver skrubber och inertgas.',
    ],
    en: [
      'The process releases dust, solvent vapour and hydrogen fluoride.',
      'Dust and off-gas are a worker safety risk and the gas cleaning is not enough.',
      'Off-gas (HF) and fine dust call for a scrubber and inert gas.',
    ],
  },
  {
    fi: [
      'Palovaara ja lämpökarkaaminen huolestuttavat, eikä sammutusmenetelmiä ole testattu.',
      'Akkupalojen riski on merkittävä; pelastuslaitos kaipaa ohjeita sammutukseen.',
      'Lämpökarkaamisen varhainen havaitseminen ja palon sammutus ovat avoinna.',
    ],
    sv: [
      'Brandrisken och termisk rusning oroar och släckmetoderna är inte testade.',
      'Risken för batteribränder är betydande; räddningsverket saknar instruktioner för släckning.',
      'Tidig detektion av termisk rusning och släckning av bränder är öppna frågor.',
    ],
    en: [
      'Fire risk and thermal runaway are a concern and extinguishing methods are untested.',
      'The risk of battery fires is significant; the rescue department lacks guidance on suppression.',
      'Early detection of thermal runaway and putting out the fire are open questions.',
    ],
  },
  {
    fi: [
      'Toiminnan kannattavuus on heikko: kustannukset ylittävät metallien arvon.',
      'Kustannukset ovat liian korkeat kannattavaan toimintaan nykyisillä metallihinnoilla.',
      'Liiketoimintamalli ei kanna, koska käsittelymaksut eivät kata kustannuksia.',
    ],
    sv: [
      'Lönsamheten är svag: kostnaderna överstiger metallernas värde.',
      'Kostnaderna är för höga för lönsam drift med dagens metallpriser.',
      'Affärsmodellen bär inte eftersom avgifterna inte täcker kostnaderna.',
    ],
    en: [
      'Profitability is poor: costs exceed the value of the metals.',
      'Costs are too high to make it pay at current metal prices.',
      'The business model does not carry because gate fees do not cover the costs.',
    ],
  },
  {
    fi: [
      'Prosessi kuluttaa paljon puhdasta prosessivettä, ja jätevesi pitää käsitellä.',
      'Prosessiveden saatavuus rajoittaa kasvua; merivesi ja suolanpoisto ovat vaihtoehtoja.',
      'Vedenkulutus ja jätevesien käsittely ovat pullonkaula.',
    ],
    sv: [
      'Processen förbrukar mycket rent processvatten och avloppsvattnet måste renas.',
      'Tillgången på processvatten begränsar tillväxten; havsvatten och avsaltning är alternativ.',
      'Vattenförbrukningen och reningen av avloppsvatten är en flaskhals.',
    ],
    en: [
      'The process uses a lot of clean process water, and the wastewater must be treated.',
      'Access to process water limits growth; seawater and desalination are options.',
      'Water consumption and wastewater treatment are the bottleneck.',
    ],
  },
  {
    fi: [
      'Partikkelikokojakauma ja pallomaisuus vaihtelevat erästä toiseen.',
      'Partikkelikoko ja tärytiheys eivät pysy asiakkaan vaatimuksissa.',
      'Reaktorin pH ja sekoitus vaihtelevat, jolloin partikkelikoko heittelee.',
    ],
    sv: [
      'Partikelstorleksfördelningen och sfäriciteten varierar mellan satser.',
      'Partikelstorlek och tappdensitet håller sig inte inom kundens krav.',
      'pH och omrörning i reaktorn varierar och partikelstorleken svänger.',
    ],
    en: [
      'The particle size distribution and sphericity vary from batch to batch.',
      'Particle size and tap density do not stay within the customer specification.',
      'pH and mixing in the reactor vary and the particle size drifts.',
    ],
  },
  {
    fi: [
      'Alkuperä- ja hiilijalanjälkitietoja ei saada alihankkijoilta akkupassia varten.',
      'Akkuasetuksen vaatimat akkupassin tiedot puuttuvat, eikä yhteistä tietomallia ole.',
      'Jäljitettävyys ja tietojen jakaminen toimitusketjussa eivät toimi.',
    ],
    sv: [
      'Data om ursprung och koldioxidavtryck fås inte från underleverantörerna till batteripasset.',
      'Uppgifterna som batteriförordningen kräver i batteripasset saknas och ingen gemensam datamodell finns.',
      'Spårbarheten och datadelningen i leverantörskedjan fungerar inte.',
    ],
    en: [
      'Origin and carbon footprint data for the battery passport cannot be obtained from suppliers.',
      'The battery passport data the Battery Regulation requires is missing, and there is no common data model.',
      'Traceability and data sharing along the supply chain do not work.',
    ],
  },
  {
    fi: [
      'Osaavia prosessinhoitajia ei ole tarpeeksi, ja koulutus puuttuu.',
      'Henkilöstön koulutus ei vastaa tarvetta; ammatillinen koulutus ei kata alaa.',
      'Osaajapula uhkaa tuotannon käynnistystä.',
    ],
    sv: [
      'Det finns inte tillräckligt med kunniga operatörer och utbildning saknas.',
      'Personalens utbildning motsvarar inte behovet; yrkesutbildningen täcker inte branschen.',
      'Kompetensbristen hotar produktionsstarten.',
    ],
    en: [
      'There are not enough skilled operators and no training exists.',
      'Staff training does not meet the need; vocational education does not cover the field.',
      'A shortage of skilled people threatens the start of production.',
    ],
  },
  {
    fi: [
      'Ympäristölupa ja YVA vievät vuosia, ja valitukset viivästyttävät.',
      'Luvitus on hidasta ja investoijat odottavat ennustettavaa aikataulua.',
      'Lupaprosessi on pullonkaula, eikä tonteilla ole valmista kaavaa.',
    ],
    sv: [
      'Miljötillståndet och MKB tar år och överklaganden försenar.',
      'Tillståndsprocessen är långsam och investerarna väntar på en förutsägbar tidtabell.',
      'Tillståndet är en flaskhals och tomterna saknar färdig detaljplan.',
    ],
    en: [
      'The environmental permit and EIA take years and appeals add delays.',
      'Permitting is slow and investors want a predictable schedule.',
      'The permit is the bottleneck and the plots lack a finished zoning plan.',
    ],
  },
  {
    fi: [
      'Akkujen ikääntymistä ja kuntotilaa (SoH) on vaikea ennustaa BMS-datasta.',
      'Kuntotilan arviointi on hidasta: kapasiteettitesti vie tunteja.',
      'Jäljellä olevaa käyttöikää ei osata arvioida.',
    ],
    sv: [
      'Batteriernas åldrande och hälsotillstånd (SoH) är svåra att förutse från BMS-data.',
      'Att bedöma hälsotillståndet tar tid: ett kapacitetstest tar timmar.',
      'Den återstående livslängden går inte att uppskatta.',
    ],
    en: [
      'Ageing and state of health (SoH) are hard to predict from BMS data.',
      'Estimating the state of health is slow: a capacity test takes hours.',
      'Nobody can estimate the remaining useful life.',
    ],
  },
  {
    fi: [
      'Arvometalleja hukataan sakkaan, ja saanto jää alle 90 %:n.',
      'Saanto jää alle tavoitteen, koska osa metalleista menee jäännökseen.',
      'Häviöt jäännökseen ja sakkaan pienentävät talteenottoa.',
    ],
    sv: [
      'Värdefulla metaller går förlorade i fällningen och utbytet stannar under 90 %.',
      'Utbytet blir lägre än målet eftersom en del metaller hamnar i återstoden.',
      'Förluster till återstod och fällning minskar utvinningen.',
    ],
    en: [
      'Valuable metals are lost to the precipitate and the yield stays under 90 %.',
      'The yield stays below target because part of the metals ends up in the residue.',
      'Losses to residue and precipitate cut the recovery.',
    ],
  },
  {
    fi: [
      'Erotuksen selektiivisyys ei riitä: magnesium ja kalsium kulkevat mukana.',
      'Aineiden erottaminen toisistaan on epätarkkaa, ja vaiheita tarvitaan liikaa.',
      'Selektiivisyys heikkenee, kun liuoksen koostumus vaihtelee.',
    ],
    sv: [
      'Selektiviteten räcker inte: magnesium och kalcium följer med.',
      'Ämnena skiljs inte åt tillräckligt väl och det behövs för många steg.',
      'Selektiviteten försämras när lösningens sammansättning varierar.',
    ],
    en: [
      'Selectivity is not good enough: magnesium and calcium come along.',
      'The separation is not sharp enough and too many stages are needed.',
      'Selectivity drops when the composition of the solution varies.',
    ],
  },
  {
    fi: [
      'Sulfaattipäästöt vesistöön kasvavat, ja natriumsulfaatille ei ole käyttöä.',
      'Purkuvesistön sulfaattikuormitus huolestuttaa viranomaisia.',
      'Natriumsulfaatti on sivutuote, joka johdetaan nyt vesistöön.',
    ],
    sv: [
      'Sulfatutsläppen till vattnet ökar och natriumsulfatet saknar användning.',
      'Sulfatbelastningen i recipienten oroar myndigheterna.',
      'Natriumsulfat är en biprodukt som nu släpps ut i vattnet.',
    ],
    en: [
      'Sulphate discharges to water are growing and the sodium sulphate has no use.',
      'The sulphate load on the receiving water worries the authorities.',
      'Sodium sulphate is a by-product that is now discharged to water.',
    ],
  },
];

// What the writer wants to try.
const APPROACHES: Phrases[] = [
  {
    fi: ['Haluamme kokeilla ioninvaihtoa.', 'Ioninvaihtohartsit voisivat auttaa.'],
    sv: ['Vi vill pröva jonbyte.', 'Jonbytesmassor kunde hjälpa.'],
    en: ['We want to try ion exchange.', 'Ion-exchange resins could help.'],
  },
  {
    fi: ['Haluamme testata kiteytystä ja saostusta.', 'Kiteytyksen ohjaus on avainasia.'],
    sv: ['Vi vill testa kristallisering och fällning.', 'Styrningen av kristalliseringen är nyckeln.'],
    en: ['We want to test crystallisation and precipitation.', 'Controlling the crystallisation is key.'],
  },
  {
    fi: [
      'Tarvitsemme prosessisimulointia ja digitaalisen kaksosen.',
      'Prosessimalli auttaisi optimoinnissa.',
    ],
    sv: [
      'Vi behöver processimulering och en digital tvilling.',
      'En processmodell skulle hjälpa optimeringen.',
    ],
    en: ['We need process simulation and a digital twin.', 'A process model would help the optimisation.'],
  },
  {
    fi: ['Koneoppiminen mittausdatasta voisi ratkaista asian.', 'Haluamme hyödyntää tekoälyä.'],
    sv: ['Maskininlärning på mätdata kunde lösa det.', 'Vi vill använda artificiell intelligens.'],
    en: ['Machine learning on measurement data could solve it.', 'We want to use artificial intelligence.'],
  },
  {
    fi: ['Tarvitsemme antureita ja jatkuvaa mittausta.', 'Varhainen havaitseminen antureilla on tavoite.'],
    sv: ['Vi behöver sensorer och kontinuerlig mätning.', 'Tidig detektion med sensorer är målet.'],
    en: ['We need sensors and continuous measurement.', 'Early detection with sensors is the goal.'],
  },
  {
    fi: ['Robotiikka ja konenäkö voisivat automatisoida työn.', 'Haluamme automatisoida vaiheen roboteilla.'],
    sv: ['Robotik och maskinseende kunde automatisera arbetet.', 'Vi vill automatisera steget med robotar.'],
    en: ['Robotics and machine vision could automate the work.', 'We want to automate the step with robots.'],
  },
  {
    fi: ['Etsimme kumppania pilottikokeisiin.', 'Tarvitsemme pilottimittakaavan koeajoja.'],
    sv: ['Vi söker en partner för pilotförsök.', 'Vi behöver provkörningar i pilotskala.'],
    en: ['We are looking for a partner for pilot trials.', 'We need pilot-scale test runs.'],
  },
  {
    fi: ['Elektrodialyysi voisi tuottaa kemikaalit takaisin.', 'Haluamme kokeilla elektrodialyysiä.'],
    sv: ['Elektrodialys kunde ge tillbaka kemikalierna.', 'Vi vill pröva elektrodialys.'],
    en: ['Electrodialysis could give the chemicals back.', 'We want to try electrodialysis.'],
  },
  {
    fi: ['Kalvosuodatus on yksi vaihtoehto.', 'Haluamme testata kalvotekniikkaa.'],
    sv: ['Membranfiltrering är ett alternativ.', 'Vi vill testa membranteknik.'],
    en: ['Membrane filtration is one option.', 'We want to test membrane technology.'],
  },
  {
    fi: ['Tarvitaan elinkaariarviointi (LCA).', 'Haluamme laskea hiilijalanjäljen.'],
    sv: ['En livscykelanalys (LCA) behövs.', 'Vi vill beräkna koldioxidavtrycket.'],
    en: ['A life cycle assessment (LCA) is needed.', 'We want to calculate the carbon footprint.'],
  },
  {
    fi: ['Tarvitaan koulutusmoduuli yhdessä yritysten kanssa.', 'Haluamme rakentaa harjoitteluympäristön.'],
    sv: ['En utbildningsmodul behövs tillsammans med företagen.', 'Vi vill bygga en träningsmiljö.'],
    en: [
      'A training module is needed, designed with the companies.',
      'We want to build a training environment.',
    ],
  },
  {
    fi: ['Neste-nesteuutto voisi olla ratkaisu.', 'Haluamme vertailla uuttoreagensseja.'],
    sv: ['Vätske-vätskeextraktion kunde vara lösningen.', 'Vi vill jämföra extraktionsmedel.'],
    en: ['Solvent extraction could be the answer.', 'We want to compare extractants.'],
  },
];

const FIGURES = [
  '20 MW',
  '30 MWh',
  '95 %',
  '50 ppm',
  '10 kt/a',
  '4,2 V',
  '300 °C',
  '15 µm',
  '100 mg/l',
  '2 GWh',
];

// Everyday context, unrelated to the problem.
const CONTEXT: Phrases = {
  fi: [
    'Olemme alueen yritys ja työllistämme noin 50 henkilöä.',
    'Hanke voisi alkaa ensi vuonna.',
    'Yhteistyö korkeakoulujen kanssa on meille tärkeää.',
    'Asia on noussut esiin asiakkaiden kanssa käydyissä keskusteluissa.',
    'Rahoitusta voisi hakea Business Finlandilta.',
    'Meillä on laboratorio, mutta ei pilottilaitteistoa.',
    'Tulokset olisivat hyödyksi koko alueelle.',
    'Aikataulu on tiukka, koska investointipäätös tehdään kahden vuoden sisällä.',
    'Olemme keskustelleet aiheesta myös muiden kaupunkien kanssa.',
    'Ota yhteyttä, jos teillä on samanlainen tilanne.',
  ],
  sv: [
    'Vi är ett företag i regionen med ett femtiotal anställda.',
    'Projektet kunde börja nästa år.',
    'Samarbetet med högskolorna är viktigt för oss.',
    'Frågan har kommit upp i diskussioner med kunderna.',
    'Finansiering kunde sökas från Business Finland.',
    'Vi har ett laboratorium men ingen pilotutrustning.',
    'Resultaten skulle gagna hela regionen.',
    'Tidtabellen är stram eftersom investeringsbeslutet fattas inom två år.',
    'Vi har diskuterat saken med andra städer.',
    'Hör av er om ni har en liknande situation.',
  ],
  en: [
    'We are a company in the region with about 50 employees.',
    'The project could start next year.',
    'Working with universities matters to us.',
    'The question came up in discussions with our customers.',
    'Funding could come from Business Finland.',
    'We have a laboratory but no pilot equipment.',
    'The results would benefit the whole region.',
    'The schedule is tight because the investment decision is due within two years.',
    'We have discussed this with other cities too.',
    'Get in touch if you face something similar.',
  ],
};

// The sentence that names the stage and the material, three ways per language.
const TOPIC: Record<SimilarityLanguage, Array<(stage: string, material: string) => string>> = {
  fi: [
    (s, m) => `Haasteemme liittyy vaiheeseen ${s} ja koskee ${m}.`,
    (s, m) => `Kyse on vaiheesta ${s}, erityisesti siitä, miten käsittelemme ${m}.`,
    (s, m) => `Toimintamme keskiössä on ${s}; tässä tapauksessa ${m}.`,
  ],
  sv: [
    (s, m) => `Vår utmaning gäller ${s} och handlar om ${m}.`,
    (s, m) => `Det handlar om ${s}, särskilt hur vi hanterar ${m}.`,
    (s, m) => `Kärnan i vår verksamhet är ${s}; i det här fallet ${m}.`,
  ],
  en: [
    (s, m) => `Our challenge is in ${s} and concerns ${m}.`,
    (s, m) => `This is about ${s}, in particular how we handle ${m}.`,
    (s, m) => `At the heart of our work is ${s}; in this case ${m}.`,
  ],
};
const TITLE: Record<SimilarityLanguage, Array<(issue: string, stage: string) => string>> = {
  fi: [(i, s) => `${i}: ${s}`, (i) => i],
  sv: [(i, s) => `${i} vid ${s}`, (i) => i],
  en: [(i, s) => `${i} in ${s}`, (i) => i],
};

export type GeneratedChallenge = {
  id: string;
  /** The problem it states: challenges with the same problem are paraphrases of each other. */
  problem: number;
  /** What the problem is made of: stage, material, issue, approach (indices). */
  parts: [number, number, number, number];
  language: SimilarityLanguage;
  regionId: string;
  title: string;
  description: string;
};

const LANGUAGES: SimilarityLanguage[] = ['fi', 'fi', 'fi', 'sv', 'en', 'en'];

/** `count` challenges from the fixed seed; ids `bench-c-<n>` in a shuffled order. */
export function generateChallenges(
  count: number,
  regions: readonly string[],
  seed = CHALLENGE_SEED,
): GeneratedChallenge[] {
  const random = seededRandom(seed);
  const out: GeneratedChallenge[] = [];
  for (let problem = 0; out.length < count; problem++) {
    const stageIndex = random.int(STAGES.length);
    const stage = STAGES[stageIndex]!;
    const materialIndex = random.int(MATERIALS.length);
    const material = MATERIALS[materialIndex]!;
    const issueIndex = random.int(ISSUES.length);
    const issue = ISSUES[issueIndex]!;
    const approachIndex = random.int(APPROACHES.length);
    const approach = APPROACHES[approachIndex]!;
    const figure = random.next() < 0.4 ? random.pick(FIGURES) : null;
    // 1–9 writings of the problem, most problems written once or twice.
    let copies = 1;
    while (copies < 9 && random.next() < 0.55) copies++;
    for (let c = 0; c < copies && out.length < count; c++) {
      const lang = random.pick(LANGUAGES);
      const stageText = random.pick(stage[lang]);
      const sentences = [
        random.pick(TOPIC[lang])(stageText, material[lang][0]!),
        random.pick(issue[lang]),
        random.pick(approach[lang]),
      ];
      if (figure && random.next() < 0.7) sentences.push(lang === 'en' ? `Scale: ${figure}.` : `${figure}.`);
      // Shuffle the problem sentences and put one or two sentences of context around them.
      for (let i = sentences.length - 1; i > 0; i--) {
        const j = random.int(i + 1);
        [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
      }
      sentences.splice(random.int(sentences.length + 1), 0, random.pick(CONTEXT[lang]));
      if (random.next() < 0.5) sentences.push(random.pick(CONTEXT[lang]));
      out.push({
        id: '',
        problem,
        parts: [stageIndex, materialIndex, issueIndex, approachIndex],
        language: lang,
        regionId: random.pick(regions),
        title: random.pick(TITLE[lang])(ISSUE_TITLES[issueIndex]![lang], random.pick(stage[lang])),
        description: sentences.join(' '),
      });
    }
  }
  // Arrival order is not problem order.
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  out.forEach((c, i) => {
    c.id = `bench-c-${String(i + 1).padStart(6, '0')}`;
  });
  return out;
}
