#pragma once

#include "core/formdefinition.h"
#include "core/localizedtext.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace gx {

/**
 * How strict validation is. A draft may be half filled and is saved whatever it holds; a
 * submission must also answer every required question that is relevant.
 */
enum class ValidationMode
{
    Draft,
    Submit
};

/** An error blocks submission; a warning is shown but never blocks anything. */
enum class Severity
{
    Error,
    Warning
};

/**
 * One finding about a record. `code` is stable (clients and tests match on it); `message` reads
 * well to an inspector and names the field by its label from the definition.
 *
 * Codes: unknown_entity, unknown_field (warning), type, option, required, min, max, min_length,
 * max_length, control_character, uscc, region, industry_code, phone, uuid, and the id of each
 * rule of the definition.
 */
struct ValidationIssue
{
    QString field; ///< the field's name; empty for issues of the whole record
    QString code;
    Severity severity = Severity::Error;
    LocalizedText message;

    friend bool operator==(const ValidationIssue &, const ValidationIssue &) = default;
};

/**
 * What validation needs from outside the definition, injected so that it has no global state
 * and tests control the clock: `today` resolves "today" and "this_year" bounds; `regionCodes`
 * are the codes a `region` check accepts (assets/regions).
 */
struct ValidationContext
{
    QDate today;
    QStringList regionCodes;
};

/**
 * Validates records against the survey definition. Used by the app (inline messages while a
 * field is edited, the list of problems before submitting) and by the server (each merged
 * record), so both sides judge a record the same way.
 *
 * What it does, field by field, in the definition's order:
 * - the JSON shape of each value per FieldType ("type"), choice values ("option"), bounds of
 *   numbers, dates and item counts ("min", "max"), text length in characters, i.e. Unicode code
 *   points ("min_length", "max_length"), control characters in text ("control_character"; line
 *   breaks and tabs are allowed in long text, i.e. a max_length over kLongTextLength), and the
 *   field's check (uscc, region, industry_code, phone, uuid: codes must be exact, without spaces);
 * - null, absent, "" and [] are "no answer": never an error in a draft; on Submit "required"
 *   when the field is required and relevant;
 * - a value of a field that is not relevant is kept and judged only by its type: bounds, checks,
 *   required and rules ignore it (rules treat it as absent);
 * - rules: skipped while `when` is false or any field their check reads has no (relevant)
 *   answer; otherwise a failing check reports the rule's id and message on the rule's field;
 * - a field the definition does not know is a warning ("unknown_field"): drafts begun on an
 *   older definition keep fields it has since dropped.
 */
class Validator
{
public:
    /** Text fields allowing more characters than this are long text: \n and \t are allowed. */
    static constexpr int kLongTextLength = 200;

    explicit Validator(const FormDefinition &definition, ValidationContext context);

    /** Every issue of a record of `entity` whose fields are `fields`. */
    [[nodiscard]] QList<ValidationIssue> validate(const QString &entity, const QJsonObject &fields,
                                                  ValidationMode mode) const;

    /**
     * The issues to show beside one field while it is edited: the field's own and those of the
     * rules reported on it. `record` is the whole record (relevance and rules read other fields).
     */
    [[nodiscard]] QList<ValidationIssue> validateField(const QString &entity, const QString &field,
                                                       const QJsonObject &record,
                                                       ValidationMode mode) const;

    /** True when any issue is an error (warnings do not count). */
    [[nodiscard]] static bool hasErrors(const QList<ValidationIssue> &issues);

    [[nodiscard]] const ValidationContext &context() const { return m_context; }

private:
    FormDefinition m_definition;
    ValidationContext m_context;
};

} // namespace gx
