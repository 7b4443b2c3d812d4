// teams-needed: the estimator on the command line. Flags come from the assumption table.
// Plain C++ only: no ImGui, GLFW or Emscripten here.
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "brief.h"
#include "chart_model.h"
#include "chart_svg.h"
#include "estimator.h"
#include "presets.h"
#include "scenario.h"
#include "url_codec.h"
#include "working.h"

using namespace teams;

namespace {

std::string FlagName(const AssumptionSpec& spec) {
    std::string flag = std::string("--") + spec.key;
    for (char& c : flag)
        if (c == '_') c = '-';
    return flag;
}

void PrintUsage(std::FILE* out) {
    std::fprintf(out, "Usage: teams-needed [options]\n\n"
                      "How many specialised parent-infant relationship teams an area needs.\n\n"
                      "Assumptions (each defaults to the briefing's value):\n");
    for (const AssumptionSpec& spec : AssumptionTable()) {
        const std::string flag = FlagName(spec) + (spec.can_be_unknown ? " N|unknown" : " N");
        std::fprintf(out, "  %-26s %s (%s; default %s)\n", flag.c_str(), spec.label, RangeText(spec).c_str(),
                     DisplayValue(spec, spec.default_value).c_str());
    }
    std::fprintf(out, "\nRanges (the honest estimate): --KEY-low N and --KEY-high N for any assumption above\n"
                      "(--caseload-low 100 --caseload-high 300), or none to remove one. Published by default:\n");
    for (const AssumptionSpec& spec : AssumptionTable())
        if (spec.has_published_range)
            std::fprintf(out, "  %-26s %s to %s (%s; %s)\n", (FlagName(spec) + "-low/-high").c_str(),
                         FormatRoundTrip(spec.published_low).c_str(), FormatRoundTrip(spec.published_high).c_str(),
                         spec.low_source, spec.high_source);
    std::fprintf(out, "\nOther options:\n"
                      "  --preset ID                start from a published preset (see --list-presets)\n"
                      "  --scenario FILE            start from a scenario JSON file\n"
                      "  --list-presets             list the presets and their sources\n"
                      "  --assumption-table         print the assumptions as a Markdown table\n"
                      "  --print-scenario           print the scenario as JSON instead of the report\n"
                      "  --json                     print {\"scenario\": ..., \"results\": ...}\n"
                      "  --area TEXT, --name TEXT   the area's and the scenario's names (at most 200 characters);\n"
                      "                             another area than the preset's: give its --current-teams\n"
                      "  --svg DIR                  write the pictures as DIR/gap.svg, scale_up.svg and babies.svg\n"
                      "  --brief FILE               write the one-page brief (HTML that prints to one page)\n"
                      "  --site URL                 the calculator's address, for the brief's link and QR code\n"
                      "                             (default: index.html, beside the file)\n"
                      "  --date TEXT                the brief's printed date (default: today)\n"
                      "  --help                     this text\n\n"
                      "Flags override preset and scenario values. \"unknown\" marks a count of teams as not\n"
                      "known. Invalid input exits with status 2.\n");
}

int Fail(const std::string& message) {
    std::fprintf(stderr, "teams-needed: %s\n", message.c_str());
    return 2;
}

void PrintReport(const Scenario& scenario, const Results& r) {
    const Assumptions& a = scenario.assumptions;
    std::printf("%s needs %s specialised parent-infant relationship teams (%s unrounded).\n", scenario.area.c_str(),
                FormatNumber(static_cast<double>(r.teams_needed_whole)).c_str(), FormatNumber(r.teams_needed, 1).c_str());
    if (const std::string range = RangeWords(scenario, r); !range.empty())
        std::printf("Range: %s (%s to %s unrounded).\n", range.c_str(), FormatNumber(r.range.low, 4).c_str(),
                    FormatNumber(r.range.high, 4).c_str());
    std::printf("Scenario: %s\n\nThe working:\n", scenario.name.c_str());
    for (const WorkingStep& step : ShowWorking(scenario, r))
        std::printf("  %s: %s = %s\n      source: %s\n", step.label.c_str(), step.formula.c_str(), step.value.c_str(),
                    step.source.c_str());
    if (!r.current_teams || !r.teams_gap || !r.new_teams_per_year) {
        std::printf("\n%s (--current-teams N); the gap is not known until then.\n", kTeamsTodayNotKnown);
    } else {
        std::printf("\nToday: %s", TeamsTodayText(r).c_str());
        if (r.teams_in_development)
            std::printf(" (+%s in development).", FormatNumber(*r.teams_in_development).c_str());
        else
            std::printf(" (teams in development not known).");
        if (r.scale_factor) std::printf(" Teams needed are %s times today's.", FormatNumber(*r.scale_factor, 2).c_str());
        if (*r.teams_gap > 0) {
            std::printf(" %s more teams: %s new teams a year", FormatNumber(*r.teams_gap, 1).c_str(),
                        FormatNumber(*r.new_teams_per_year, 1).c_str());
            if (r.annual_growth_percent) std::printf(", or %s%% growth a year", FormatNumber(*r.annual_growth_percent, 1).c_str());
            std::printf(" over %s years.\n", FormatNumber(a[Key::years_to_target]).c_str());
        } else {
            std::printf(" That is %s teams more than needed.\n", FormatNumber(-*r.teams_gap, 1).c_str());
        }
    }
    std::printf("\nBreak-even (each assumption alone, the others held):\n");
    bool any = false;
    for (const AssumptionSpec& spec : AssumptionTable())
        if (const std::string words = BreakEvenWords(scenario, r, spec.id); !words.empty()) {
            std::printf("  %s\n", words.c_str());
            any = true;
        }
    if (!any) std::printf("  not known until today's teams are entered (--current-teams N).\n");
    if (!r.sensitivity.empty()) {
        std::printf("\nWhich assumption matters most (teams needed at each end of its range):\n");
        for (const Sensitivity& entry : r.sensitivity) {
            const AssumptionSpec& spec = Spec(entry.key);
            std::printf("  %s: %s at %s, %s at %s\n", spec.label, FormatNumber(entry.teams_at_low, 1).c_str(),
                        DisplayValue(spec, entry.low).c_str(), FormatNumber(entry.teams_at_high, 1).c_str(),
                        DisplayValue(spec, entry.high).c_str());
        }
    }
    std::printf("\nCost and value: %s\n", MoneyWords(scenario, r).c_str());
}

// The README's assumption table, written from the same table as everything else.
void PrintAssumptionTable() {
    std::printf("| key | meaning | unit | default | valid range | step | source |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (const AssumptionSpec& spec : AssumptionTable()) {
        const int decimals = spec.default_value == std::trunc(spec.default_value) ? 0 : spec.decimals;
        std::printf("| `%s` | %s | %s | %s | %s | %s | %s |\n", spec.key, spec.label, spec.unit,
                    FormatNumber(spec.default_value, decimals).c_str(), RangeText(spec).c_str(),
                    FormatRoundTrip(spec.step).c_str(),
                    *spec.source_url ? ("[" + std::string(spec.source) + "](" + spec.source_url + ")").c_str() : spec.source);
    }
}

void PrintPresets() {
    for (const Preset& preset : Presets()) {
        std::printf("%-18s %s\n", preset.id.c_str(), preset.label.c_str());
        std::printf("%-18s %s\n", "", preset.note.c_str());
        for (const ValueSource& source : preset.sources)
            std::printf("%-18s   %s = %s: %s (confidence %s)\n", "", Spec(source.key).key,
                        preset.assumptions.Known(source.key) ? FormatRoundTrip(preset.assumptions[source.key]).c_str()
                                                             : kNotKnown,
                        (source.source + (source.url.empty() ? "" : " <" + source.url + ">")).c_str(),
                        source.confidence.c_str());
    }
}

bool WriteFile(const std::string& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) return false;
    file << text;
    return static_cast<bool>(file.flush());
}

// "1 December 2026", as the brief's readers write dates.
std::string Today() {
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (!localtime_r(&now, &local)) return "";
    return std::to_string(local.tm_mday) + " " + kMonths[local.tm_mon] + " " + std::to_string(local.tm_year + 1900);
}

bool ReadFile(const std::string& path, std::string* text) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream buffer;
    buffer << file.rdbuf();
    *text = buffer.str();
    return true;
}

} // namespace

int main(int argc, char** argv) {
    // Setup: split "--flag=value" and "--flag value" into (flag, value) pairs.
    std::vector<std::string> args(argv + 1, argv + argc);
    struct Option {
        std::string flag, value;
        bool has_value;
    };
    std::vector<Option> options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const std::size_t eq = arg.find('=');
        if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            options.push_back({arg.substr(0, eq), arg.substr(eq + 1), true});
        } else if (arg == "--list-presets" || arg == "--assumption-table" || arg == "--print-scenario" ||
                   arg == "--json" || arg == "--help" || arg == "-h") {
            options.push_back({arg, "", false});
        } else if (arg.rfind("--", 0) == 0) {
            if (i + 1 >= args.size()) return Fail(arg + ": needs a value.");
            options.push_back({arg, args[++i], true});
        } else {
            return Fail("unexpected argument \"" + CleanLabel(arg, 40) + "\"; see --help.");
        }
    }

    // Start from a preset, then a scenario file, then flags.
    Scenario scenario;
    bool json_output = false, print_scenario = false;
    std::string svg_dir, brief_file, site = "index.html", date = Today();
    for (const Option& option : options) {
        if (option.flag == "--help" || option.flag == "-h") {
            PrintUsage(stdout);
            return 0;
        }
        if (option.flag == "--list-presets") {
            PrintPresets();
            return 0;
        }
        if (option.flag == "--assumption-table") {
            PrintAssumptionTable();
            return 0;
        }
        if (option.flag == "--json") json_output = true;
        if (option.flag == "--print-scenario") print_scenario = true;
        if (option.flag == "--preset") {
            const Preset* preset = FindPreset(option.value);
            if (!preset)
                return Fail("--preset: \"" + CleanLabel(option.value, 40) + "\" is not a preset; see --list-presets.");
            scenario = ScenarioFromPreset(*preset);
        }
    }
    for (const Option& option : options) {
        if (option.flag != "--scenario") continue;
        std::string text;
        if (!ReadFile(option.value, &text))
            return Fail("--scenario: cannot read \"" + CleanLabel(option.value, 200) + "\".");
        const LoadResult loaded = ScenarioFromJson(text, scenario);
        if (!loaded.problems.empty())
            return Fail("--scenario " + option.value + ": " + loaded.problems.front().message);
        scenario = loaded.scenario;
    }
    struct RangeFlag {
        const AssumptionSpec* spec;
        RangeEnd end;
        std::string flag;
        double value;
        bool none;
    };
    std::vector<RangeFlag> range_flags;
    const Scenario before_flags = scenario;
    GivenKeys given;
    for (const Option& option : options) {
        if (!option.has_value || option.flag == "--preset" || option.flag == "--scenario") continue;
        if (option.flag == "--svg" || option.flag == "--brief" || option.flag == "--site" || option.flag == "--date") {
            if (option.value.empty()) return Fail(option.flag + ": needs a value.");
            (option.flag == "--svg"     ? svg_dir
             : option.flag == "--brief" ? brief_file
             : option.flag == "--site"  ? site
                                        : date) = option.value;
            continue;
        }
        if (option.flag == "--area" || option.flag == "--name") {
            const std::string cleaned = CleanLabel(option.value);
            if (cleaned.empty())
                return Fail(option.flag + ": needs text of 1 to " + std::to_string(kMaxTextLength) + " characters.");
            (option.flag == "--area" ? scenario.area : scenario.name) = cleaned;
            given.name |= option.flag == "--name";
            continue;
        }
        const AssumptionSpec* spec = nullptr;
        for (const AssumptionSpec& candidate : AssumptionTable())
            if (FlagName(candidate) == option.flag) spec = &candidate;
        if (!spec) {
            // --<key>-low / --<key>-high: checked once every value is known.
            for (const AssumptionSpec& candidate : AssumptionTable())
                for (const RangeEnd end : {RangeEnd::low, RangeEnd::high})
                    if (FlagName(candidate) + (end == RangeEnd::low ? "-low" : "-high") == option.flag) {
                        double value = 0;
                        const bool none = option.value == "none";
                        if (!none && !ParseNumber(option.value, &value))
                            return Fail(option.flag + ": \"" + CleanLabel(option.value, 40) +
                                        "\" is not a plain number or none; valid range " + RangeText(candidate) + ".");
                        range_flags.push_back({&candidate, end, option.flag, value, none});
                        spec = &candidate;
                    }
            if (spec) continue;
            return Fail(CleanLabel(option.flag, 40) + ": unknown option; see --help.");
        }
        given.current_teams |= spec->id == Key::current_teams;
        given.teams_in_development |= spec->id == Key::teams_in_development;
        if (spec->can_be_unknown && option.value == kUnknownLinkValue) {
            SetUnknown(scenario.assumptions, spec->id);
            continue;
        }
        double value = 0;
        if (!ParseNumber(option.value, &value))
            return Fail(option.flag + ": \"" + CleanLabel(option.value, 40) + "\" is not a plain number" +
                        (spec->can_be_unknown ? " or \"unknown\"" : "") + "; valid range " + RangeText(*spec) + ".");
        const std::string problem = CheckValue(*spec, value);
        if (!problem.empty()) return Fail(option.flag + ": " + problem.substr(problem.find(':') + 2));
        std::vector<Problem> problems;
        ApplyValue(scenario.assumptions, spec->id, value, &problems);
        if (!problems.empty())
            return Fail(option.flag + ": " + problems.front().message.substr(problems.front().message.find(':') + 2));
    }

    // Ranges: each end must be valid as given, and the low not above the high.
    for (const RangeFlag& range : range_flags) {
        if (range.none) {
            scenario.ranges[range.spec->id].reset();
            continue;
        }
        const std::string problem = CheckValue(*range.spec, range.value);
        if (!problem.empty()) return Fail(range.flag + ": " + problem.substr(problem.find(':') + 2));
        if (range.spec->whole_number && range.value != std::round(range.value))
            return Fail(range.flag + ": " + FormatRoundTrip(range.value) + " must be a whole number (" +
                        RangeText(*range.spec) + ").");
    }
    for (const AssumptionSpec& spec : AssumptionTable()) {
        std::optional<double> ends[2];
        std::string flags[2] = {FlagName(spec) + "-low", FlagName(spec) + "-high"};
        for (const RangeFlag& range : range_flags)
            if (range.spec == &spec && !range.none) ends[range.end == RangeEnd::low ? 0 : 1] = range.value;
        if (!ends[0] && !ends[1]) continue;
        const ValueRange now = scenario.ranges[spec.id].value_or(ValueRange{scenario.assumptions[spec.id], scenario.assumptions[spec.id]});
        const double low = ends[0].value_or(now.low), high = ends[1].value_or(now.high);
        if (low > high)
            return Fail(flags[0] + ": " + FormatRoundTrip(low) + " is above " + flags[1] + " " + FormatRoundTrip(high) +
                        "; the low must not be above the high (valid range " + RangeText(spec) + ").");
        scenario.ranges[spec.id] = ValueRange{low, high};
    }
    // Births of another area without its counts: the preset's counts are not that area's.
    KeepAreaFiguresApart(scenario, before_flags, given);

    // Output.
    const Results results = Estimate(scenario.assumptions, scenario.ranges);
    if (!svg_dir.empty()) {
        std::error_code error;
        std::filesystem::create_directories(svg_dir, error);
        SvgOptions svg;
        svg.subject = scenario.area;
        for (const Chart& chart : AllCharts(scenario, results, 400, ApproximateLayout())) {
            const std::string path = (std::filesystem::path(svg_dir) / (chart.id + ".svg")).string();
            if (!WriteFile(path, ChartSvg(chart, svg)))
                return Fail("--svg: cannot write \"" + CleanLabel(path, 200) + "\".");
        }
    }
    if (!brief_file.empty()) {
        const std::string query = ScenarioToQuery(scenario);
        const BriefInput brief{scenario, results, site + (query.empty() ? "" : "?" + query), CleanLabel(date, 60)};
        if (!WriteFile(brief_file, BriefPage(brief)))
            return Fail("--brief: cannot write \"" + CleanLabel(brief_file, 200) + "\".");
    }
    if (!svg_dir.empty() || !brief_file.empty()) {
        if (print_scenario || json_output)
            std::printf("%s\n", (print_scenario ? ScenarioToJson(scenario) : ReportJson(scenario, results)).c_str());
    } else if (print_scenario) {
        std::printf("%s\n", ScenarioToJson(scenario).c_str());
    } else if (json_output) {
        std::printf("%s\n", ReportJson(scenario, results).c_str());
    } else {
        PrintReport(scenario, results);
    }
    return 0;
}
