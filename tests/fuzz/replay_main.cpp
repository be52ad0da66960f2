// The standalone replay driver of a libFuzzer target: runs every file named on the command line,
// or found (recursively, in sorted order) in a directory named there, through
// LLVMFuzzerTestOneInput once. It lets the normal (g++) build replay the seed corpus as a test,
// without clang or libFuzzer. Exits non-zero when it finds no input at all, so that a wrong
// path cannot pass silently; a crash of the target is the test's failure.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputsOf(const fs::path &argument)
{
    std::vector<fs::path> inputs;
    std::error_code error;
    if (fs::is_directory(argument, error)) {
        for (const auto &entry : fs::recursive_directory_iterator(argument, error)) {
            if (entry.is_regular_file())
                inputs.push_back(entry.path());
        }
        std::sort(inputs.begin(), inputs.end());
    } else if (fs::is_regular_file(argument, error)) {
        inputs.push_back(argument);
    }
    return inputs;
}

bool replay(const fs::path &input)
{
    std::ifstream file(input, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "replay: cannot read %s\n", input.c_str());
        return false;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(file),
                                  std::istreambuf_iterator<char>()};
    std::printf("replay: %s (%zu bytes)\n", input.c_str(), bytes.size());
    std::fflush(stdout);
    // A copy of exactly the input's size, so that AddressSanitizer sees any read past its end.
    std::vector<uint8_t> data(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE_OR_DIRECTORY...\n", argv[0]);
        return 2;
    }
    std::size_t replayed = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        const auto inputs = inputsOf(argv[i]);
        if (inputs.empty()) {
            std::fprintf(stderr, "replay: no input in %s\n", argv[i]);
            ok = false;
        }
        for (const auto &input : inputs) {
            ok = replay(input) && ok;
            ++replayed;
        }
    }
    std::printf("replay: %zu inputs replayed\n", replayed);
    return ok ? 0 : 1;
}
