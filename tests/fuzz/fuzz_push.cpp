// Fuzz target over the server's input path in src/core: the bytes of a POST /api/v1/sync/push
// body go through gx::decodePushRequest() with the server's default limits, and every mutation
// it accepts for an entity of the survey definition goes through gx::Validator, as the server
// does before writing anything. Built twice (tests/fuzz/CMakeLists.txt): with libFuzzer and
// sanitizers (fuzz_push), and with a replay main over the seed corpus (fuzz_push_replay, a unit
// test). Besides "no crash, no leak, no UB" it checks a few properties the headers promise and
// aborts, naming the property, when one fails.

#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "core/syncprotocol.h"
#include "core/validator.h"

#include <QByteArray>
#include <QDate>
#include <QDir>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

/** A fixed "today", so that a run never depends on the date it runs (bounds "today", "this_year").
 */
const QDate kToday(2024, 11, 20);

/** The real assets, loaded once; a failure here is a broken checkout, not a finding. */
struct Assets
{
    gx::FormDefinition definition;
    gx::Validator validator;
};

QString assetsDir()
{
    const QString fromEnvironment = qEnvironmentVariable("GX_ASSETS_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral(GX_ASSETS_DIR) : fromEnvironment;
}

[[noreturn]] void die(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_push: %s: %s\n", what, qUtf8Printable(detail));
    std::fflush(stderr);
    std::abort();
}

Assets loadAssets()
{
    const QDir dir(assetsDir());
    auto definition = gx::FormDefinition::load(dir.filePath(u"forms/survey.v1.json"_s));
    if (!definition)
        die("cannot load the survey definition", definition.error().toString());
    const auto regions = gx::RegionCatalog::load(dir.filePath(u"regions/lishui.json"_s));
    if (!regions)
        die("cannot load the regions", regions.error().toString());
    gx::Validator validator(definition.value(), {kToday, regions.value().regionCodes()});
    return {std::move(definition).value(), std::move(validator)};
}

/** GX_FUZZ_VERBOSE=1 prints what became of each input (the replay test sets it); fuzzing
 * leaves it off for speed. */
bool verbose()
{
    static const bool on = qEnvironmentVariableIntValue("GX_FUZZ_VERBOSE") != 0;
    return on;
}

const Assets &assets()
{
    static const Assets instance = loadAssets();
    return instance;
}

/** What the codec writes it reads back unchanged (syncprotocol.h: "what one side writes the
 * other reads"): never refused, and equal to what was written. */
void checkRoundTrip(const gx::PushRequest &request)
{
    const QByteArray written = QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact);
    const auto reread = gx::decodePushRequest(written);
    if (!reread)
        die("round trip: the codec refuses what it wrote", reread.error().message());
    // Known, reported, not ours: Qt 6.4's JSON parser drops a raw UTF-8 byte order mark at the
    // start of a string value, so U+FEFF first in a text does not survive the trip (README.md).
    if (!(reread.value() == request) && !written.contains("\"\xEF\xBB\xBF"))
        die("round trip: the codec reads back something else than it wrote",
            QString::fromUtf8(written.left(2000)));
}

/** Properties of the issues (validator.h): a draft never misses "required"; every message is
 * readable in both languages; validateField() speaks of its field only. */
void checkIssues(const QList<gx::ValidationIssue> &issues, gx::ValidationMode mode,
                 const QString *onlyField)
{
    for (const gx::ValidationIssue &issue : issues) {
        if (mode == gx::ValidationMode::Draft && issue.code == u"required"_s)
            die("a draft reports a required field", issue.field);
        if (issue.code.isEmpty() || issue.message.zh.isEmpty() || issue.message.en.isEmpty())
            die("an issue without code or message", issue.field + u' ' + issue.code);
        if (onlyField && issue.field != *onlyField)
            die("validateField() reports another field", *onlyField + u" -> "_s + issue.field);
    }
}

/** The issues' codes, for the verbose report. */
QString codes(const QList<gx::ValidationIssue> &issues)
{
    QStringList list;
    for (const gx::ValidationIssue &issue : issues)
        list.append(issue.field.isEmpty() ? issue.code : issue.field + u':' + issue.code);
    return list.join(u' ');
}

void validate(const gx::Mutation &mutation)
{
    const Assets &a = assets();
    if (!a.definition.entity(mutation.entity)) {
        // The server refuses an unknown entity before validating; the validator must still
        // answer sanely when asked.
        const auto issues =
            a.validator.validate(mutation.entity, mutation.fields, gx::ValidationMode::Draft);
        checkIssues(issues, gx::ValidationMode::Draft, nullptr);
        if (verbose())
            std::printf("  %s (not in the definition): %s\n", qUtf8Printable(mutation.entity),
                        qUtf8Printable(codes(issues)));
        return;
    }
    for (const auto mode : {gx::ValidationMode::Draft, gx::ValidationMode::Submit}) {
        const auto issues = a.validator.validate(mutation.entity, mutation.fields, mode);
        checkIssues(issues, mode, nullptr);
        if (verbose())
            std::printf("  %s %s %s: %s\n", qUtf8Printable(mutation.entity),
                        qUtf8Printable(gx::mutationOpName(mutation.op)),
                        mode == gx::ValidationMode::Draft ? "draft" : "submit",
                        qUtf8Printable(codes(issues)));
        const bool anyError =
            std::any_of(issues.begin(), issues.end(), [](const gx::ValidationIssue &issue) {
                return issue.severity == gx::Severity::Error;
            });
        if (gx::Validator::hasErrors(issues) != anyError)
            die("hasErrors() disagrees with the issues' severities", mutation.id);
        for (auto it = mutation.fields.begin(); it != mutation.fields.end(); ++it) {
            const QString field = it.key();
            checkIssues(a.validator.validateField(mutation.entity, field, mutation.fields, mode),
                        mode, &field);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Qt sizes are signed: a body beyond qsizetype is impossible here, but say so.
    if (size > static_cast<size_t>(std::numeric_limits<qsizetype>::max()))
        return 0;
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto request = gx::decodePushRequest(body);
    if (!request) {
        if (request.error().reason.isEmpty())
            die("a refusal without a reason", request.error().path);
        if (verbose())
            std::printf("  refused: %s\n", qUtf8Printable(request.error().message().left(200)));
        return 0;
    }
    checkRoundTrip(request.value());
    if (verbose())
        std::printf("  decoded: %lld mutations\n",
                    static_cast<long long>(request.value().mutations.size()));
    for (const gx::Mutation &mutation : request.value().mutations)
        validate(mutation);
    return 0;
}
