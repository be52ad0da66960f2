#include "core/definitionreader.h"

#include "core/jsonmembers.h"

#include <QDate>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

using namespace Qt::StringLiterals;

namespace gx::detail {

namespace {

/** The words of the expression language, which could not be read as field names. */
const QLatin1StringView kKeywords[] = {"and"_L1,  "or"_L1,    "not"_L1, "in"_L1,
                                       "true"_L1, "false"_L1, "null"_L1};

bool isChoice(FieldType type)
{
    return type == FieldType::SingleChoice || type == FieldType::MultipleChoice;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return u"'%1'"_s.arg(v.toString());
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

bool isName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9_]*$"_s);
    return name.size() <= FormDefinition::kMaxNameLength && pattern.match(name).hasMatch();
}

QString badName(const QString &what, const QString &name)
{
    return u"%1 '%2' must match ^[a-z][a-z0-9_]*$ and have at most %3 characters"_s.arg(
        what, name, QString::number(FormDefinition::kMaxNameLength));
}

std::optional<qint64> integerOf(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (std::floor(d) != d || std::fabs(d) > 9.0e15)
        return std::nullopt;
    return qint64(d);
}

DefinitionReader::DefinitionReader(QString file)
    : m_file(std::move(file))
{}

bool DefinitionReader::fail(const QString &where, const QString &reason)
{
    if (!m_error)
        m_error = DefinitionError{m_file, where, reason};
    return false;
}

bool DefinitionReader::members(const QJsonObject &o,
                               std::initializer_list<QLatin1StringView> allowed,
                               const QString &where, const QString &what)
{
    if (const auto unknown = firstUnknownMember(o, allowed, {"comment"_L1}))
        return fail(where, u"unknown member '%1' in %2"_s.arg(*unknown, what));
    return true;
}

bool DefinitionReader::string(const QJsonObject &o, QLatin1StringView key, QString &out,
                              const QString &where, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && !required)
        return true;
    if (v.isUndefined() || (v.isString() && v.toString().isEmpty() && required))
        return fail(where, u"missing %1"_s.arg(key));
    if (!v.isString())
        return fail(where, u"'%1' must be a string"_s.arg(key));
    out = v.toString();
    return true;
}

bool DefinitionReader::boolean(const QJsonObject &o, QLatin1StringView key, bool &out,
                               const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isBool())
        return fail(where, u"'%1' must be a boolean"_s.arg(key));
    out = v.toBool();
    return true;
}

bool DefinitionReader::integer(const QJsonObject &o, QLatin1StringView key, int &out,
                               const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    const std::optional<qint64> n = integerOf(v);
    if (!n || std::abs(*n) > 1'000'000'000)
        return fail(where, u"'%1' must be an integer"_s.arg(key));
    out = int(*n);
    return true;
}

bool DefinitionReader::array(const QJsonObject &o, QLatin1StringView key, QJsonArray &out,
                             const QString &where, const QString &what)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isArray())
        return fail(where, u"'%1' of %2 must be an array"_s.arg(key, what));
    out = v.toArray();
    return true;
}

bool DefinitionReader::text(const QJsonObject &o, QLatin1StringView key, LocalizedText &out,
                            const QString &where, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && !required)
        return true;
    if (v.isUndefined())
        return fail(where, u"missing %1"_s.arg(key));
    if (!v.isObject())
        return fail(where, u"'%1' must be an object {\"zh_CN\": ..., \"en\": ...}"_s.arg(key));
    const QJsonObject t = v.toObject();
    if (!members(t, {"zh_CN"_L1, "en"_L1}, where, key))
        return false;
    for (const QLatin1StringView language : {"zh_CN"_L1, "en"_L1}) {
        const QJsonValue s = t.value(language);
        if (!s.isUndefined() && !s.isString())
            return fail(where, u"%1 %2 must be a string"_s.arg(key, language));
        if (s.toString().trimmed().isEmpty())
            return fail(where, u"missing %1 %2"_s.arg(key, language));
    }
    out = LocalizedText::fromJson(t);
    return true;
}

bool DefinitionReader::expression(const QJsonObject &o, QLatin1StringView key, Expression &out,
                                  const QString &where, const QString &prefix)
{
    QString source;
    if (!string(o, key, source, where))
        return false;
    const auto parsed = Expression::parse(source);
    if (!parsed)
        return fail(where, u"%1%2 '%3' does not parse: at position %4: %5"_s.arg(
                               prefix, key, source, QString::number(parsed.error().position),
                               parsed.error().reason));
    out = parsed.value();
    return true;
}

bool DefinitionReader::field(const QJsonValue &v, EntityDefinition &e)
{
    if (!v.isObject())
        return fail(e.name, u"a field is not an object"_s);
    const QJsonObject o = v.toObject();
    FieldDefinition f;
    if (!string(o, "name"_L1, f.name, e.name, true))
        return false;
    if (!isName(f.name))
        return fail(e.name, badName(u"field name"_s, f.name));
    if (std::find(std::begin(kKeywords), std::end(kKeywords), f.name) != std::end(kKeywords))
        return fail(e.name, u"field name '%1' is a word of the expression language"_s.arg(f.name));
    const QString where = e.name + u'.' + f.name;
    if (e.field(f.name))
        return fail(where, u"duplicate field '%1'"_s.arg(f.name));
    QString type, check;
    if (!members(o,
                 {"name"_L1, "type"_L1, "label"_L1, "hint"_L1, "unit"_L1, "options"_L1, "min"_L1,
                  "max"_L1, "min_length"_L1, "max_length"_L1, "required"_L1, "relevant"_L1,
                  "check"_L1},
                 where, u"field"_s) ||
        !string(o, "type"_L1, type, where, true))
        return false;
    const std::optional<FieldType> t = fieldTypeFromName(type);
    if (!t)
        return fail(where, u"unknown type '%1'"_s.arg(type));
    f.type = *t;
    if (!text(o, "label"_L1, f.label, where) || !text(o, "hint"_L1, f.hint, where, false) ||
        !text(o, "unit"_L1, f.unit, where, false) ||
        !boolean(o, "required"_L1, f.required, where) ||
        !expression(o, "relevant"_L1, f.relevant, where) || !string(o, "check"_L1, check, where) ||
        !options(o, f, where) || !bounds(o, f, where))
        return false;
    if (!check.isEmpty()) {
        const std::optional<FieldCheck> c = fieldCheckFromName(check);
        if (!c)
            return fail(where, u"unknown check '%1'"_s.arg(check));
        if (f.type != FieldType::Text)
            return fail(where,
                        u"check '%1' applies to text fields only, not %2"_s.arg(check, type));
        f.check = *c;
    }
    e.fields.append(std::move(f));
    return true;
}

bool DefinitionReader::options(const QJsonObject &o, FieldDefinition &f, const QString &where)
{
    QJsonArray options;
    if (!array(o, "options"_L1, options, where, u"field"_s))
        return false;
    if (!isChoice(f.type)) {
        if (o.contains("options"_L1))
            return fail(
                where, u"options apply to choice fields only, not %1"_s.arg(fieldTypeName(f.type)));
        return true;
    }
    if (options.isEmpty())
        return fail(where, u"a choice field needs options"_s);
    for (const QJsonValue &v : std::as_const(options)) {
        if (!v.isObject())
            return fail(where, u"an option is not an object"_s);
        const QJsonObject option = v.toObject();
        ChoiceOption c;
        c.value = option.value("value"_L1);
        if (const auto n = integerOf(c.value))
            c.value = QJsonValue(*n);
        else if (!c.value.isString() || c.value.toString().isEmpty())
            return fail(where, u"an option value must be a non-empty string or an integer, not "
                               u"%1"_s.arg(jsonText(c.value)));
        if (!members(option, {"value"_L1, "label"_L1}, where, u"option"_s) ||
            !text(option, "label"_L1, c.label, where))
            return false;
        if (!f.options.isEmpty() && f.options.first().value.isString() != c.value.isString())
            return fail(where, u"options mix strings and integers (%1)"_s.arg(jsonText(c.value)));
        if (f.option(c.value))
            return fail(where, u"duplicate option value %1"_s.arg(jsonText(c.value)));
        f.options.append(std::move(c));
    }
    return true;
}

bool DefinitionReader::bound(const QJsonObject &o, QLatin1StringView key, FieldDefinition &f,
                             Bound &out, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    static const QRegularExpression datePattern(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    switch (f.type) {
    case FieldType::Date:
        if (v.toString() == "today"_L1) {
            out.kind = Bound::Kind::Today;
            return true;
        }
        out.date = QDate::fromString(v.toString(), u"yyyy-MM-dd"_s);
        if (!datePattern.match(v.toString()).hasMatch() || !out.date.isValid())
            return fail(where, u"%1 %2 is not a valid date (yyyy-MM-dd or \"today\")"_s.arg(
                                   key, jsonText(v)));
        out.kind = Bound::Kind::Date;
        return true;
    case FieldType::Integer:
        if (v.toString() == "this_year"_L1) {
            out.kind = Bound::Kind::ThisYear;
            return true;
        }
        [[fallthrough]];
    case FieldType::Decimal:
    case FieldType::MultipleChoice:
        if (!v.isDouble())
            return fail(where, u"%1 %2 must be a number%3"_s.arg(key, jsonText(v),
                                                                 f.type == FieldType::Integer
                                                                     ? u" or \"this_year\""_s
                                                                     : QString()));
        out.kind = Bound::Kind::Number;
        out.number = v.toDouble();
        return true;
    default:
        return fail(where, u"%1 applies to numbers, dates and multiple choices only, not %2"_s.arg(
                               key, fieldTypeName(f.type)));
    }
}

bool DefinitionReader::bounds(const QJsonObject &o, FieldDefinition &f, const QString &where)
{
    if (!bound(o, "min"_L1, f, f.minimum, where) || !bound(o, "max"_L1, f, f.maximum, where))
        return false;
    const Bound &lo = f.minimum, &hi = f.maximum;
    if (lo.kind == hi.kind && ((lo.kind == Bound::Kind::Number && lo.number > hi.number) ||
                               (lo.kind == Bound::Kind::Date && lo.date > hi.date)))
        return fail(where, u"min %1 is greater than max %2"_s.arg(jsonText(o.value("min"_L1)),
                                                                  jsonText(o.value("max"_L1))));
    if (f.type != FieldType::Text) {
        for (const auto key : {"min_length"_L1, "max_length"_L1}) {
            if (o.contains(key))
                return fail(where, u"%1 applies to text fields only, not %2"_s.arg(
                                       key, fieldTypeName(f.type)));
        }
        return true;
    }
    f.maxLength = FormDefinition::kDefaultMaxLength;
    if (!integer(o, "min_length"_L1, f.minLength, where) ||
        !integer(o, "max_length"_L1, f.maxLength, where))
        return false;
    if (f.minLength < 0 || f.maxLength < 0)
        return fail(where, u"min_length and max_length must not be negative"_s);
    if (f.minLength > f.maxLength)
        return fail(
            where,
            u"min_length %1 is greater than max_length %2"_s.arg(f.minLength).arg(f.maxLength));
    return true;
}

} // namespace gx::detail
