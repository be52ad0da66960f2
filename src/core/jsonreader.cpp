#include "core/jsonreader.h"

#include "core/jsonmembers.h"

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gx::detail {

namespace {

QString kindOf(const QJsonValue &value)
{
    static constexpr std::array kinds{"null"_L1,     "a boolean"_L1, "a number"_L1,
                                      "a string"_L1, "an array"_L1,  "an object"_L1};
    const auto type = static_cast<std::size_t>(value.type()); // Undefined is 0x80
    return type < kinds.size() ? QString(kinds.at(type)) : u"nothing"_s;
}

} // namespace

QString memberPath(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path + u'.' + name;
}

QString memberPath(const QString &path, QLatin1StringView name)
{
    return memberPath(path, QString(name));
}

QString elementPath(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

CodecError wrongType(const QString &path, QLatin1StringView expected, const QJsonValue &value)
{
    return CodecError{path, u"expected "_s + expected + u", got "_s + kindOf(value)};
}

JsonReader::JsonReader(QJsonObject object, QString path, const ProtocolLimits &limits)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_limits(limits)
{}

void JsonReader::members(std::initializer_list<QLatin1StringView> required,
                         std::initializer_list<QLatin1StringView> optional)
{
    if (m_error)
        return;
    if (const auto unknown = firstUnknownMember(m_object, required, optional))
        return fail(CodecError{memberPath(m_path, *unknown), u"unknown member"_s});
    for (const QLatin1StringView name : required) {
        if (!m_object.contains(name))
            return fail(CodecError{pathOf(name), u"missing required member"_s});
    }
}

void JsonReader::fail(CodecError error)
{
    if (!m_error)
        m_error = std::move(error);
}

void JsonReader::fail(QLatin1StringView name, const QString &reason)
{
    fail(CodecError{pathOf(name), reason});
}

void JsonReader::string(QString &out, QLatin1StringView name, Check check, bool nullable)
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

void JsonReader::integer(qint64 &out, QLatin1StringView name, qint64 minimum)
{
    const auto v = typed(name, QJsonValue::Double, "an integer"_L1);
    if (!v)
        return;
    const double number = v->toDouble();
    if (std::trunc(number) != number)
        return fail(name,
                    u"expected an integer, got the fraction "_s + QString::number(number, 'g', 17));
    if (std::fabs(number) > static_cast<double>(kMaxSafeInteger))
        return fail(name, u"integer beyond 2^53 - 1"_s);
    if (v->toInteger() < minimum)
        return fail(name, u"must be at least %1, got %2"_s.arg(minimum).arg(v->toInteger()));
    out = v->toInteger();
}

void JsonReader::boolean(bool &out, QLatin1StringView name)
{
    if (const auto v = typed(name, QJsonValue::Bool, "a boolean"_L1))
        out = v->toBool();
}

void JsonReader::object(QJsonObject &out, QLatin1StringView name, ObjectCheck check)
{
    const auto v = typed(name, QJsonValue::Object, "an object"_L1);
    if (v)
        m_error = check(v->toObject(), pathOf(name), m_limits);
    if (v && !m_error)
        out = v->toObject();
}

void JsonReader::hlc(Hlc &out, QLatin1StringView name)
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

std::optional<QJsonValue> JsonReader::typed(QLatin1StringView name, QJsonValue::Type type,
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

} // namespace gx::detail
