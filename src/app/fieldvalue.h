#pragma once

#include "core/formdefinition.h"
#include "core/localizedtext.h"
#include "core/result.h"

#include <QJsonValue>
#include <QString>
#include <QVariant>

namespace gx {

/**
 * Turns what an editor of the survey form hands over (typed text, a number, a list of choices,
 * a {lat, lon} map) into the JSON value a field of the definition stores, and a stored value back
 * into text for a person. Input that does not parse is refused with a message in both languages
 * (e.g. "12a" for an integer), so that the form saves nothing and says why beside the field.
 *
 * Empty input ("", an empty list, an empty map) parses to null: the field has no answer.
 * Bounds, required and the definition's rules are the Validator's business, not this.
 */
class FieldValue
{
public:
    /** The stored JSON value of the input, or why it does not parse. */
    [[nodiscard]] static Result<QJsonValue, LocalizedText> parse(const FieldDefinition &field,
                                                                 const QVariant &input);

    /** The value as a person reads it (option labels, 是/否, "lat, lon"); "" when unanswered. */
    [[nodiscard]] static QString display(const FieldDefinition &field, const QJsonValue &value,
                                         Language language);

    /** A number as the form writes it: no exponent, no trailing zeros, '.' as decimal point. */
    [[nodiscard]] static QString formatNumber(double value);
};

} // namespace gx
