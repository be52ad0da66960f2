#include "core/formchanges.h"

#include <QHash>

#include <array>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr std::array kKindNames{
    "entity_added"_L1, "entity_changed"_L1, "field_added"_L1,     "field_changed"_L1,
    "option_added"_L1, "section_added"_L1,  "section_changed"_L1, "rule_added"_L1,
    "rule_changed"_L1, "rule_removed"_L1,   "title_changed"_L1,
};

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject withoutComment(QJsonObject o)
{
    o.remove("comment"_L1);
    return o;
}

/**
 * The JSON of one entity as written in the definition: its fields (wherever declared), its
 * sections (with the names of their fields instead of the fields), its rules and its own members.
 */
struct EntityJson
{
    QHash<QString, QJsonObject> fields;
    QHash<QString, QJsonObject> sections;
    QHash<QString, QJsonObject> rules;
    QJsonObject own;
};

EntityJson entityJson(const FormDefinition &form, const QString &name)
{
    EntityJson out;
    const QJsonArray entities = form.json().value("entities"_L1).toArray();
    for (const QJsonValue &ev : entities) {
        const QJsonObject e = ev.toObject();
        if (e.value("name"_L1).toString() != name)
            continue;
        for (const QJsonValue &f : e.value("fields"_L1).toArray())
            out.fields.insert(f["name"_L1].toString(), withoutComment(f.toObject()));
        for (const QJsonValue &sv : e.value("sections"_L1).toArray()) {
            QJsonObject s = withoutComment(sv.toObject());
            QJsonArray names;
            for (const QJsonValue &f : s.value("fields"_L1).toArray()) {
                out.fields.insert(f["name"_L1].toString(), withoutComment(f.toObject()));
                names.append(f["name"_L1].toString());
            }
            s.insert("fields"_L1, names);
            out.sections.insert(s.value("id"_L1).toString(), s);
        }
        for (const QJsonValue &r : e.value("rules"_L1).toArray())
            out.rules.insert(r["id"_L1].toString(), withoutComment(r.toObject()));
        QJsonObject own = withoutComment(e);
        own.remove("fields"_L1);
        own.remove("sections"_L1);
        own.remove("rules"_L1);
        out.own = own;
    }
    return out;
}

/** Compares one entity present in both versions; appends to changes or returns the refusal. */
class EntityComparison
{
public:
    EntityComparison(const EntityDefinition &from, const EntityDefinition &to,
                     const FormDefinition &fromForm, const FormDefinition &toForm)
        : m_from(from)
        , m_to(to)
        , m_fromJson(entityJson(fromForm, from.name))
        , m_toJson(entityJson(toForm, to.name))
    {}

    [[nodiscard]] std::optional<FormIncompatibility> run(QList<FormChange> &changes)
    {
        const QString &e = m_to.name;
        if (m_from.parent != m_to.parent || m_from.parentField != m_to.parentField)
            return FormIncompatibility{e, u"changes the parent of the repeat group"_s};
        if (m_from.scope != m_to.scope)
            return FormIncompatibility{e, u"changes the scope of the entity"_s};
        if (auto refusal = removals())
            return refusal;
        if (m_fromJson.own != m_toJson.own)
            changes.append({FormChange::Kind::EntityChanged, e, QString()});
        for (const FieldDefinition &field : m_to.fields) {
            if (auto refusal = compareField(field, changes))
                return refusal;
        }
        for (const SectionDefinition &section : m_to.sections) {
            if (!m_fromJson.sections.contains(section.id))
                changes.append({FormChange::Kind::SectionAdded, e, section.id});
            else if (m_fromJson.sections.value(section.id) != m_toJson.sections.value(section.id))
                changes.append({FormChange::Kind::SectionChanged, e, section.id});
        }
        for (const RuleDefinition &rule : m_to.rules) {
            if (!m_fromJson.rules.contains(rule.id))
                changes.append({FormChange::Kind::RuleAdded, e, rule.id});
            else if (m_fromJson.rules.value(rule.id) != m_toJson.rules.value(rule.id))
                changes.append({FormChange::Kind::RuleChanged, e, rule.id});
        }
        for (const RuleDefinition &rule : m_from.rules) {
            if (!m_toJson.rules.contains(rule.id))
                changes.append({FormChange::Kind::RuleRemoved, e, rule.id});
        }
        return std::nullopt;
    }

private:
    /** The first field, option or section of `from` that `to` lacks, or a redefined field. */
    [[nodiscard]] std::optional<FormIncompatibility> removals() const
    {
        const QString &e = m_from.name;
        for (const FieldDefinition &old : m_from.fields) {
            const QString where = e + u'.' + old.name;
            const FieldDefinition *now = m_to.field(old.name);
            if (!now)
                return FormIncompatibility{where, u"removes the field"_s};
            if (now->type != old.type)
                return FormIncompatibility{where,
                                           u"changes the field's type from %1 to %2"_s.arg(
                                               fieldTypeName(old.type), fieldTypeName(now->type))};
            if (now->check != old.check)
                return FormIncompatibility{
                    where, u"changes the field's check from %1 to %2"_s.arg(
                               fieldCheckName(old.check), fieldCheckName(now->check))};
            for (const ChoiceOption &option : old.options) {
                if (!now->option(option.value))
                    return FormIncompatibility{
                        where, u"removes the option %1"_s.arg(option.value.toVariant().toString())};
            }
        }
        for (const SectionDefinition &section : m_from.sections) {
            if (!m_toJson.sections.contains(section.id))
                return FormIncompatibility{e + u'.' + section.id, u"removes the section"_s};
        }
        return std::nullopt;
    }

    [[nodiscard]] std::optional<FormIncompatibility> compareField(const FieldDefinition &field,
                                                                  QList<FormChange> &changes) const
    {
        const QString &e = m_to.name;
        const FieldDefinition *old = m_from.field(field.name);
        if (!old) {
            changes.append({FormChange::Kind::FieldAdded, e, field.name});
            return std::nullopt;
        }
        QJsonObject before = m_fromJson.fields.value(field.name);
        QJsonObject after = m_toJson.fields.value(field.name);
        const bool optionsAdded = field.options.size() > old->options.size();
        if (optionsAdded)
            changes.append({FormChange::Kind::OptionAdded, e, field.name});
        // An option's label changing is a change of the field; an option added is listed above.
        if (optionsAdded) {
            QJsonArray kept;
            for (const QJsonValue &option : after.value("options"_L1).toArray()) {
                if (old->option(option["value"_L1]))
                    kept.append(option);
            }
            after.insert("options"_L1, kept);
        }
        if (before != after)
            changes.append({FormChange::Kind::FieldChanged, e, field.name});
        return std::nullopt;
    }

    const EntityDefinition &m_from;
    const EntityDefinition &m_to;
    EntityJson m_fromJson;
    EntityJson m_toJson;
};

} // namespace

QJsonObject FormChange::toJson() const
{
    return QJsonObject{{u"kind"_s, formChangeKindName(kind)},
                       {u"entity"_s, nullIfEmpty(entity)},
                       {u"field"_s, nullIfEmpty(field)}};
}

QString formChangeKindName(FormChange::Kind kind)
{
    return QString(kKindNames.at(static_cast<std::size_t>(kind)));
}

std::optional<FormChange::Kind> formChangeKindFromName(QStringView name)
{
    for (std::size_t i = 0; i < kKindNames.size(); ++i) {
        if (name == kKindNames.at(i))
            return static_cast<FormChange::Kind>(i);
    }
    return std::nullopt;
}

QJsonArray formChangesToJson(const QList<FormChange> &changes)
{
    QJsonArray out;
    for (const FormChange &change : changes)
        out.append(change.toJson());
    return out;
}

Result<QList<FormChange>, FormIncompatibility> compareForms(const FormDefinition &from,
                                                            const FormDefinition &to)
{
    if (from.id() != to.id())
        return FormIncompatibility{
            u"form"_s, u"changes the form's id from %1 to %2"_s.arg(from.id(), to.id())};
    for (const EntityDefinition &old : from.entities()) {
        if (!to.entity(old.name))
            return FormIncompatibility{old.name, u"removes the entity"_s};
    }
    QList<FormChange> changes;
    if (from.json().value("title"_L1) != to.json().value("title"_L1))
        changes.append({FormChange::Kind::TitleChanged, QString(), QString()});
    for (const EntityDefinition &entity : to.entities()) {
        const EntityDefinition *old = from.entity(entity.name);
        if (!old) {
            changes.append({FormChange::Kind::EntityAdded, entity.name, QString()});
            continue;
        }
        if (auto refusal = EntityComparison(*old, entity, from, to).run(changes))
            return *refusal;
    }
    return changes;
}

} // namespace gx
