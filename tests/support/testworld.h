#pragma once

#include <QString>

/** The names the suites' test worlds share (tests/server, tests/e2e, tests/app, ...). */
namespace gx::test {

/** The password of the test users. */
inline const QString kPassword = QStringLiteral("correct horse 9");
/** The county of most test users and enterprises: 莲都区. */
inline const QString kRegion = QStringLiteral("331102");
/** Another county, for what is outside the first one's scope: 青田县. */
inline const QString kOtherRegion = QStringLiteral("331121");

} // namespace gx::test
