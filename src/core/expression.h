#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace gx {

/** Why an expression of the survey definition could not be parsed. */
struct ExpressionError
{
    int position = 0; ///< 0-based character offset in the source where the problem was seen
    QString reason;   ///< English, for the author of the definition
};

/**
 * A condition of the survey definition (a field's relevance, a cross-field rule), parsed once
 * and evaluated against a record's fields many times. The language is small and safe: it reads
 * fields of one record and literals, never calls anything, and always terminates.
 *
 * Grammar (keywords are lower case):
 *
 *     expr    := and ('or' and)*
 *     and     := unary ('and' unary)*
 *     unary   := 'not' unary | compare
 *     compare := operand (('==' | '!=' | '<' | '<=' | '>' | '>=') operand
 *                        | 'in' set | 'not' 'in' set)?
 *     operand := NUMBER | STRING | 'true' | 'false' | 'null' | FIELD | '(' expr ')'
 *     set     := '[' (literal (',' literal)*)? ']' | FIELD
 *
 * STRING is in single or double quotes; FIELD is [a-z_][a-z0-9_]* and names a field of the same
 * record. Semantics, chosen so that a half-filled draft never makes a condition throw:
 * - a field that is absent or JSON null is null; `x == null` and `x != null` test for it;
 * - ordered comparisons (<, <=, >, >=) are false when either side is null or the two sides are
 *   of different kinds; numbers compare numerically, strings (e.g. ISO dates) by code point;
 * - `a in [..]` is true when a equals an element; when a is a list (a multiple choice) it is
 *   true when any of its elements is in the set; `a in field` looks in a list-valued field;
 * - and/or/not treat only `true` as true, so a condition over a missing field is false;
 * - `a != b` is exactly `not (a == b)` and `not in` is `not (.. in ..)`: both hold while a is null;
 * - `a in field` takes a field holding a single value as a set of one, and a null one as empty.
 *
 * A STRING has no escapes (write a quote of the other kind inside). Numbers may carry a minus
 * sign written directly before them. Sources longer than 2000 characters or nested deeper than
 * 32 levels (parentheses and `not`) are refused, so that evaluation stays cheap and bounded.
 */
class Expression
{
public:
    /** The empty expression: always true. A field without a relevance condition has it. */
    Expression();

    [[nodiscard]] static Result<Expression, ExpressionError> parse(const QString &source);

    /** True when the condition holds for the record (see the class comment for nulls). */
    [[nodiscard]] bool evaluate(const QJsonObject &record) const;

    /** The fields the expression reads, each once, in order of first mention. */
    [[nodiscard]] const QStringList &fields() const { return m_fields; }
    [[nodiscard]] const QString &source() const { return m_source; }
    [[nodiscard]] bool isEmpty() const { return !m_root; }

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
    QString m_source;
    QStringList m_fields;
};

} // namespace gx
