// The summary card's words and colours: the question, the answer against today, at most three key
// assumptions with their sources, and every text colour at 4.5:1 on the card.
#include <doctest/doctest.h>

#include "card.h"
#include "presets.h"
#include "url_codec.h"

#include <string>

using namespace teams;
using doctest::Approx;

namespace {

Card CardFor(const char* query) {
    const Scenario s = ScenarioFromQuery(query, Scenario{}).scenario;
    return MakeCard(s, Estimate(s.assumptions, s.ranges));
}

// Every word the card prints, joined.
std::string AllText(const Card& card) {
    std::string text = card.question_before + card.area + card.question_after + "\n" + card.answer + "\n" + card.against +
                       "\n" + card.today_label + "\n" + card.needed_label + "\n" + card.source;
    for (const CardKeyAssumption& a : card.key_assumptions) text += "\n" + a.label + ": " + a.value;
    return text;
}

} // namespace

TEST_SUITE("card") {
    TEST_CASE("the briefing's card: England's question, 398 teams against 45 today, three assumptions") {
        const Card card = CardFor("");
        CHECK(card.question_before + card.area + card.question_after ==
              "How many parent-infant relationship teams does England need?");
        CHECK(card.answer == "398 teams");
        CHECK(card.against == "against 45 teams today: 353 more needed");
        REQUIRE(card.today);
        CHECK(*card.today == 45);
        CHECK(card.developing == 14);
        CHECK(card.needed == Approx(397.2987).epsilon(1e-6));
        CHECK(card.today_label == "Today: 45 teams (+14 in development)");
        CHECK(card.needed_label == "Needed: 398 teams");
        REQUIRE(card.key_assumptions.size() == 3);
        CHECK(card.key_assumptions[0].value == "595,948");
        CHECK(card.key_assumptions[1].value == "15%");
        CHECK(card.key_assumptions[2].value == "150");
        CHECK(card.source.find("Method: Parent-Infant Foundation briefing (2023).") == 0);
        CHECK(card.source.find("ONS births 2021") != std::string::npos);
        CHECK(card.source.find("van IJzendoorn et al. 1999") != std::string::npos);
    }

    TEST_CASE("a Leeds link: 6 teams against 1 team today, and no England figure or word") {
        const Card card = CardFor("area=Leeds&births=8617&current_teams=1");
        CHECK(card.area == "Leeds");
        CHECK(card.answer == "6 teams");
        CHECK(card.against == "against 1 team today: 5 more needed");
        CHECK(card.today_label == "Today: 1 team");
        CHECK(card.developing == 0);
        CHECK(card.needed_label == "Needed: 6 teams");
        CHECK(*card.today < card.needed);
        REQUIRE(card.key_assumptions.size() == 3);
        CHECK(card.key_assumptions[0].value == "8,617");
        const std::string text = AllText(card);
        CHECK(text.find("England") == std::string::npos);
        CHECK(text.find("+14") == std::string::npos);
        CHECK(text.find("your own") != std::string::npos);
    }

    TEST_CASE("a preset without a published count: teams today not known, no bar for today") {
        const Card card = CardFor("preset=wales");
        CHECK_FALSE(card.today);
        CHECK(card.developing == 0);
        CHECK(card.against == "teams today not known");
        CHECK(card.today_label == "Today: not known");
        CHECK(AllText(card).find("0 teams today") == std::string::npos);
    }

    TEST_CASE("more teams than needed: enough, and the Today bar really is longer") {
        const Card card = CardFor("area=Leeds&births=8617&current_teams=10");
        CHECK(card.against == "against 10 teams today: enough for the need");
        CHECK(*card.today > card.needed);
    }

    TEST_CASE("the assumptions changed come first, at most three in all") {
        SUBCASE("one changed") {
            const Card card = CardFor("access=50");
            REQUIRE(card.key_assumptions.size() == 3);
            CHECK(card.key_assumptions[1].label == std::string(Spec(Key::access).label));
            CHECK(card.key_assumptions[1].value == "50%");
            CHECK(card.key_assumptions[2].value == "15%");
        }
        SUBCASE("four changed: births and the first two") {
            const Card card = CardFor("births=10000&cohort_years=3&local_risk=2&caseload=100");
            REQUIRE(card.key_assumptions.size() == 3);
            CHECK(card.key_assumptions[0].value == "10,000");
            CHECK(card.key_assumptions[1].label == std::string(Spec(Key::cohort_years).label));
            CHECK(card.key_assumptions[2].label == std::string(Spec(Key::local_risk).label));
        }
        SUBCASE("the pace and the money are never key") {
            const Card card = CardFor("years_to_target=10&cost_per_baby=3000");
            CHECK(card.key_assumptions[1].value == "15%");
            CHECK(card.key_assumptions[2].value == "150");
        }
    }

    TEST_CASE("a scenario pinned as A: its name and answer, else nothing") {
        CHECK(CardFor("").compared.empty());
        const Scenario a = ScenarioFromQuery("preset=wales&prevalence=10&name=Wales+at+10%25", Scenario{}).scenario;
        const Results ra = Estimate(a.assumptions, a.ranges);
        const Scenario b = ScenarioFromQuery("preset=wales", Scenario{}).scenario;
        const Card card = MakeCard(b, Estimate(b.assumptions, b.ranges), &a, &ra);
        CHECK(card.compared == "Compared with A, Wales at 10%: 12 teams");
    }

    TEST_CASE("the share words and the card's JSON: the answer, the reach, the range and scenario A's answer") {
        const Scenario s = ScenarioFromQuery("", Scenario{}).scenario;
        const Results r = Estimate(s.assumptions, s.ranges);
        const ShareWords words = MakeShareWords(s, r);
        CHECK(words.headline == "England needs");
        CHECK(words.number == "398");
        CHECK(words.detail.rfind("specialised parent-infant relationship teams, to reach 59,595 babies a year (5.0% of babies", 0) == 0);
        CHECK(words.detail.find(". A (") == std::string::npos);
        const Scenario a = ScenarioFromQuery("preset=wales&prevalence=10&name=Wales+at+10%25", Scenario{}).scenario;
        const Results ra = Estimate(a.assumptions, a.ranges);
        CHECK(MakeShareWords(s, r, &a, &ra).detail.find(". A (Wales at 10%): 12 teams") != std::string::npos);
        const std::string json = CardJson(s, r, &a, &ra, "preset=briefing&pin=preset%3Dwales");
        CHECK(json.rfind("{\"headline\":\"England needs\",\"number\":\"398\",", 0) == 0);
        CHECK(json.find("\"answer\":\"398 teams\"") != std::string::npos);
        CHECK(json.find("\"compared\":\"Compared with A, Wales at 10%: 12 teams\"") != std::string::npos);
        CHECK(json.find("\"query\":\"preset=briefing&pin=preset%3Dwales\"") != std::string::npos);
        CHECK(json.find("\"background\":\"#fafaf7\"") != std::string::npos);
    }

    TEST_CASE("an empty area asks about your area") {
        Scenario s;
        s.area = "";
        const Card card = MakeCard(s, Estimate(s.assumptions, s.ranges));
        CHECK(card.area == "your area");
    }

    TEST_CASE("contrast ratio: WCAG's formula, and every text colour at 4.5:1 on the card") {
        CHECK(ContrastRatio("#000000", "#ffffff") == Approx(21).epsilon(1e-9));
        CHECK(ContrastRatio("#ffffff", "#ffffff") == Approx(1).epsilon(1e-9));
        CHECK(ContrastRatio("#767676", "#ffffff") == Approx(4.54).epsilon(0.01));
        CHECK(ContrastRatio("#d66c12", "#fafaf7") == Approx(3.34).epsilon(0.01)); // the old card's orange text
        CHECK(ContrastRatio("nonsense", "#ffffff") == 1);
        CHECK(ContrastRatio("#gg0000", "#ffffff") == 1);
        const CardPalette& p = CardColours();
        for (const char* text : {p.text, p.muted, p.answer, p.gap}) {
            CAPTURE(text);
            CHECK(ContrastRatio(text, p.background) >= 4.5);
        }
        // The bars against the card (non-text, 3:1): the track may be pale, the bars may not.
        for (const char* bar : {p.today_bar, p.needed_bar}) {
            CAPTURE(bar);
            CHECK(ContrastRatio(bar, p.background) >= 3);
        }
    }
}
