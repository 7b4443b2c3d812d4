// Replays every saved fuzzing input (tests/data/fuzz/) and every test input through the fuzz checks.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_files.h"

#include "../tests/fuzz/fuzz_checks.h"

namespace {

int ReplayDirectory(const char* dir, void (*check)(std::string_view)) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().filename().string()[0] == '.') continue;
        CAPTURE(entry.path().string());
        check(ReadAll(entry.path())); // aborts on a broken rule
        ++count;
    }
    return count;
}

} // namespace

TEST_SUITE("fuzz_regressions") {
    TEST_CASE("saved fuzzing inputs and test files pass the fuzz checks") {
        int count = ReplayDirectory(TEAMS_TEST_DATA_DIR "/fuzz/scenario", teams::fuzz::CheckScenarioInput);
        count += ReplayDirectory(TEAMS_TEST_DATA_DIR "/fuzz/query", teams::fuzz::CheckQueryInput);
        count += ReplayDirectory(TEAMS_TEST_DATA_DIR "/scenarios", teams::fuzz::CheckScenarioInput);
        CHECK(count >= 30);
    }
}
