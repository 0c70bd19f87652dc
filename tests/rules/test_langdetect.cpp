// The text language detector (rules/language/detect.h): sure and right on real-looking prose in
// Finnish, Swedish and English; "unsure" on short, mixed and unknown-language texts, and never a
// wrong Finnish, Swedish or English on other languages.
#include <doctest/doctest.h>

#include <string>

#include "rules/language/detect.h"

namespace saavu {
namespace {

using langdetect::detect;

// Public-service prose of the kind saavu scans (Kela-, Skatteverket- and GOV.UK-style pages).
const char* const kFinnish =
    "Sairauspäiväraha korvaa ansionmenetystä, kun olet kykenemätön tekemään omaa työtäsi "
    "sairauden vuoksi. Voit saada sairauspäivärahaa, jos olet 16–67-vuotias ja asut Suomessa. "
    "Hakemus on tehtävä kahden kuukauden kuluessa siitä, kun työkyvyttömyys alkoi. Liitä "
    "hakemukseen lääkärintodistus, jos sitä ei ole jo toimitettu Kelaan. Saat päätöksen "
    "kirjeenä tai OmaKelaan, kun hakemuksesi on käsitelty.";
const char* const kSwedish =
    "Sjukdagpenning ersätter inkomstbortfall när du inte kan arbeta på grund av sjukdom. Du "
    "kan få sjukdagpenning om du är mellan 16 och 67 år och bor i Finland. Ansökan ska göras "
    "inom två månader från det att arbetsoförmågan började. Bifoga ett läkarintyg till "
    "ansökan om det inte redan har skickats till FPA. Du får beslutet som brev eller i "
    "OmaFPA när din ansökan har behandlats.";
const char* const kEnglish =
    "Sickness allowance compensates for loss of income when you are unable to work because "
    "of an illness. You can get sickness allowance if you are between 16 and 67 years old and "
    "live in Finland. You must apply within two months of the date on which your incapacity "
    "for work began. Attach a medical certificate to the application if it has not already "
    "been sent to us. You will get the decision by post or in the online service.";

TEST_CASE("langdetect: Finnish service text is Finnish") {
  const auto d = detect(kFinnish);
  CHECK(d.language == "fi");
  CHECK(d.confidence > 0.3);
  CHECK(d.reason.empty());
}

TEST_CASE("langdetect: Swedish service text is Swedish") {
  const auto d = detect(kSwedish);
  CHECK(d.language == "sv");
  CHECK(d.confidence > 0.3);
}

TEST_CASE("langdetect: English service text is English") {
  const auto d = detect(kEnglish);
  CHECK(d.language == "en");
  CHECK(d.confidence > 0.3);
}

TEST_CASE("langdetect: more Finnish, Swedish and English prose") {
  CHECK(detect("Hakemuksen käsittely kestää yleensä noin kolme viikkoa. Jos hakemuksesta "
               "puuttuu tietoja, pyydämme sinulta lisäselvitystä kirjeellä. Voit seurata "
               "hakemuksesi käsittelyä asiointipalvelussa, ja näet sieltä myös, mitä liitteitä "
               "olet jo lähettänyt.")
            .language == "fi");
  CHECK(detect("Om du inte är nöjd med beslutet kan du begära omprövning. Begäran ska "
               "lämnas skriftligen inom 30 dagar från att du fick del av beslutet. Skriv "
               "vilket beslut det gäller och varför du anser att det är fel.")
            .language == "sv");
  CHECK(detect("If you disagree with the decision, you can ask for it to be reconsidered. "
               "Your request must be made in writing within 30 days of receiving the "
               "decision. Say which decision it is about and why you think it is wrong.")
            .language == "en");
}

TEST_CASE("langdetect: upper case, punctuation and markup-free whitespace do not matter") {
  CHECK(detect("SAIRAUSPÄIVÄRAHA KORVAA ANSIONMENETYSTÄ, KUN OLET KYKENEMÄTÖN TEKEMÄÄN OMAA "
               "TYÖTÄSI SAIRAUDEN VUOKSI. VOIT SAADA SAIRAUSPÄIVÄRAHAA, JOS OLET 16–67-VUOTIAS "
               "JA ASUT SUOMESSA.")
            .language == "fi");
  CHECK(detect("\n\t  Du kan få sjukdagpenning om du är mellan 16 och 67 år\n\n och bor i "
               "Finland – men   inte om du redan får annan ersättning för samma tid.  ")
            .language == "sv");
}

TEST_CASE("langdetect: very short texts are unsure") {
  for (const char* text : {"Sairauspäiväraha", "Hakemus", "Lue lisää", "Läs mer", "Read more",
                           "Hakemus ja liitteet", "Ansökan om sjukdagpenning",
                           "Apply for sickness allowance", "Paul put dire comment on tape", ""}) {
    CAPTURE(text);
    const auto d = detect(text);
    CHECK_FALSE(d.sure());
    CHECK(d.confidence == 0);
    CHECK(d.reason.rfind("too little text", 0) == 0);
  }
}

TEST_CASE("langdetect: a repeated short phrase is still too little text") {
  // The ACT rules' example that is both English and French, as a page title and a paragraph.
  const auto d = detect("Paul put dire comment on tape Paul put dire comment on tape");
  CHECK_FALSE(d.sure());
}

TEST_CASE("langdetect: a text mixing two languages evenly is unsure") {
  const std::string fiEn =
      "Voit hakea sairauspäivärahaa verkossa, ja saat päätöksen kirjeenä kotiin. "
      "You can apply for sickness allowance online, and you will get the decision by post.";
  CHECK_FALSE(detect(fiEn).sure());
  const std::string svFi =
      "Du kan ansöka om sjukdagpenning på nätet och du får beslutet som brev. "
      "Voit hakea sairauspäivärahaa verkossa, ja saat päätöksen kirjeenä kotiin, kun se on valmis.";
  CHECK_FALSE(detect(svFi).sure());
  const std::string enSv =
      "You can apply for sickness allowance online and you will get the decision by post. "
      "Du kan ansöka om sjukdagpenning på nätet och du får beslutet som brev när det är klart.";
  CHECK_FALSE(detect(enSv).sure());
}

TEST_CASE("langdetect: a text that is mostly one language with a quoted phrase is that language") {
  const auto d = detect(
      "The Finnish word sisu has no exact equivalent in English. It describes the strength "
      "of will and determination to keep going when things are hard, and many people in "
      "Finland see it as part of who they are.");
  CHECK(d.language == "en");
}

TEST_CASE("langdetect: other languages are never taken for Finnish, Swedish or English") {
  struct Case {
    const char* language;
    const char* text;
  };
  const Case cases[] = {
      {"de",
       "Das Krankengeld ersetzt den Verdienstausfall, wenn Sie wegen einer Krankheit nicht "
       "arbeiten können. Der Antrag muss innerhalb von zwei Monaten gestellt werden, nachdem "
       "die Arbeitsunfähigkeit begonnen hat."},
      {"nl",
       "De ziektewetuitkering vervangt het inkomen dat u misloopt wanneer u door ziekte niet "
       "kunt werken. U moet de aanvraag binnen twee maanden indienen nadat uw "
       "arbeidsongeschiktheid is begonnen."},
      {"fr",
       "L'indemnité journalière remplace le revenu perdu lorsque vous ne pouvez pas travailler "
       "à cause d'une maladie. La demande doit être faite dans les deux mois qui suivent le "
       "début de votre incapacité de travail."},
      {"es",
       "El subsidio por enfermedad sustituye los ingresos que pierde cuando no puede trabajar "
       "a causa de una enfermedad. La solicitud debe presentarse en un plazo de dos meses "
       "desde que comenzó la incapacidad laboral."},
      {"et",
       "Haigushüvitis asendab sissetulekut, kui te ei saa haiguse tõttu töötada. Taotlus "
       "tuleb esitada kahe kuu jooksul pärast töövõimetuse algust ning sellele tuleb lisada "
       "arstitõend, kui seda ei ole juba saadetud."},
      {"is",
       "Sjúkradagpeningar bæta tekjutap þegar þú getur ekki unnið vegna veikinda. Umsókn "
       "þarf að berast innan tveggja mánaða frá því að óvinnufærni hófst og henni skal fylgja "
       "læknisvottorð ef það hefur ekki þegar verið sent."},
      {"pl",
       "Zasiłek chorobowy zastępuje utracone dochody, gdy z powodu choroby nie możesz "
       "pracować. Wniosek należy złożyć w ciągu dwóch miesięcy od dnia, w którym rozpoczęła "
       "się niezdolność do pracy."},
      {"se",
       "Buohccibeaieruhtta buhtte dietnasa masseheami go it sáhte bargat dávdda dihte. "
       "Ohcamuš galgá dahkkojuvvot guovtti mánu siste das go bargonávccaheapmi álggii, ja "
       "dasa galgá laktit doaktára duođaštusa."},
      {"ru",
       "Пособие по болезни возмещает потерю дохода, когда вы не можете работать из-за "
       "болезни. Заявление нужно подать в течение двух месяцев после начала "
       "нетрудоспособности."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.language);
    const auto d = detect(c.text);
    CHECK(d.language != "fi");
    CHECK(d.language != "sv");
    CHECK(d.language != "en");
  }
}

TEST_CASE("langdetect: known languages other than fi, sv and en are recognised") {
  CHECK(detect("Das Krankengeld ersetzt den Verdienstausfall, wenn Sie wegen einer Krankheit "
               "nicht arbeiten können. Der Antrag muss innerhalb von zwei Monaten gestellt "
               "werden, nachdem die Arbeitsunfähigkeit begonnen hat.")
            .language == "de");
  CHECK(detect("De ziektewetuitkering vervangt het inkomen dat u misloopt wanneer u door "
               "ziekte niet kunt werken. U moet de aanvraag binnen twee maanden indienen nadat "
               "uw arbeidsongeschiktheid is begonnen.")
            .language == "nl");
}

TEST_CASE("langdetect: a text in another script is flagged as such") {
  const auto d = detect(
      "Пособие по болезни возмещает потерю дохода, когда вы не можете работать из-за "
      "болезни. Заявление нужно подать в течение двух месяцев.");
  CHECK_FALSE(d.sure());
  CHECK(d.nonLatinScript);
  CHECK_FALSE(detect(kFinnish).nonLatinScript);
}

TEST_CASE("langdetect: words without function words (a list of names) are unsure") {
  CHECK_FALSE(detect("Sairauspäiväraha Kuntoutusraha Vammaistuki Asumistuki Opintotuki "
                     "Työttömyysturva Lapsilisä Eläkkeet Toimeentulotuki Perhevapaat")
                  .sure());
}

TEST_CASE("langdetect: invalid UTF-8 is skipped, not trusted") {
  std::string text = kSwedish;
  text.insert(10, "\xff\xfe\xc3");
  CHECK(detect(text).language == "sv");
}

TEST_CASE("langdetect: knows, matches and names") {
  CHECK(langdetect::knows("fi"));
  CHECK(langdetect::knows("SV"));
  CHECK(langdetect::knows("en"));
  CHECK(langdetect::knows("nb"));
  CHECK(langdetect::knows("nn"));
  CHECK_FALSE(langdetect::knows("et"));
  CHECK_FALSE(langdetect::knows("se"));
  CHECK_FALSE(langdetect::knows(""));
  CHECK(langdetect::matches("fi", "FI"));
  CHECK_FALSE(langdetect::matches("no", "nb"));
  CHECK_FALSE(langdetect::matches("", ""));
  CHECK(langdetect::isNorwegianVariant("NB"));
  CHECK(langdetect::languageName("fi") == "Finnish");
  CHECK(langdetect::languageName("sv") == "Swedish");
  CHECK(langdetect::languageName("no") == "Norwegian");
  CHECK(langdetect::languageName("xx") == "xx");
  CHECK(langdetect::knownLanguages().size() == 13);
}

}  // namespace
}  // namespace saavu
