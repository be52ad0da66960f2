#include "core/formdefinition.h"

#include "core/logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <initializer_list>
#include <utility>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr qint64 kMaxFileSize = 8 * 1024 * 1024;

const std::pair<FieldType, QLatin1StringView> kTypeNames[] = {
    {FieldType::Integer, "integer"_L1},
    {FieldType::Decimal, "decimal"_L1},
    {FieldType::Bool, "bool"_L1},
    {FieldType::Text, "text"_L1},
    {FieldType::Date, "date"_L1},
    {FieldType::SingleChoice, "single_choice"_L1},
    {FieldType::MultipleChoice, "multiple_choice"_L1},
    {FieldType::Photo, "photo"_L1},
    {FieldType::Location, "location"_L1},
};

const std::pair<FieldCheck, QLatin1StringView> kCheckNames[] = {
    {FieldCheck::None, "none"_L1},     {FieldCheck::Uscc, "uscc"_L1},
    {FieldCheck::Region, "region"_L1}, {FieldCheck::IndustryCode, "industry_code"_L1},
    {FieldCheck::Phone, "phone"_L1},   {FieldCheck::Uuid, "uuid"_L1},
};

template <typename E, std::size_t N>
QString nameOf(const std::pair<E, QLatin1StringView> (&table)[N], E value)
{
    const auto it = std::find_if(std::begin(table), std::end(table),
                                 [&](const auto &entry) { return entry.first == value; });
    return it == std::end(table) ? QString() : QString(it->second);
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::pair<E, QLatin1StringView> (&table)[N], const QString &name)
{
    for (const auto &[value, n] : table) {
        if (n == name)
            return value;
    }
    return std::nullopt;
}

/** The words of the expression language, which could not be read as field names. */
const QLatin1StringView kKeywords[] = {"and"_L1,  "or"_L1,    "not"_L1, "in"_L1,
                                       "true"_L1, "false"_L1, "null"_L1};

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

template <typename T>
const T *byName(const QList<T> &list, const QString &name)
{
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const T &item) { return item.name == name; });
    return it == list.end() ? nullptr : &*it;
}

bool isChoice(FieldType type)
{
    return type == FieldType::SingleChoice || type == FieldType::MultipleChoice;
}

/** The value of a JSON number without a fraction, else nothing. */
std::optional<qint64> integerOf(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (std::floor(d) != d || std::fabs(d) > 9.0e15)
        return std::nullopt;
    return qint64(d);
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return u"'%1'"_s.arg(v.toString());
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

/** The parts of a FormDefinition, filled by the Loader. */
struct Parsed
{
    QString id;
    int version = 0;
    LocalizedText title;
    QList<EntityDefinition> entities;
};

/**
 * Reads and checks the document, stopping at the first problem. Each step returns false once
 * fail() has recorded the problem; `where` is the DefinitionError::field of what is read.
 */
class Loader
{
public:
    explicit Loader(QString file)
        : m_file(std::move(file))
    {}

    const DefinitionError &error() const { return *m_error; }

    bool document(const QJsonObject &doc, Parsed &out)
    {
        if (!members(doc, {"form"_L1, "version"_L1, "title"_L1, "entities"_L1}, QString(),
                     u"the document"_s))
            return false;
        out.id = doc.value("form"_L1).toString();
        if (out.id.isEmpty())
            return fail(QString(), u"missing form id (\"form\": a non-empty string)"_s);
        const std::optional<qint64> version = integerOf(doc.value("version"_L1));
        if (!version || *version <= 0 || *version > 1'000'000)
            return fail(QString(), u"missing version (a positive integer)"_s);
        out.version = int(*version);
        QJsonArray entities;
        if (!text(doc, "title"_L1, out.title, QString()) ||
            !array(doc, "entities"_L1, entities, QString(), u"the document"_s))
            return false;
        if (entities.isEmpty())
            return fail(QString(), u"no entities"_s);
        for (qsizetype i = 0; i < entities.size(); ++i) {
            if (!entities.at(i).isObject())
                return fail(QString(), u"entities[%1] is not an object"_s.arg(i));
            EntityDefinition e;
            if (!entity(entities.at(i).toObject(), e))
                return false;
            if (byName(out.entities, e.name))
                return fail(e.name, u"duplicate entity '%1'"_s.arg(e.name));
            out.entities.append(std::move(e));
        }
        return relations(out.entities);
    }

private:
    bool fail(const QString &where, const QString &reason)
    {
        if (!m_error)
            m_error = DefinitionError{m_file, where, reason};
        return false;
    }

    bool members(const QJsonObject &o, std::initializer_list<QLatin1StringView> allowed,
                 const QString &where, const QString &what)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key();
            if (key != "comment"_L1 &&
                std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                return fail(where, u"unknown member '%1' in %2"_s.arg(key, what));
        }
        return true;
    }

    bool string(const QJsonObject &o, QLatin1StringView key, QString &out, const QString &where,
                bool required = false)
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

    bool boolean(const QJsonObject &o, QLatin1StringView key, bool &out, const QString &where)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isBool())
            return fail(where, u"'%1' must be a boolean"_s.arg(key));
        out = v.toBool();
        return true;
    }

    bool integer(const QJsonObject &o, QLatin1StringView key, int &out, const QString &where)
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

    bool array(const QJsonObject &o, QLatin1StringView key, QJsonArray &out, const QString &where,
               const QString &what)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return true;
        if (!v.isArray())
            return fail(where, u"'%1' of %2 must be an array"_s.arg(key, what));
        out = v.toArray();
        return true;
    }

    bool text(const QJsonObject &o, QLatin1StringView key, LocalizedText &out, const QString &where,
              bool required = true)
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

    bool expression(const QJsonObject &o, QLatin1StringView key, Expression &out,
                    const QString &where, const QString &prefix = QString())
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

    bool reads(const Expression &expression, const EntityDefinition &entity, const QString &where,
               const QString &what)
    {
        for (const QString &name : expression.fields()) {
            if (!entity.field(name))
                return fail(where, u"%1 reads the unknown field '%2'"_s.arg(what, name));
        }
        return true;
    }

    bool entity(const QJsonObject &o, EntityDefinition &e)
    {
        if (!string(o, "name"_L1, e.name, QString(), true))
            return false;
        if (!isName(e.name))
            return fail(QString(), badName(u"entity name"_s, e.name));
        const QString where = e.name;
        QJsonArray fields, sections, rules;
        if (!members(o,
                     {"name"_L1, "label"_L1, "parent"_L1, "parent_field"_L1, "title_field"_L1,
                      "fields"_L1, "sections"_L1, "rules"_L1},
                     where, u"entity"_s) ||
            !text(o, "label"_L1, e.label, where) || !string(o, "parent"_L1, e.parent, where) ||
            !string(o, "parent_field"_L1, e.parentField, where) ||
            !string(o, "title_field"_L1, e.titleField, where) ||
            !array(o, "fields"_L1, fields, where, u"entity"_s) ||
            !array(o, "sections"_L1, sections, where, u"entity"_s) ||
            !array(o, "rules"_L1, rules, where, u"entity"_s))
            return false;
        for (const QJsonValue &v : std::as_const(fields)) {
            if (!field(v, e))
                return false;
        }
        for (const QJsonValue &v : std::as_const(sections)) {
            if (!section(v, e))
                return false;
        }
        if (e.fields.isEmpty())
            return fail(where, u"the entity has no fields"_s);
        // Expressions may read fields declared after them: check them once all are known.
        for (const FieldDefinition &f : std::as_const(e.fields)) {
            if (!reads(f.relevant, e, where + u'.' + f.name, u"relevant"_s))
                return false;
        }
        for (const QJsonValue &v : std::as_const(rules)) {
            if (!rule(v, e))
                return false;
        }
        if (!e.titleField.isEmpty() && !e.field(e.titleField))
            return fail(where,
                        u"title_field '%1' is not a field of the entity"_s.arg(e.titleField));
        if (e.parent.isEmpty() && !e.parentField.isEmpty())
            return fail(where, u"parent_field is set but parent is not"_s);
        if (!e.parent.isEmpty() && !e.field(e.parentField))
            return fail(where,
                        u"parent_field '%1' is not a field of the entity"_s.arg(e.parentField));
        return true;
    }

    bool field(const QJsonValue &v, EntityDefinition &e)
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
            return fail(e.name,
                        u"field name '%1' is a word of the expression language"_s.arg(f.name));
        const QString where = e.name + u'.' + f.name;
        if (e.field(f.name))
            return fail(where, u"duplicate field '%1'"_s.arg(f.name));
        QString type, check;
        if (!members(o,
                     {"name"_L1, "type"_L1, "label"_L1, "hint"_L1, "unit"_L1, "options"_L1,
                      "min"_L1, "max"_L1, "min_length"_L1, "max_length"_L1, "required"_L1,
                      "relevant"_L1, "check"_L1},
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
            !expression(o, "relevant"_L1, f.relevant, where) ||
            !string(o, "check"_L1, check, where) || !options(o, f, where) || !bounds(o, f, where))
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

    bool options(const QJsonObject &o, FieldDefinition &f, const QString &where)
    {
        QJsonArray options;
        if (!array(o, "options"_L1, options, where, u"field"_s))
            return false;
        if (!isChoice(f.type)) {
            if (o.contains("options"_L1))
                return fail(where, u"options apply to choice fields only, not %1"_s.arg(
                                       fieldTypeName(f.type)));
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
                return fail(where,
                            u"options mix strings and integers (%1)"_s.arg(jsonText(c.value)));
            if (f.option(c.value))
                return fail(where, u"duplicate option value %1"_s.arg(jsonText(c.value)));
            f.options.append(std::move(c));
        }
        return true;
    }

    bool bound(const QJsonObject &o, QLatin1StringView key, FieldDefinition &f, Bound &out,
               const QString &where)
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
            return fail(where,
                        u"%1 applies to numbers, dates and multiple choices only, not %2"_s.arg(
                            key, fieldTypeName(f.type)));
        }
    }

    bool bounds(const QJsonObject &o, FieldDefinition &f, const QString &where)
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

    bool section(const QJsonValue &v, EntityDefinition &e)
    {
        if (!v.isObject())
            return fail(e.name, u"a section is not an object"_s);
        const QJsonObject o = v.toObject();
        SectionDefinition s;
        if (!string(o, "id"_L1, s.id, e.name, true))
            return false;
        const QString what = u"section '%1'"_s.arg(s.id);
        if (!isName(s.id))
            return fail(e.name, badName(u"section id"_s, s.id));
        for (const SectionDefinition &other : std::as_const(e.sections)) {
            if (other.id == s.id)
                return fail(e.name, u"duplicate section '%1'"_s.arg(s.id));
        }
        QJsonArray fields;
        if (!members(o, {"id"_L1, "label"_L1, "fields"_L1, "repeat"_L1}, e.name, what) ||
            !text(o, "label"_L1, s.label, e.name) || !string(o, "repeat"_L1, s.repeat, e.name) ||
            !array(o, "fields"_L1, fields, e.name, what))
            return false;
        if (!s.repeat.isEmpty() && !fields.isEmpty())
            return fail(e.name, u"%1 has both fields and repeat"_s.arg(what));
        if (s.repeat.isEmpty() && fields.isEmpty())
            return fail(e.name, u"%1 has neither fields nor repeat"_s.arg(what));
        for (const QJsonValue &f : std::as_const(fields)) {
            if (!field(f, e))
                return false;
            s.fields.append(e.fields.last().name);
        }
        e.sections.append(std::move(s));
        return true;
    }

    bool rule(const QJsonValue &v, EntityDefinition &e)
    {
        if (!v.isObject())
            return fail(e.name, u"a rule is not an object"_s);
        const QJsonObject o = v.toObject();
        RuleDefinition r;
        if (!string(o, "id"_L1, r.id, e.name, true))
            return false;
        const QString what = u"rule '%1'"_s.arg(r.id);
        if (!isName(r.id))
            return fail(e.name, badName(u"rule id"_s, r.id));
        for (const RuleDefinition &other : std::as_const(e.rules)) {
            if (other.id == r.id)
                return fail(e.name, u"duplicate rule '%1'"_s.arg(r.id));
        }
        const QString prefix = what + u": "_s;
        if (!members(o, {"id"_L1, "field"_L1, "when"_L1, "check"_L1, "message"_L1}, e.name, what) ||
            !string(o, "field"_L1, r.field, e.name) ||
            !expression(o, "when"_L1, r.when, e.name, prefix) ||
            !expression(o, "check"_L1, r.check, e.name, prefix) ||
            !text(o, "message"_L1, r.message, e.name))
            return false;
        if (!e.field(r.field))
            return fail(e.name, u"%1: unknown field '%2'"_s.arg(what, r.field));
        if (r.check.isEmpty())
            return fail(e.name, u"%1: the check is empty"_s.arg(what));
        if (!reads(r.when, e, e.name, prefix + u"when"_s) ||
            !reads(r.check, e, e.name, prefix + u"check"_s))
            return false;
        e.rules.append(std::move(r));
        return true;
    }

    bool relations(const QList<EntityDefinition> &entities)
    {
        auto find = [&](const QString &name) {
            return byName(entities, name);
        };
        for (const EntityDefinition &e : entities) {
            if (e.isRepeatGroup() && !find(e.parent))
                return fail(e.name, u"parent '%1' is not an entity"_s.arg(e.parent));
            const EntityDefinition *up = &e;
            for (qsizetype steps = 0; up && up->isRepeatGroup(); ++steps) {
                up = find(up->parent);
                if (up == &e || steps > entities.size())
                    return fail(e.name, u"the entity is its own ancestor"_s);
            }
        }
        for (const EntityDefinition &e : entities) {
            for (const SectionDefinition &s : e.sections) {
                if (s.repeat.isEmpty())
                    continue;
                const EntityDefinition *child = find(s.repeat);
                if (!child)
                    return fail(e.name, u"section '%1' repeats '%2', which is not an entity"_s.arg(
                                            s.id, s.repeat));
                if (child->parent != e.name)
                    return fail(e.name,
                                u"section '%1' repeats '%2', whose parent is not '%3'"_s.arg(
                                    s.id, s.repeat, e.name));
            }
        }
        return true;
    }

    QString m_file;
    std::optional<DefinitionError> m_error;
};

} // namespace

QString fieldTypeName(FieldType type)
{
    return nameOf(kTypeNames, type);
}
std::optional<FieldType> fieldTypeFromName(const QString &name)
{
    return valueOf(kTypeNames, name);
}
QString fieldCheckName(FieldCheck check)
{
    return nameOf(kCheckNames, check);
}
std::optional<FieldCheck> fieldCheckFromName(const QString &name)
{
    return valueOf(kCheckNames, name);
}

const ChoiceOption *FieldDefinition::option(const QJsonValue &v) const
{
    for (const ChoiceOption &o : options) {
        if (o.value.isDouble() && v.isDouble() ? o.value.toDouble() == v.toDouble() : o.value == v)
            return &o;
    }
    return nullptr;
}

const FieldDefinition *EntityDefinition::field(const QString &fieldName) const
{
    return byName(fields, fieldName);
}

const EntityDefinition *FormDefinition::entity(const QString &name) const
{
    return byName(m_entities, name);
}

QString DefinitionError::toString() const
{
    return field.isEmpty() ? u"%1: %2"_s.arg(file, reason)
                           : u"%1: %2: %3"_s.arg(file, field, reason);
}

Result<FormDefinition, DefinitionError> FormDefinition::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        DefinitionError error{path, QString(), u"cannot open: %1"_s.arg(file.errorString())};
        qCWarning(lcCore).noquote() << "form definition refused:" << error.toString();
        return error;
    }
    if (file.size() > kMaxFileSize)
        return DefinitionError{path, QString(), u"larger than %1 bytes"_s.arg(kMaxFileSize)};
    return fromJson(file.readAll(), path);
}

Result<FormDefinition, DefinitionError> FormDefinition::fromJson(const QByteArray &json,
                                                                 const QString &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    std::optional<DefinitionError> error;
    Parsed parsed;
    Loader loader(sourceName);
    if (parseError.error != QJsonParseError::NoError)
        error = DefinitionError{sourceName, QString(),
                                u"not valid JSON: %1 at offset %2"_s.arg(
                                    parseError.errorString(), QString::number(parseError.offset))};
    else if (!doc.isObject())
        error = DefinitionError{sourceName, QString(), u"the document is not a JSON object"_s};
    else if (!loader.document(doc.object(), parsed))
        error = loader.error();
    if (error) {
        qCWarning(lcCore).noquote() << "form definition refused:" << error->toString();
        return *error;
    }
    FormDefinition form;
    form.m_id = parsed.id;
    form.m_version = parsed.version;
    form.m_title = parsed.title;
    form.m_entities = std::move(parsed.entities);
    form.m_json = doc.object();
    return form;
}

} // namespace gx
