#pragma once

#include "core/expression.h"
#include "core/localizedtext.h"
#include "core/result.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gx {

/** The kinds of answer a field takes; each maps to one JSON shape (see FieldDefinition). */
enum class FieldType
{
    Integer,        ///< JSON number with no fraction
    Decimal,        ///< JSON number
    Bool,           ///< JSON true/false
    Text,           ///< JSON string
    Date,           ///< JSON string "yyyy-MM-dd"
    SingleChoice,   ///< one option value (string or integer, as the options declare)
    MultipleChoice, ///< JSON array of distinct option values
    Photo,          ///< JSON string: the lower-case hex sha256 of the photo blob
    Location,       ///< JSON object {"lat": degrees, "lon": degrees} (WGS-84)
};

/** The name used in the definition's JSON ("integer", "single_choice", ...). */
[[nodiscard]] QString fieldTypeName(FieldType type);
[[nodiscard]] std::optional<FieldType> fieldTypeFromName(const QString &name);

/** Extra checks of a text field's content beyond its type and length. */
enum class FieldCheck
{
    None,
    Uscc,         ///< unified social credit code, GB 32100-2015 (with its GB 11714 org code)
    Region,       ///< one of the region codes of assets/regions (the validator is told them)
    IndustryCode, ///< GB/T 4754-2017 industry class, 4 digits
    Phone,        ///< a mainland mobile or landline number
    Uuid,         ///< a record id made by a device
};

[[nodiscard]] QString fieldCheckName(FieldCheck check);
[[nodiscard]] std::optional<FieldCheck> fieldCheckFromName(const QString &name);

/**
 * A lower or upper bound of a number, a year or a date. Besides fixed values a bound may be
 * "today" (dates) or "this_year" (years): the validator resolves those with its injected date,
 * so that the definition does not go stale.
 */
struct Bound
{
    enum class Kind
    {
        None,
        Number,
        Date,
        Today,
        ThisYear
    };
    Kind kind = Kind::None;
    double number = 0;
    QDate date;

    [[nodiscard]] bool isSet() const { return kind != Kind::None; }
};

struct ChoiceOption
{
    QJsonValue value; ///< a string, or an integer for coded levels such as digital_level
    LocalizedText label;
};

/**
 * One question of the survey. Its JSON form in assets/forms:
 *
 *     {"name": "key_processes_cnc", "type": "integer",
 *      "label": {"zh_CN": "...", "en": "..."}, "hint": {...}, "unit": {...},
 *      "options": [{"value": "x", "label": {...}}],        (choices only)
 *      "min": 0, "max": 1000,        (numbers; dates take "yyyy-MM-dd" or "today";
 *                                     years may take "this_year"; multiple choice: item count)
 *      "min_length": 1, "max_length": 200,                  (text; characters)
 *      "required": true,             (on submission, and only while the field is relevant)
 *      "relevant": "design_tools == true",
 *      "check": "uscc|region|industry_code|phone|uuid"}
 */
struct FieldDefinition
{
    QString name;
    FieldType type = FieldType::Text;
    LocalizedText label;
    LocalizedText hint;
    LocalizedText unit;
    QList<ChoiceOption> options;
    Bound minimum;
    Bound maximum;
    int minLength = 0;
    int maxLength = 0; ///< for text; FormDefinition::kDefaultMaxLength when not given
    bool required = false;
    Expression relevant;
    FieldCheck check = FieldCheck::None;

    /** The option whose value equals v, or nullptr. */
    [[nodiscard]] const ChoiceOption *option(const QJsonValue &v) const;
};

/**
 * A cross-field rule: when `when` holds (always, if empty) `check` must hold, else `message`
 * is reported on `field`. A rule speaks only of values that are present: it is skipped while
 * any field that `check` reads is null (missing values are the business of "required").
 */
struct RuleDefinition
{
    QString id;
    QString field;
    Expression when;
    Expression check;
    LocalizedText message;
};

/** A page of the form. A repeat section shows the rows of a child entity instead of fields. */
struct SectionDefinition
{
    QString id;
    LocalizedText label;
    QStringList fields; ///< names of fields of the entity, in display order
    QString repeat;     ///< the child entity listed here (e.g. "equipment"), or empty
};

/**
 * A kind of record (enterprise, survey, equipment, key_process). A repeat group is an entity
 * with a parent: each row is a record of its own whose `parentField` holds the parent's id.
 */
struct EntityDefinition
{
    QString name;
    LocalizedText label;
    QString parent;      ///< the parent entity of a repeat group, else empty
    QString parentField; ///< the field that holds the parent's id, else empty
    QString titleField;  ///< the field that names a row in lists
    /**
     * Who a record of the entity belongs to: empty for the survey's records (a region, an
     * enterprise), "city" for the catalogue's (every user reads them; office and admin write).
     */
    QString scope;
    QList<FieldDefinition> fields;
    QList<SectionDefinition> sections;
    QList<RuleDefinition> rules;

    [[nodiscard]] const FieldDefinition *field(const QString &name) const;
    [[nodiscard]] bool isRepeatGroup() const { return !parent.isEmpty(); }
    [[nodiscard]] bool isCityWide() const { return scope == kCityScope; }

    /** The one value of `scope` besides the default. */
    static constexpr QLatin1StringView kCityScope{"city"};
};

/** Why a survey definition was refused: which file, which field, and what is wrong with it. */
struct DefinitionError
{
    QString file;
    QString field; ///< "entity.field", "entity", or "" for the document itself
    QString reason;

    /** "file: field: reason", for logs and the command line. */
    [[nodiscard]] QString toString() const;
};

/**
 * The versioned survey definition (assets/forms/survey.vN.json). The app renders its form from
 * it and the server validates every mutation against it, so a new optional field needs no code.
 *
 * Loading checks the whole document and refuses a broken one with the first problem found:
 * unknown types or checks, duplicate names, choices without options, bounds the wrong way round,
 * sections naming fields that do not exist, relevance or rule expressions that do not parse or
 * read unknown fields, repeat groups whose parent is unknown.
 */
class FormDefinition
{
public:
    static constexpr int kDefaultMaxLength = 500;
    static constexpr int kMaxNameLength = 64;

    [[nodiscard]] static Result<FormDefinition, DefinitionError> load(const QString &path);
    [[nodiscard]] static Result<FormDefinition, DefinitionError>
    fromJson(const QByteArray &json, const QString &sourceName);

    /** The form's id, e.g. "lishui-equipment-renewal". */
    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] const LocalizedText &title() const { return m_title; }
    [[nodiscard]] const QList<EntityDefinition> &entities() const { return m_entities; }
    [[nodiscard]] const EntityDefinition *entity(const QString &name) const;
    /** The document as loaded, e.g. for GET /api/v1/forms/current. */
    [[nodiscard]] const QJsonObject &json() const { return m_json; }

private:
    QString m_id;
    int m_version = 0;
    LocalizedText m_title;
    QList<EntityDefinition> m_entities;
    QJsonObject m_json;
};

} // namespace gx
