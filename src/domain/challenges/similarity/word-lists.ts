/**
 * Word lists of challenge similarity: function words and research-speak that every challenge
 * uses ("we are looking for partners", "haluamme selvittää", "vi söker"), which say nothing
 * about which problem a challenge is about. Only same-language word overlap uses them.
 */
import type { TagLanguage } from '../../taxonomy/tagging.ts';

export const STOPWORDS: Record<TagLanguage, readonly string[]> = {
  fi: (
    'ja sekä tai eli että kun jos jotta vaan mutta myös vain jo vielä nyt sitten siis kuin niin ' +
    'on ovat oli olivat ole ollut olla olisi ei eivät emme en et eikä ' +
    'se ne sen niiden sitä niitä siitä niistä siihen niihin sillä niillä siinä niissä tämä nämä tämän näiden tätä näitä tästä tähän tässä ' +
    'joka jotka jonka joiden jota joita jossa joissa josta joista johon joihin jolla joilla mikä mitkä mitä miten missä mistä mihin kuka ' +
    'me te he hän minä sinä meidän teidän heidän hänen meille meitä heitä meillä ' +
    'kanssa mukaan ennen jälkeen aikana kautta avulla vuoksi takia välillä lisäksi ilman kohden yli alle noin ' +
    'eri muut muiden muita muissa kaikki kaikkien koko kuten esim esimerkiksi mm ym jne ' +
    'voi voida voisi voidaan voivat pitää täytyy tulee tulisi saada saadaan saa ' +
    'nykyään nykyisin nykyinen nykyiset nykyisten tällä hetkellä aina usein jopa vain yhä'
  ).split(' '),
  sv: (
    'och eller men att som om när då så än för av med på i till från vid under över efter före mellan genom utan mot om ' +
    'är var vara varit blir blev bli har hade haft kan kunde ska skulle vill måste får behöver ' +
    'det den de dem denna detta dessa deras dess sin sitt sina vi ni han hon vår vårt våra oss er ' +
    'en ett inte också även bara redan nu sedan då hur vad vilka vilken vilket där här ' +
    'alla andra annan annat många mycket mer mest fler flera några något någon inga ingen ' +
    'tex t.ex exempel exempelvis bl.a idag dag dagens'
  ).split(' '),
  en: (
    'the a an and or but if when then than so as at by for from in into of on onto to with without within ' +
    'is are was were be been being has have had do does did can could will would shall should may might must ' +
    'it its this that these those they them their there here we our us you your he she his her ' +
    'not no also only just already now still even more most many much some any all each other others such ' +
    'which who whom whose what where how why up down out over under between through about after before per ' +
    'eg e.g ie i.e etc today'
  ).split(' '),
};

/** Research-speak: said in every challenge, so shared it is no evidence of the same problem. */
export const GENERIC_WORDS: Record<TagLanguage, readonly string[]> = {
  fi: (
    'akku akut akkujen akkuja akuissa akkuihin akkuala akkualan ' +
    'haluamme haluaa halutaan tarvitsemme tarvitaan tarvitsevat tarvitsee etsimme etsitään haemme ' +
    'kehitämme kehittää kehittäminen kehitys tutkimme tutkia tutkimus tutkimuksen selvittää selvitämme selvitys ' +
    'yhteistyö yhteistyössä kumppani kumppaneita kumppanin kumppania yritys yritykset yritysten yrityksiltä ' +
    'alue alueella alueen hanke hankkeen projekti menetelmä menetelmiä menetelmää ratkaisu ratkaisuja ' +
    'uusi uusien uusia uuden tavoite tavoitteena mahdollinen mahdollista kysymys kysymyksiä ongelma haaste ' +
    'suomi suomessa suomen euroopassa eu kiinnostaa avoimia tieto tietoa käyttää käyttö hyvin paljon suuri suuria ' +
    'vaihe vaiheessa vaiheeseen koskee koskea liittyy liittyä toiminta toimintamme erityisesti kyse kyseessä ' +
    'käsitellä käsittelemme keskiössä tapaus tapauksessa asia asiaa olemme ovat tilanne tilanteessa'
  ).split(' '),
  sv: (
    'batteri batterier batterierna batteriernas batteriet ' +
    'vill söker behöver utveckla utvecklar undersöka undersöker utreda forskning forskningspartner ' +
    'samarbete samarbeta partner partners företag företagen region regionen projekt projektet ' +
    'metod metoder lösning lösningar ny nya nytt mål möjlig möjligt fråga frågor problem utmaning ' +
    'finland europa eu stor stora gäller handlar handla särskilt hanterar hantera kärnan verksamhet ' +
    'verksamheten fallet fall fråga'
  ).split(' '),
  en: (
    'battery batteries want wants need needs needed looking look seek seeking develop developing development ' +
    'study studies research researching investigate evaluate help partner partners company companies ' +
    'region project projects method methods solution solutions new current currently goal aim possible ' +
    'question questions problem challenge finland finnish europe eu large big would like welcome ' +
    'concerns concern particular handle heart case work works working'
  ).split(' '),
};

/** Acronyms that name no problem: programmes, currencies, company forms, places. */
export const STOP_ACRONYMS: ReadonlySet<string> = new Set(
  'trl eu rdi tki fou ceo eur usd oy ab ltd oyj ry erdf eakr jtf ipcei kip gtk vtt lut jyu uef amk ntm ely ev bev uk us usa'.split(
    ' ',
  ),
);
