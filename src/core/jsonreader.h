#pragma once

#include "core/hlc.h"
#include "core/result.h"
#include "core/syncprotocol.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringView>

#include <initializer_list>
#include <optional>
#include <utility>

/**
 * Internal to gengxin_core (not part of its API; include it only from src/core): the strict
 * reading of JSON objects behind the sync codec of syncprotocol.h, which refuses anything off
 * the protocol with a CodecError that names the offending member's path.
 */
namespace gx::detail {

/** The path of member name inside path: "path.name", or "name" at the top (path ""). */
[[nodiscard]] QString memberPath(const QString &path, const QString &name);
[[nodiscard]] QString memberPath(const QString &path, QLatin1StringView name);
/** The path of an array's element: "path[index]". */
[[nodiscard]] QString elementPath(const QString &path, qsizetype index);
/** The refusal of value at path where expected (e.g. "an object") was wanted. */
[[nodiscard]] CodecError wrongType(const QString &path, QLatin1StringView expected,
                                   const QJsonValue &value);

/**
 * Reads the members of one JSON object into a struct. Reading stops at the first error, which
 * carries the member's path; callers read every member in order and then finish(), so that a
 * decoder reads as a list of its members rather than as a ladder of error checks.
 */
class JsonReader
{
public:
    /** The largest integer a JSON number (an IEEE double) holds exactly: 2^53 - 1. */
    static constexpr qint64 kMaxSafeInteger = (qint64(1) << 53) - 1;

    /** A check of a string member's text; path names the member for the error. */
    using Check = std::optional<CodecError> (*)(const QString &text, const QString &path,
                                                const ProtocolLimits &limits);
    /** A check of an object member's members; path names the member for the error. */
    using ObjectCheck = std::optional<CodecError> (*)(const QJsonObject &object,
                                                      const QString &path,
                                                      const ProtocolLimits &limits);

    explicit JsonReader(QJsonObject object, QString path, const ProtocolLimits &limits);

    /** Unknown members and missing required members are errors. */
    void members(std::initializer_list<QLatin1StringView> required,
                 std::initializer_list<QLatin1StringView> optional = {});

    [[nodiscard]] bool has(QLatin1StringView name) const { return m_object.contains(name); }
    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] QString pathOf(QLatin1StringView name) const { return memberPath(m_path, name); }
    [[nodiscard]] QJsonValue value(QLatin1StringView name) const { return m_object.value(name); }

    /** Records error unless an earlier one is recorded already. */
    void fail(CodecError error);
    void fail(QLatin1StringView name, const QString &reason);

    /** A string member, checked by check when given; when nullable, null reads as "". */
    void string(QString &out, QLatin1StringView name, Check check = nullptr, bool nullable = false);
    /** An integer in minimum..2^53-1; JSON's 1.0 reads as 1. */
    void integer(qint64 &out, QLatin1StringView name, qint64 minimum);
    void boolean(bool &out, QLatin1StringView name);
    /** An object member, checked by check. */
    void object(QJsonObject &out, QLatin1StringView name, ObjectCheck check);
    /** A hybrid logical clock in its string form (Hlc::parse). */
    void hlc(Hlc &out, QLatin1StringView name);

    /** One of the names fromName knows; expected lists them for the reason. */
    template <typename E>
    void choice(E &out, QLatin1StringView name, std::optional<E> (*fromName)(QStringView),
                QLatin1StringView expected)
    {
        using namespace Qt::StringLiterals;
        QString text;
        string(text, name);
        if (m_error)
            return;
        if (const auto parsed = fromName(text))
            out = *parsed;
        else
            fail(name, u"unknown %1 \"%2\" (expected %3)"_s.arg(name, text.left(64), expected));
    }

    /** An array of at most maxSize objects, each read by decode(object, path, limits). */
    template <typename T, typename Decode>
    void list(QList<T> &out, QLatin1StringView name, int maxSize, Decode decode)
    {
        using namespace Qt::StringLiterals;
        const auto v = typed(name, QJsonValue::Array, "an array"_L1);
        if (!v)
            return;
        const QJsonArray array = v->toArray();
        if (array.size() > maxSize)
            return fail(name,
                        u"too many %1 (%2, at most %3)"_s.arg(name).arg(array.size()).arg(maxSize));
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size() && !m_error; ++i) {
            const QString itemPath = elementPath(pathOf(name), i);
            if (!array.at(i).isObject())
                return fail(wrongType(itemPath, "an object"_L1, array.at(i)));
            auto item = decode(array.at(i).toObject(), itemPath, m_limits);
            if (item)
                out.append(std::move(item).value());
            else
                fail(item.error());
        }
    }

    /** value, or the first error recorded while reading it. */
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
                                    QLatin1StringView expected);

    QJsonObject m_object;
    QString m_path;
    const ProtocolLimits &m_limits;
    std::optional<CodecError> m_error;
};

} // namespace gx::detail
