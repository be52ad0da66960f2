#pragma once

#include <QJsonObject>
#include <QString>

namespace gx {

/**
 * The text of `QJsonDocument(object).toJson(QJsonDocument::Compact)`, as a QString, written
 * directly in UTF-16. The server stores every record's fields and meta, and every mutation's
 * result, as compact JSON text; Qt's writer produces UTF-8 that the caller then converts back to
 * a QString for QtSql, and this costs a tenth of a push. Same text as Qt's writer, character for
 * character: keys in the object's order, integers as integers, doubles in their shortest form,
 * non-finite numbers as null, control characters, quote and backslash escaped, a lone surrogate
 * as \uXXXX, everything else verbatim.
 */
[[nodiscard]] QString toCompactJson(const QJsonObject &object);

/** The same for an array. */
[[nodiscard]] QString toCompactJson(const QJsonArray &array);

/** Appends `text` as a JSON string, quoted and escaped as toCompactJson() does. */
void appendJsonString(QString &out, QStringView text);

} // namespace gx
