#include "store/definitioncheck.h"

using namespace Qt::StringLiterals;

namespace gx {

DraftReport DefinitionCheck::checkAgainst(const StoredRecord &record,
                                          const FormDefinition &definition,
                                          const ValidationContext &context)
{
    DraftReport report;
    report.recordVersion = record.formVersion;
    report.checkedVersion = definition.version();
    const EntityDefinition *entity = definition.entity(record.entity);
    for (auto it = record.fields.begin(); it != record.fields.end(); ++it) {
        const bool answered = !(it.value().isNull() || it.value().isUndefined());
        if (answered && (!entity || !entity->field(it.key())))
            report.vanishedFields.append(it.key());
    }
    const Validator validator(definition, context);
    for (const ValidationIssue &issue :
         validator.validate(record.entity, record.fields, ValidationMode::Submit)) {
        if (issue.severity != Severity::Error)
            continue;
        report.submitErrors.append(issue);
        if (issue.code == u"required"_s)
            report.missingRequired.append(issue.field);
    }
    return report;
}

} // namespace gx
