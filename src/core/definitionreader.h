#pragma once

#include "core/expression.h"
#include "core/formdefinition.h"
#include "core/localizedtext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <initializer_list>
#include <optional>

/**
 * Internal to gengxin_core (not part of its API; include it only from src/core): the reading of
 * the parts of a survey definition (formdefinition.h) — members of a given JSON type, localized
 * texts, expressions and whole fields with their options and bounds — for FormDefinition's
 * loader, which adds the document-level structure (entities, sections, rules, relations).
 */
namespace gx::detail {

/** Whether name may name an entity, field, section or rule: ^[a-z][a-z0-9_]*$, at most
 * FormDefinition::kMaxNameLength characters. */
[[nodiscard]] bool isName(const QString &name);
/** The refusal of a name that is not isName(); what says what it names (e.g. "field name"). */
[[nodiscard]] QString badName(const QString &what, const QString &name);
/** The value of a JSON number without a fraction (and below 9e15 in size), else nothing. */
[[nodiscard]] std::optional<qint64> integerOf(const QJsonValue &v);

/**
 * Reads and checks parts of the document, stopping at the first problem. Each step returns
 * false once fail() has recorded the problem; `where` is the DefinitionError::field of what is
 * read. A member that is absent leaves out as it was unless the step requires it.
 */
class DefinitionReader
{
public:
    /** file is the DefinitionError::file of every problem. */
    explicit DefinitionReader(QString file);

    /** The first problem recorded; only after a step returned false. */
    [[nodiscard]] const DefinitionError &error() const { return *m_error; }

    /** Records the problem unless one is recorded already; always false. */
    bool fail(const QString &where, const QString &reason);

    /** Members other than allowed (and "comment", which any object may carry) are problems;
     * what names the object for the reason. */
    [[nodiscard]] bool members(const QJsonObject &o,
                               std::initializer_list<QLatin1StringView> allowed,
                               const QString &where, const QString &what);
    /** A string member; when required it must be present and not empty. */
    [[nodiscard]] bool string(const QJsonObject &o, QLatin1StringView key, QString &out,
                              const QString &where, bool required = false);
    [[nodiscard]] bool boolean(const QJsonObject &o, QLatin1StringView key, bool &out,
                               const QString &where);
    /** An integer member of at most 10^9 in size. */
    [[nodiscard]] bool integer(const QJsonObject &o, QLatin1StringView key, int &out,
                               const QString &where);
    [[nodiscard]] bool array(const QJsonObject &o, QLatin1StringView key, QJsonArray &out,
                             const QString &where, const QString &what);
    /** A {"zh_CN", "en"} object with both texts non-blank; required unless told. */
    [[nodiscard]] bool text(const QJsonObject &o, QLatin1StringView key, LocalizedText &out,
                            const QString &where, bool required = true);
    /** An optional string member that parses as an Expression; prefix leads the reason. */
    [[nodiscard]] bool expression(const QJsonObject &o, QLatin1StringView key, Expression &out,
                                  const QString &where, const QString &prefix = QString());

    /**
     * One field of entity e, appended to e.fields: its name (unique in e, not a word of the
     * expression language), type, texts, relevance, check, options and bounds. Whether its
     * relevance reads fields of e is left to the caller, which knows when all are declared.
     */
    [[nodiscard]] bool field(const QJsonValue &v, EntityDefinition &e);

private:
    bool options(const QJsonObject &o, FieldDefinition &f, const QString &where);
    bool bound(const QJsonObject &o, QLatin1StringView key, FieldDefinition &f, Bound &out,
               const QString &where);
    bool bounds(const QJsonObject &o, FieldDefinition &f, const QString &where);

    QString m_file;
    std::optional<DefinitionError> m_error;
};

} // namespace gx::detail
