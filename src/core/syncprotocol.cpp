#include "core/syncprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr qint64 kMaxSafeInteger = (qint64(1) << 53) - 1;
constexpr int kMaxEntityLength = 64;
constexpr int kMaxIdLength = 128;
constexpr int kMaxFieldNameLength = 64;
constexpr int kMaxCodeLength = 64;
constexpr int kMaxCursorLength = 256;
constexpr QLatin1StringView kCursorPrefix{"c1."};

constexpr std::array kOpNames{"upsert"_L1, "delete"_L1};
constexpr std::array kStatusNames{"applied"_L1, "duplicate"_L1, "merged"_L1, "conflict"_L1,
                                  "rejected"_L1};

QString child(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path + u'.' + name;
}

QString child(const QString &path, QLatin1StringView name)
{
    return child(path, QString(name));
}

QString element(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

QString kindOf(const QJsonValue &value)
{
    static constexpr std::array kinds{"null"_L1,     "a boolean"_L1, "a number"_L1,
                                      "a string"_L1, "an array"_L1,  "an object"_L1};
    const auto type = static_cast<std::size_t>(value.type()); // Undefined is 0x80
    return type < kinds.size() ? QString(kinds.at(type)) : u"nothing"_s;
}

CodecError wrongType(const QString &path, QLatin1StringView expected, const QJsonValue &value)
{
    return CodecError{path, u"expected "_s + expected + u", got "_s + kindOf(value)};
}

bool isAsciiLetter(QChar c, bool upper)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (upper && u >= u'A' && u <= u'Z');
}

/** Whether text is all ASCII letters (lower case unless upper), digits and characters of extra. */
bool allAscii(QStringView text, bool upper, QLatin1StringView extra)
{
    return std::all_of(text.begin(), text.end(), [&](QChar c) {
        return isAsciiLetter(c, upper) || (c >= u'0' && c <= u'9') ||
               (c.unicode() < 0x80 && extra.contains(c));
    });
}

/** Every member that is not required or optional is an error; so is a missing required one. */
std::optional<CodecError> checkMembers(const QJsonObject &object, const QString &path,
                                       std::initializer_list<QLatin1StringView> required,
                                       std::initializer_list<QLatin1StringView> optional = {})
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const auto named = [&key](QLatin1StringView name) {
            return key == name;
        };
        if (std::none_of(required.begin(), required.end(), named) &&
            std::none_of(optional.begin(), optional.end(), named))
            return CodecError{child(path, key), u"unknown member"_s};
    }
    for (const QLatin1StringView name : required) {
        if (!object.contains(name))
            return CodecError{child(path, name), u"missing required member"_s};
    }
    return std::nullopt;
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
    const QString reason = u"not a UUID (expected lower-case hex digits 8-4-4-4-12)"_s;
    if (text.size() != 36)
        return CodecError{path, reason};
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? u != u'-' : !((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return CodecError{path, reason};
    }
    if (text == "00000000-0000-0000-0000-000000000000"_L1)
        return CodecError{path, u"the nil UUID is not an id"_s};
    return std::nullopt;
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
    if (text.size() > limits.maxStringLength)
        return CodecError{path, u"string longer than %1 characters"_s.arg(limits.maxStringLength)};
    if (text.contains(QChar(u'\0')))
        return CodecError{path, u"string contains U+0000"_s};
    if (!QStringView(text).isValidUtf16())
        return CodecError{path, u"string contains an unpaired surrogate"_s};
    return std::nullopt;
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
            if (auto error = checkValue(array.at(i), element(path, i), depth + 1, limits))
                return error;
        }
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString memberPath = child(path, it.key());
        if (auto error = checkText(it.key(), memberPath, limits))
            return error;
        if (auto error = checkValue(it.value(), memberPath, depth + 1, limits))
            return error;
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
        const QString fieldPath = child(path, name);
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

/**
 * Reads the members of one JSON object into a struct. Reading stops at the first error, which
 * carries the member's path; callers read every member in order and then finish().
 */
class MemberReader
{
public:
    using Check = std::optional<CodecError> (*)(const QString &text, const QString &path,
                                                const ProtocolLimits &limits);

    MemberReader(QJsonObject object, QString path, const ProtocolLimits &limits)
        : m_object(std::move(object))
        , m_path(std::move(path))
        , m_limits(limits)
    {}

    /** Unknown members and missing required members are errors. */
    void members(std::initializer_list<QLatin1StringView> required,
                 std::initializer_list<QLatin1StringView> optional = {})
    {
        if (!m_error)
            m_error = checkMembers(m_object, m_path, required, optional);
    }

    [[nodiscard]] bool has(QLatin1StringView name) const { return m_object.contains(name); }
    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] QString pathOf(QLatin1StringView name) const { return child(m_path, name); }
    [[nodiscard]] QJsonValue value(QLatin1StringView name) const { return m_object.value(name); }

    void fail(CodecError error)
    {
        if (!m_error)
            m_error = std::move(error);
    }
    void fail(QLatin1StringView name, const QString &reason)
    {
        fail(CodecError{pathOf(name), reason});
    }

    /** A string member, checked by check when given; when nullable, null reads as "". */
    void string(QString &out, QLatin1StringView name, Check check = nullptr, bool nullable = false)
    {
        if (nullable && value(name).isNull())
            return;
        const auto v =
            typed(name, QJsonValue::String, nullable ? "a string or null"_L1 : "a string"_L1);
        if (v && check)
            m_error = check(v->toString(), pathOf(name), m_limits);
        if (v && !m_error)
            out = v->toString();
    }

    /** An integer in minimum..2^53-1; JSON's 1.0 reads as 1. */
    void integer(qint64 &out, QLatin1StringView name, qint64 minimum)
    {
        const auto v = typed(name, QJsonValue::Double, "an integer"_L1);
        if (!v)
            return;
        const double number = v->toDouble();
        if (std::trunc(number) != number)
            return fail(name, u"expected an integer, got the fraction "_s +
                                  QString::number(number, 'g', 17));
        if (std::fabs(number) > static_cast<double>(kMaxSafeInteger))
            return fail(name, u"integer beyond 2^53 - 1"_s);
        if (v->toInteger() < minimum)
            return fail(name, u"must be at least %1, got %2"_s.arg(minimum).arg(v->toInteger()));
        out = v->toInteger();
    }

    void boolean(bool &out, QLatin1StringView name)
    {
        if (const auto v = typed(name, QJsonValue::Bool, "a boolean"_L1))
            out = v->toBool();
    }

    /** One of the names fromName knows; expected lists them for the reason. */
    template <typename E>
    void choice(E &out, QLatin1StringView name, std::optional<E> (*fromName)(QStringView),
                QLatin1StringView expected)
    {
        QString text;
        string(text, name);
        if (m_error)
            return;
        if (const auto parsed = fromName(text))
            out = *parsed;
        else
            fail(name, u"unknown %1 \"%2\" (expected %3)"_s.arg(name, text.left(64), expected));
    }

    /** A record's fields: an object of well-named members with bounded values. */
    void fields(QJsonObject &out, QLatin1StringView name)
    {
        const auto v = typed(name, QJsonValue::Object, "an object"_L1);
        if (v)
            m_error = checkFields(v->toObject(), pathOf(name), m_limits);
        if (v && !m_error)
            out = v->toObject();
    }

    void hlc(Hlc &out, QLatin1StringView name)
    {
        QString text;
        string(text, name);
        if (m_error)
            return;
        const auto parsed = Hlc::parse(text);
        if (parsed)
            out = parsed.value();
        else
            fail(name, u"bad hybrid logical clock: "_s + parsed.error().reason);
    }

    /** An array of at most maxSize objects, each read by decode(object, path, limits). */
    template <typename T, typename Decode>
    void list(QList<T> &out, QLatin1StringView name, int maxSize, Decode decode)
    {
        const auto v = typed(name, QJsonValue::Array, "an array"_L1);
        if (!v)
            return;
        const QJsonArray array = v->toArray();
        if (array.size() > maxSize)
            return fail(name,
                        u"too many %1 (%2, at most %3)"_s.arg(name).arg(array.size()).arg(maxSize));
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size() && !m_error; ++i) {
            const QString itemPath = element(pathOf(name), i);
            if (!array.at(i).isObject())
                return fail(wrongType(itemPath, "an object"_L1, array.at(i)));
            auto item = decode(array.at(i).toObject(), itemPath, m_limits);
            if (item)
                out.append(std::move(item).value());
            else
                fail(item.error());
        }
    }

    template <typename T>
    [[nodiscard]] Result<T, CodecError> finish(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

private:
    /** The member's value if nothing failed before and it has the type, else nullopt. */
    std::optional<QJsonValue> typed(QLatin1StringView name, QJsonValue::Type type,
                                    QLatin1StringView expected)
    {
        if (m_error)
            return std::nullopt;
        const QJsonValue v = value(name);
        if (v.type() == type)
            return v;
        fail(wrongType(pathOf(name), expected, v));
        return std::nullopt;
    }

    QJsonObject m_object;
    QString m_path;
    const ProtocolLimits &m_limits;
    std::optional<CodecError> m_error;
};

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

Result<Mutation, CodecError> mutationAt(const QJsonObject &object, const QString &path,
                                        const ProtocolLimits &limits)
{
    MemberReader r(object, path, limits);
    r.members({"mutation_id"_L1, "entity"_L1, "id"_L1, "op"_L1, "base_rev"_L1, "hlc"_L1},
              {"fields"_L1});
    Mutation m;
    r.string(m.mutationId, "mutation_id"_L1, checkUuid);
    r.string(m.entity, "entity"_L1, checkEntityName);
    r.string(m.id, "id"_L1, checkRecordId);
    r.choice(m.op, "op"_L1, mutationOpFromName, "upsert or delete"_L1);
    r.integer(m.baseRev, "base_rev"_L1, 0);
    if (r.has("fields"_L1)) {
        r.fields(m.fields, "fields"_L1);
        if (m.op == Mutation::Op::Delete && !m.fields.isEmpty())
            r.fail("fields"_L1, u"a delete carries no fields"_s);
    } else if (m.op == Mutation::Op::Upsert) {
        r.fail("fields"_L1, u"missing required member (an upsert carries fields)"_s);
    }
    r.hlc(m.hlc, "hlc"_L1);
    return r.finish(std::move(m));
}

Result<SyncError, CodecError> syncErrorAt(const QJsonObject &object, const QString &path,
                                          const ProtocolLimits &limits, bool withExistingId)
{
    MemberReader r(object, path, limits);
    if (withExistingId)
        r.members({"code"_L1, "message"_L1, "field"_L1}, {"existing_id"_L1});
    else
        r.members({"code"_L1, "message"_L1, "field"_L1});
    SyncError e;
    r.string(e.code, "code"_L1, checkErrorCode);
    r.string(e.message, "message"_L1, checkText);
    r.string(e.field, "field"_L1, checkText, true);
    if (r.has("existing_id"_L1))
        r.string(e.existingId, "existing_id"_L1, checkRecordId);
    return r.finish(std::move(e));
}

Result<MutationResult, CodecError> mutationResultAt(const QJsonObject &object, const QString &path,
                                                    const ProtocolLimits &limits)
{
    MemberReader r(object, path, limits);
    r.members({"mutation_id"_L1, "status"_L1, "rev"_L1, "error"_L1});
    MutationResult m;
    r.string(m.mutationId, "mutation_id"_L1, checkUuid);
    r.choice(m.status, "status"_L1, mutationStatusFromName,
             "applied, duplicate, merged, conflict or rejected"_L1);
    r.integer(m.rev, "rev"_L1, 0);
    const QJsonValue error = r.value("error"_L1);
    if (r.failed()) {
        // reported by finish()
    } else if (error.isNull()) {
        if (m.status == MutationResult::Status::Rejected)
            r.fail("error"_L1, u"a rejected result carries an error"_s);
    } else if (!error.isObject()) {
        r.fail(wrongType(r.pathOf("error"_L1), "an object or null"_L1, error));
    } else if (const auto decoded =
                   syncErrorAt(error.toObject(), r.pathOf("error"_L1), limits, true)) {
        m.error = decoded.value();
    } else {
        r.fail(decoded.error());
    }
    return r.finish(std::move(m));
}

Result<Change, CodecError> changeAt(const QJsonObject &object, const QString &path,
                                    const ProtocolLimits &limits)
{
    MemberReader r(object, path, limits);
    r.members({"entity"_L1, "id"_L1, "rev"_L1, "deleted"_L1, "fields"_L1});
    Change c;
    r.string(c.entity, "entity"_L1, checkEntityName);
    r.string(c.id, "id"_L1, checkRecordId);
    r.integer(c.rev, "rev"_L1, 1);
    r.boolean(c.deleted, "deleted"_L1);
    r.fields(c.fields, "fields"_L1);
    return r.finish(std::move(c));
}

/** The top-level object of a JSON body, within the byte limit. */
Result<QJsonObject, CodecError> parseBody(const QByteArray &body, const ProtocolLimits &limits)
{
    if (body.size() > limits.maxBodyBytes)
        return CodecError{
            QString(),
            u"body too large (%1 bytes, at most %2)"_s.arg(body.size()).arg(limits.maxBodyBytes)};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return CodecError{QString(), u"invalid JSON at byte offset %1: %2"_s.arg(parseError.offset)
                                         .arg(parseError.errorString())};
    if (!document.isObject())
        return CodecError{QString(), u"the top level is not a JSON object"_s};
    return document.object();
}

template <typename T>
Result<T, CodecError> decodeBody(const QByteArray &body, const ProtocolLimits &limits,
                                 Result<T, CodecError> (*decode)(const QJsonObject &,
                                                                 const ProtocolLimits &))
{
    const auto object = parseBody(body, limits);
    if (!object)
        return object.error();
    return decode(object.value(), limits);
}

template <typename Element>
QJsonArray toJsonArray(const QList<Element> &items)
{
    QJsonArray array;
    for (const Element &item : items)
        array.append(item.toJson());
    return array;
}

} // namespace

QString CodecError::message() const
{
    return path.isEmpty() ? reason : path + u": "_s + reason;
}

QString mutationOpName(Mutation::Op op)
{
    return QString(kOpNames.at(static_cast<std::size_t>(op)));
}

std::optional<Mutation::Op> mutationOpFromName(QStringView name)
{
    for (std::size_t i = 0; i < kOpNames.size(); ++i) {
        if (name == kOpNames.at(i))
            return static_cast<Mutation::Op>(i);
    }
    return std::nullopt;
}

QString mutationStatusName(MutationResult::Status status)
{
    return QString(kStatusNames.at(static_cast<std::size_t>(status)));
}

std::optional<MutationResult::Status> mutationStatusFromName(QStringView name)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (name == kStatusNames.at(i))
            return static_cast<MutationResult::Status>(i);
    }
    return std::nullopt;
}

QJsonObject SyncError::toJson() const
{
    QJsonObject object{
        {u"code"_s, code}, {u"message"_s, message}, {u"field"_s, nullIfEmpty(field)}};
    if (!existingId.isEmpty())
        object.insert(u"existing_id"_s, existingId);
    return object;
}

QJsonObject ApiError::toJson() const
{
    const QJsonObject error{
        {u"code"_s, code}, {u"message"_s, message}, {u"field"_s, nullIfEmpty(field)}};
    return QJsonObject{{u"error"_s, error}};
}

QJsonObject Mutation::toJson() const
{
    return QJsonObject{{u"mutation_id"_s, mutationId},
                       {u"entity"_s, entity},
                       {u"id"_s, id},
                       {u"op"_s, mutationOpName(op)},
                       {u"base_rev"_s, QJsonValue(baseRev)},
                       {u"fields"_s, fields},
                       {u"hlc"_s, hlc.toString()}};
}

QJsonObject PushRequest::toJson() const
{
    return QJsonObject{{u"device_id"_s, deviceId}, {u"mutations"_s, toJsonArray(mutations)}};
}

QJsonObject MutationResult::toJson() const
{
    return QJsonObject{
        {u"mutation_id"_s, mutationId},
        {u"status"_s, mutationStatusName(status)},
        {u"rev"_s, QJsonValue(rev)},
        {u"error"_s, error ? QJsonValue(error->toJson()) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject PushResponse::toJson() const
{
    return QJsonObject{{u"results"_s, toJsonArray(results)}};
}

QJsonObject Change::toJson() const
{
    return QJsonObject{{u"entity"_s, entity},
                       {u"id"_s, id},
                       {u"rev"_s, QJsonValue(rev)},
                       {u"deleted"_s, deleted},
                       {u"fields"_s, fields}};
}

QJsonObject PullPage::toJson() const
{
    return QJsonObject{
        {u"changes"_s, toJsonArray(changes)}, {u"cursor"_s, cursor}, {u"more"_s, more}};
}

QString PullCursor::encode() const
{
    const QByteArray payload = QByteArray::number(seq).toBase64(QByteArray::Base64UrlEncoding |
                                                                QByteArray::OmitTrailingEquals);
    return kCursorPrefix + QString::fromLatin1(payload);
}

Result<PullCursor, CodecError> PullCursor::decode(QStringView text)
{
    if (text.isEmpty())
        return CodecError{QString(), u"empty cursor"_s};
    if (text.size() > kMaxCursorLength)
        return CodecError{QString(), u"cursor too long"_s};
    if (!text.startsWith(kCursorPrefix)) {
        const qsizetype dot = text.indexOf(u'.');
        if (dot > 1 && text.front() == u'c' &&
            std::all_of(text.begin() + 1, text.begin() + dot,
                        [](QChar c) { return c >= u'0' && c <= u'9'; }))
            return CodecError{QString(), u"unsupported cursor version "_s + text.first(dot)};
        return CodecError{QString(), u"not a cursor (expected c1.PAYLOAD)"_s};
    }
    const QStringView payload = text.sliced(kCursorPrefix.size());
    if (payload.isEmpty())
        return CodecError{QString(), u"empty cursor payload"_s};
    if (!allAscii(payload, true, "-_"_L1))
        return CodecError{QString(), u"cursor payload is not unpadded base64url"_s};
    const auto decoded = QByteArray::fromBase64Encoding(
        payload.toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return CodecError{QString(), u"cursor payload is not unpadded base64url"_s};
    const QByteArray &digits = decoded.decoded;
    if (digits.isEmpty() || (digits.size() > 1 && digits.front() == '0') ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return CodecError{QString(), u"cursor does not hold a sequence number"_s};
    bool ok = false;
    const qint64 seq = digits.toLongLong(&ok);
    if (!ok || seq > kMaxSafeInteger)
        return CodecError{QString(), u"cursor sequence number out of range"_s};
    const PullCursor cursor{seq};
    if (cursor.encode() != text)
        return CodecError{QString(), u"cursor is not in canonical form"_s};
    return cursor;
}

Result<Mutation, CodecError> decodeMutation(const QJsonObject &object, const ProtocolLimits &limits)
{
    return mutationAt(object, QString(), limits);
}

Result<PushRequest, CodecError> decodePushRequest(const QJsonObject &object,
                                                  const ProtocolLimits &limits)
{
    MemberReader r(object, QString(), limits);
    r.members({"device_id"_L1, "mutations"_L1});
    PushRequest request;
    r.string(request.deviceId, "device_id"_L1, checkDeviceId);
    r.list(request.mutations, "mutations"_L1, limits.maxMutations, mutationAt);
    return r.finish(std::move(request));
}

Result<SyncError, CodecError> decodeSyncError(const QJsonObject &object,
                                              const ProtocolLimits &limits)
{
    return syncErrorAt(object, QString(), limits, true);
}

Result<MutationResult, CodecError> decodeMutationResult(const QJsonObject &object,
                                                        const ProtocolLimits &limits)
{
    return mutationResultAt(object, QString(), limits);
}

Result<PushResponse, CodecError> decodePushResponse(const QJsonObject &object,
                                                    const ProtocolLimits &limits)
{
    MemberReader r(object, QString(), limits);
    r.members({"results"_L1});
    PushResponse response;
    r.list(response.results, "results"_L1, limits.maxResults, mutationResultAt);
    return r.finish(std::move(response));
}

Result<Change, CodecError> decodeChange(const QJsonObject &object, const ProtocolLimits &limits)
{
    return changeAt(object, QString(), limits);
}

Result<PullPage, CodecError> decodePullPage(const QJsonObject &object, const ProtocolLimits &limits)
{
    MemberReader r(object, QString(), limits);
    r.members({"changes"_L1, "cursor"_L1, "more"_L1});
    PullPage page;
    r.list(page.changes, "changes"_L1, limits.maxChanges, changeAt);
    r.string(page.cursor, "cursor"_L1, checkCursorShape);
    r.boolean(page.more, "more"_L1);
    return r.finish(std::move(page));
}

Result<ApiError, CodecError> decodeApiError(const QJsonObject &object, const ProtocolLimits &limits)
{
    MemberReader r(object, QString(), limits);
    r.members({"error"_L1});
    const QJsonValue inner = r.value("error"_L1);
    if (!r.failed() && !inner.isObject())
        r.fail(wrongType(u"error"_s, "an object"_L1, inner));
    if (r.failed())
        return r.finish(ApiError{});
    const auto error = syncErrorAt(inner.toObject(), u"error"_s, limits, false);
    if (!error)
        return error.error();
    return ApiError{error.value().code, error.value().message, error.value().field};
}

Result<PushRequest, CodecError> decodePushRequest(const QByteArray &body,
                                                  const ProtocolLimits &limits)
{
    return decodeBody<PushRequest>(body, limits, decodePushRequest);
}

Result<PushResponse, CodecError> decodePushResponse(const QByteArray &body,
                                                    const ProtocolLimits &limits)
{
    return decodeBody<PushResponse>(body, limits, decodePushResponse);
}

Result<PullPage, CodecError> decodePullPage(const QByteArray &body, const ProtocolLimits &limits)
{
    return decodeBody<PullPage>(body, limits, decodePullPage);
}

} // namespace gx
