#pragma once

#include <QJsonObject>
#include <QString>

/**
 * A later version of the survey definition for the suites of survey versions (docs/api.md
 * "Survey versions"): what an office would publish to add one optional field.
 */
namespace gx::test {

/** The field the next version adds to the survey: 数字化负责人, optional text. */
inline const QString kNewSurveyField = QStringLiteral("digital_lead");
/** Its label in Chinese, as the form and the export show it. */
inline const QString kNewSurveyFieldLabel = QStringLiteral("数字化负责人");

/**
 * `definition` (a whole survey definition) as its next version: `version` + 1, and the optional
 * text field kNewSurveyField added to the survey's section `digital` (the first section when
 * there is none of that id). Everything else is kept, so the result is a valid publish.
 */
[[nodiscard]] QJsonObject withNewSurveyField(const QJsonObject &definition);

/**
 * `definition` as its next version with the catalogue's city-wide entities (provider, product,
 * case of assets/forms/catalogue.json) appended, as the server's CatalogueForm publishes it.
 */
[[nodiscard]] QJsonObject withCatalogue(const QJsonObject &definition);

/** The survey definition the app and the server ship (assets/forms/survey.v1.json). */
[[nodiscard]] QJsonObject bundledSurveyDefinition();

} // namespace gx::test
