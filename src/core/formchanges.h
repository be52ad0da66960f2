#pragma once

#include "core/formdefinition.h"
#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gx {

/**
 * One difference between two versions of the survey definition, as a publish lists it
 * (POST /api/v1/forms: {"kind","entity","field"}). `entity` is empty for the document's own
 * title; `field` names the field, section or rule concerned (the kind says which), and is empty
 * for an entity or the title.
 */
struct FormChange
{
    enum class Kind
    {
        EntityAdded,    ///< a new entity (its fields are not listed one by one)
        EntityChanged,  ///< an entity's label or title field
        FieldAdded,     ///< a new field of an existing entity
        FieldChanged,   ///< label, hint, unit, limits, required or relevance of a field
        OptionAdded,    ///< a new option of a choice field (`field` is the field)
        SectionAdded,   ///< a new section (`field` is its id)
        SectionChanged, ///< a section's label, or which fields it shows in which order
        RuleAdded,      ///< a new cross-field rule (`field` is its id)
        RuleChanged,    ///< a rule's field, condition, check or message
        RuleRemoved,    ///< a rule dropped: it refuses less
        TitleChanged,   ///< the survey's title
    };

    Kind kind = Kind::FieldAdded;
    QString entity;
    QString field;

    /** {"kind","entity","field"}, empty texts as null. */
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const FormChange &, const FormChange &) = default;
};

/** The kind's name on the wire: "entity_added", "field_added", "option_added", ... */
[[nodiscard]] QString formChangeKindName(FormChange::Kind kind);
[[nodiscard]] std::optional<FormChange::Kind> formChangeKindFromName(QStringView name);

/** The changes as a JSON array of toJson(). */
[[nodiscard]] QJsonArray formChangesToJson(const QList<FormChange> &changes);

/**
 * Why a new version cannot follow the old one: what it takes away or redefines, so that a
 * record written under the old one would no longer read the same. `field` names it the way
 * DefinitionError does ("entity.field", "entity.section", "entity", or "form"); `reason` is a
 * sentence for a person.
 */
struct FormIncompatibility
{
    QString field;
    QString reason;
    friend bool operator==(const FormIncompatibility &, const FormIncompatibility &) = default;
};

/**
 * The changes from `from` to `to`, or the first incompatibility found.
 *
 * A later version may only add: entities, fields, options, sections and rules; it may change
 * labels, hints, units, limits, `required`, relevance and rules, drop rules, and move fields
 * between sections. It may not remove an entity, a field, an option or a section, change a
 * field's type or its content check, change the parent of a repeat group or the form's id.
 * The version numbers are not compared (that is the caller's, who knows the current one).
 * Changes are listed in the order of `to`: per entity its own change, then its fields, then its
 * sections, then its rules; the title's change first.
 */
[[nodiscard]] Result<QList<FormChange>, FormIncompatibility>
compareForms(const FormDefinition &from, const FormDefinition &to);

} // namespace gx
