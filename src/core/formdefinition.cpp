#include "core/formdefinition.h"

#include "core/definitionreader.h"
#include "core/logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <iterator>
#include <utility>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

using detail::badName;
using detail::integerOf;
using detail::isName;

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

template <typename T>
const T *byName(const QList<T> &list, const QString &name)
{
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const T &item) { return item.name == name; });
    return it == list.end() ? nullptr : &*it;
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
 * Reads and checks the document, stopping at the first problem: the entities with their
 * sections and rules, and how entities and sections refer to each other. Fields and the typed
 * members come from DefinitionReader, whose steps return false the same way.
 */
class Loader : public detail::DefinitionReader
{
public:
    using DefinitionReader::DefinitionReader;

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
                      "scope"_L1, "fields"_L1, "sections"_L1, "rules"_L1},
                     where, u"entity"_s) ||
            !text(o, "label"_L1, e.label, where) || !string(o, "parent"_L1, e.parent, where) ||
            !string(o, "parent_field"_L1, e.parentField, where) ||
            !string(o, "title_field"_L1, e.titleField, where) ||
            !string(o, "scope"_L1, e.scope, where) ||
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
        if (!e.scope.isEmpty() && !e.isCityWide())
            return fail(where, u"scope '%1' is not \"city\" (or absent)"_s.arg(e.scope));
        if (e.isCityWide() && e.isRepeatGroup())
            return fail(where, u"a repeat group takes its parent's scope; it cannot be \"city\""_s);
        if (!e.parent.isEmpty() && !e.field(e.parentField))
            return fail(where,
                        u"parent_field '%1' is not a field of the entity"_s.arg(e.parentField));
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