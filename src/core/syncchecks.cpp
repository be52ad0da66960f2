#include "core/syncchecks.h"

#include "core/hlc.h"
#include "core/jsonreader.h"
#include "core/textcheck.h"
#include "core/uuidcheck.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx::detail {

namespace {

constexpr int kMaxEntityLength = 64;
constexpr int kMaxIdLength = 128;
constexpr int kMaxFieldNameLength = 64;
constexpr int kMaxCodeLength = 64;

bool isAsciiLetter(QChar c, bool upper)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (upper && u >= u'A' && u <= u'Z');
}

/** A field value: any JSON, strings bounded, nesting at most limits.maxValueDepth. */
std::optional<CodecError> checkValue(const QJsonValue &value, const QString &path, int depth,
                                     const ProtocolLimits &limits)
{
    if (value.isString())
        return checkText(value.toString(), path, limits);
    if (!value.isArray() && !value.isObject())
        return std::nullopt;
    if (depth + 1 > limits.maxValueDepth)
        return CodecError{path, u"value nested deeper than %1 levels"_s.arg(limits.maxValueDepth)};
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (auto error = checkValue(array.at(i), elementPath(path, i), depth + 1, limits))
                return error;
        }
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString itemPath = memberPath(path, it.key());
        if (auto error = checkText(it.key(), itemPath, limits))
            return error;
        if (auto error = checkValue(it.value(), itemPath, depth + 1, limits))
            return error;
    }
    return std::nullopt;
}

} // namespace

bool allAscii(QStringView text, bool upper, QLatin1StringView extra)
{
    return std::all_of(text.begin(), text.end(), [&](QChar c) {
        return isAsciiLetter(c, upper) || (c >= u'0' && c <= u'9') ||
               (c.unicode() < 0x80 && extra.contains(c));
    });
}

std::optional<CodecError> checkDeviceId(const QString &text, const QString &path,
                                        const ProtocolLimits &)
{
    if (!Hlc::isValidDeviceId(text))
        return CodecError{
            path, u"not a device id (1..%1 of [A-Za-z0-9._-])"_s.arg(Hlc::kMaxDeviceIdLength)};
    return std::nullopt;
}

std::optional<CodecError> checkErrorCode(const QString &text, const QString &path,
                                         const ProtocolLimits &)
{
    const bool shaped =
        !text.isEmpty() && text.size() <= kMaxCodeLength && allAscii(text, false, "_"_L1);
    if (!shaped)
        return CodecError{path, u"error code must be 1..%1 of [a-z0-9_]"_s.arg(kMaxCodeLength)};
    return std::nullopt;
}

std::optional<CodecError> checkCursorShape(const QString &text, const QString &path,
                                           const ProtocolLimits &)
{
    const bool shaped =
        !text.isEmpty() && text.size() <= kMaxCursorLength && allAscii(text, true, "._~-"_L1);
    if (!shaped)
        return CodecError{path, u"cursor must be 1..%1 of [A-Za-z0-9._~-]"_s.arg(kMaxCursorLength)};
    return std::nullopt;
}

std::optional<CodecError> checkUuid(const QString &text, const QString &path,
                                    const ProtocolLimits &)
{
    const std::optional<UuidProblem> problem = uuidProblem(text);
    if (!problem)
        return std::nullopt;
    return CodecError{path, *problem == UuidProblem::Nil
                                ? u"the nil UUID is not an id"_s
                                : u"not a UUID (expected lower-case hex digits 8-4-4-4-12)"_s};
}

std::optional<CodecError> checkEntityName(const QString &text, const QString &path,
                                          const ProtocolLimits &)
{
    if (text.isEmpty())
        return CodecError{path, u"empty entity name"_s};
    if (text.size() > kMaxEntityLength)
        return CodecError{path, u"entity name longer than %1 characters"_s.arg(kMaxEntityLength)};
    const bool shaped = isAsciiLetter(text.front(), false) && allAscii(text, false, "_"_L1);
    if (!shaped)
        return CodecError{path, u"entity name must match [a-z][a-z0-9_]*"_s};
    return std::nullopt;
}

std::optional<CodecError> checkRecordId(const QString &text, const QString &path,
                                        const ProtocolLimits &)
{
    if (text.isEmpty())
        return CodecError{path, u"empty id"_s};
    if (text.size() > kMaxIdLength)
        return CodecError{path, u"id longer than %1 characters"_s.arg(kMaxIdLength)};
    if (std::any_of(text.begin(), text.end(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return CodecError{path, u"id contains a control character"_s};
    if (!QStringView(text).isValidUtf16())
        return CodecError{path, u"id contains an unpaired surrogate"_s};
    return std::nullopt;
}

std::optional<CodecError> checkText(const QString &text, const QString &path,
                                    const ProtocolLimits &limits)
{
    if (auto problem = textProblem(text, limits.maxStringLength)) {
        return CodecError{path, u"string "_s +
                                    textProblemMessage(text, *problem, limits.maxStringLength)};
    }
    return std::nullopt;
}

std::optional<CodecError> checkFields(const QJsonObject &fields, const QString &path,
                                      const ProtocolLimits &limits)
{
    if (fields.size() > limits.maxFieldsPerMutation)
        return CodecError{path, u"too many fields (%1, at most %2)"_s.arg(fields.size())
                                    .arg(limits.maxFieldsPerMutation)};
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString name = it.key();
        const QString fieldPath = memberPath(path, name);
        const bool shaped = !name.isEmpty() && name.size() <= kMaxFieldNameLength &&
                            isAsciiLetter(name.front(), true) && allAscii(name, true, "_"_L1);
        if (!shaped)
            return CodecError{fieldPath, u"field name must match [A-Za-z][A-Za-z0-9_]* with at "
                                         u"most %1 characters"_s.arg(kMaxFieldNameLength)};
        if (auto error = checkValue(it.value(), fieldPath, 0, limits))
            return error;
    }
    return std::nullopt;
}

} // namespace gx::detail
