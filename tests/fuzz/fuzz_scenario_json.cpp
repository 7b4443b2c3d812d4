// libFuzzer target: any bytes as a scenario JSON file.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    teams::fuzz::CheckScenarioInput(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
