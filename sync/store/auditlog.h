#pragma once

#include "sync/store/database.h"

#include <QJsonObject>
#include <QStringView>

#include <algorithm>
#include <array>

namespace gx::server {

/** Actions the audit log records; others may add theirs (reviews, figures, exports). */
namespace AuditAction {
inline constexpr QLatin1StringView Login{"login"};
inline constexpr QLatin1StringView LoginFailed{"login_failed"};
inline constexpr QLatin1StringView Logout{"logout"};
inline constexpr QLatin1StringView UserAdded{"user_added"};
inline constexpr QLatin1StringView UserDisabled{"user_disabled"};
inline constexpr QLatin1StringView UserEnabled{"user_enabled"};
inline constexpr QLatin1StringView PasswordReset{"password_reset"};
inline constexpr QLatin1StringView PasswordChanged{"password_changed"};
inline constexpr QLatin1StringView RegistryImported{"registry_imported"};
inline constexpr QLatin1StringView ReviewCreated{"review"};
inline constexpr QLatin1StringView OfficialFigureSet{"official_figure_set"};
inline constexpr QLatin1StringView OfficialFiguresImported{"official_figures_imported"};
inline constexpr QLatin1StringView CoverageExported{"coverage_exported"};
inline constexpr QLatin1StringView DemoGenerated{"demo_generated"};
inline constexpr QLatin1StringView TargetsSet{"targets_set"};
inline constexpr QLatin1StringView TargetsImported{"targets_imported"};
inline constexpr QLatin1StringView FormPublished{"form_published"};
inline constexpr QLatin1StringView RecordsExported{"records_exported"};
inline constexpr QLatin1StringView CatalogueImported{"catalogue_imported"};
inline constexpr QLatin1StringView SupplyDemandExported{"supply_demand_exported"};
/** Every action above: GET /api/v1/audit?action= takes only these. Add a new action here too. */
inline constexpr std::array All{Login,
                                LoginFailed,
                                Logout,
                                UserAdded,
                                UserDisabled,
                                UserEnabled,
                                PasswordReset,
                                PasswordChanged,
                                RegistryImported,
                                ReviewCreated,
                                OfficialFigureSet,
                                OfficialFiguresImported,
                                CoverageExported,
                                DemoGenerated,
                                TargetsSet,
                                TargetsImported,
                                FormPublished,
                                RecordsExported,
                                CatalogueImported,
                                SupplyDemandExported};
[[nodiscard]] inline bool isKnown(QStringView name)
{
    return std::any_of(All.begin(), All.end(), [name](QLatin1StringView a) { return a == name; });
}
} // namespace AuditAction

/** One row of the audit log: who did what, when, with the details as JSON. */
struct AuditEntry
{
    qint64 id = 0;
    qint64 at = 0;
    QString actor;
    QString action;
    QJsonObject detail;
};

/**
 * The append-only audit log (table audit_log): logins (success and failure), user changes,
 * imports, and later reviews. The actor is the user name of whoever acted, or "cli:OSUSER" for
 * the command line. Write it in the same transaction as the change it describes.
 */
class AuditLog
{
public:
    [[nodiscard]] static DbStatus record(Database &db, qint64 at, const QString &actor,
                                         QLatin1StringView action, const QJsonObject &detail = {});
    /** The newest entries first, at most `limit`, optionally of one action only. */
    [[nodiscard]] static Result<QList<AuditEntry>, DbError> recent(Database &db, int limit,
                                                                   const QString &action = {});
    /** "cli:" and the operating-system user running the command. */
    [[nodiscard]] static QString commandLineActor();
};

} // namespace gx::server
