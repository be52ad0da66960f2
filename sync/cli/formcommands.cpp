// The `form` commands of gengxin-server (Cli::runFormPublish, Cli::runFormList): the versions of
// the survey definition in the store, as POST /api/v1/forms and GET /api/v1/forms handle them.

#include "sync/cli/cli.h"

#include "sync/records/formstore.h"
#include "sync/store/auditlog.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QString describe(const FormChange &change)
{
    QString text = formChangeKindName(change.kind);
    if (!change.entity.isEmpty())
        text += u' ' + change.entity;
    if (!change.field.isEmpty())
        text += u'.' + change.field;
    return text;
}

} // namespace

int Cli::runFormPublish(const CommandLine &line)
{
    auto ws = openWorkspace(line, Needs::Store);
    if (!ws)
        return kExitFailure;
    const QString path = line.positional().constFirst();
    const std::optional<QByteArray> bytes = readInputFile(path);
    if (!bytes)
        return kExitFailure;
    const bool dryRun = line.has(u"dry-run"_s);
    auto outcome = FormStore(*ws->db).publish(*bytes, AuditLog::commandLineActor(), dryRun,
                                              QDateTime::currentMSecsSinceEpoch());
    if (!outcome) {
        const PublishProblem &problem = outcome.error();
        if (problem.code.isEmpty())
            return fail(u"form publish failed, nothing was stored: "_s + problem.message);
        return fail(u"form publish: %1 refused (%2%3): %4"_s.arg(
            path, QString(problem.code),
            problem.field.isEmpty() ? QString() : u", field "_s + problem.field, problem.message));
    }
    const PublishOutcome &done = outcome.value();
    m_out << u"form publish: %1 is version %2 with %3 change(s)%4"_s.arg(
                 path, QString::number(done.version), QString::number(done.changes.size()),
                 dryRun ? u" (dry run: nothing was stored)"_s : u", published"_s)
          << '\n';
    for (const FormChange &change : done.changes)
        m_out << "  " << describe(change) << '\n';
    m_out.flush();
    return kExitOk;
}

int Cli::runFormList(const CommandLine &line)
{
    auto ws = openWorkspace(line, Needs::Store);
    if (!ws)
        return kExitFailure;
    auto versions = FormStore(*ws->db).list();
    if (!versions)
        return fail(versions.error().message);
    for (const FormVersionInfo &info : versions.value()) {
        const QJsonObject json = info.toJson();
        m_out << u"version %1 published %2 by %3, %4 change(s)"_s.arg(
                     QString::number(info.version), json.value("published_at"_L1).toString(),
                     info.publishedBy.isEmpty() ? u"(shipped with the server)"_s : info.publishedBy,
                     QString::number(info.changes.size()))
              << '\n';
        for (const FormChange &change : info.changes)
            m_out << "  " << describe(change) << '\n';
    }
    m_out.flush();
    return kExitOk;
}

} // namespace gx::server
