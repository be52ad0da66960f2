#pragma once

#include "core/formdefinition.h"
#include "core/validator.h"
#include "store/storetypes.h"

#include <QList>
#include <QStringList>

namespace gx {

/** How a stored record stands against a (possibly newer) survey definition. */
struct DraftReport
{
    int recordVersion = 1;       ///< the definition version of the record's last upsert
    int checkedVersion = 0;      ///< the version it was checked against
    QStringList vanishedFields;  ///< answered fields the definition no longer has: kept, reported
    QStringList missingRequired; ///< required (and relevant) fields without an answer
    QList<ValidationIssue> submitErrors; ///< everything that blocks submission (missing included)

    [[nodiscard]] bool canSubmit() const { return submitErrors.isEmpty(); }
};

/**
 * Opens a draft begun on an older survey definition against the current one: the fields it
 * answered that the definition dropped are kept in the record (and still synced; the server
 * keeps unknown fields) and listed so the UI can show them read-only; new required fields it
 * lacks are listed so the UI can ask for them. Judged by core's Validator in Submit mode, the
 * same rules the server applies.
 */
class DefinitionCheck
{
public:
    [[nodiscard]] static DraftReport checkAgainst(const StoredRecord &record,
                                                  const FormDefinition &definition,
                                                  const ValidationContext &context);
};

} // namespace gx
