#include "app/registryimportcontroller.h"

#include "app/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QByteArray kCsvType = "text/csv";

bool looksLikeZip(const QByteArray &bytes)
{
    return bytes.startsWith("PK\x03\x04");
}

RegistryFileProblem problem(RegistryFileError error, const QString &message)
{
    return {error, message};
}

} // namespace

RegistryImportController::RegistryImportController(QObject *parent)
    : QObject(parent)
{}

RegistryImportController::~RegistryImportController() = default;

void RegistryImportController::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this, {}))
        return;
    m_client.setSession(session);
    emit sessionChanged();
}

QString RegistryImportController::fileKind() const
{
    if (m_upload.name.isEmpty())
        return {};
    return m_upload.workbook ? tr("Excel workbook") : tr("CSV file");
}

bool RegistryImportController::canImport() const
{
    return m_state == State::Previewed && m_added + m_updated > 0;
}

bool RegistryImportController::chinese() const
{
    return !m_session || m_session->language() != u"en"_s;
}

Result<RegistryUpload, RegistryFileProblem> RegistryImportController::readFile(const QString &path)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (path.isEmpty())
        return problem(RegistryFileError::NotFound, tr("Choose a file first."));
    if (!info.exists() || info.isDir())
        return problem(RegistryFileError::NotFound, tr("The file %1 does not exist.").arg(shown));
    const QString suffix = info.suffix().toLower();
    if (suffix == u"xls"_s) {
        return problem(RegistryFileError::UnknownType,
                       tr("%1 is an old Excel file (.xls): open it in Excel and save it as an "
                          "Excel workbook (.xlsx) or as CSV, then choose that file.")
                           .arg(info.fileName()));
    }
    if (info.size() > kMaxFileBytes) {
        return problem(RegistryFileError::TooLarge,
                       tr("The file %1 is %2 MB; a registry file may be at most %3 MB.")
                           .arg(info.fileName())
                           .arg(double(info.size()) / (1 << 20), 0, 'f', 1)
                           .arg(kMaxFileBytes >> 20));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return problem(RegistryFileError::Unreadable,
                       tr("The file %1 cannot be read: %2").arg(shown, file.errorString()));
    }
    RegistryUpload upload;
    upload.path = path;
    upload.name = info.fileName();
    upload.bytes = file.read(kMaxFileBytes + 1);
    if (upload.bytes.isEmpty()) {
        return problem(RegistryFileError::Empty,
                       tr("The file %1 is empty: it needs the header row and one row per "
                          "enterprise.")
                           .arg(info.fileName()));
    }
    if (upload.bytes.size() > kMaxFileBytes) {
        return problem(RegistryFileError::TooLarge,
                       tr("The file %1 is larger than %2 MB, the most a registry file may be.")
                           .arg(info.fileName())
                           .arg(kMaxFileBytes >> 20));
    }
    upload.workbook = looksLikeZip(upload.bytes);
    const bool csvName = suffix == u"csv"_s || suffix == u"txt"_s || suffix.isEmpty();
    if (!upload.workbook && (suffix == u"xlsx"_s || !csvName)) {
        return problem(
            RegistryFileError::UnknownType,
            tr("%1 is neither a CSV file nor an Excel workbook (.xlsx).").arg(info.fileName()));
    }
    upload.contentType = upload.workbook ? QByteArray(kXlsxType) : kCsvType;
    return upload;
}

bool RegistryImportController::previewPath(const QString &path)
{
    QString cleaned = path.trimmed();
    if (cleaned.size() >= 2 && (cleaned.startsWith(u'"') || cleaned.startsWith(u'\'')) &&
        cleaned.endsWith(cleaned.front()))
        cleaned = cleaned.mid(1, cleaned.size() - 2);
    if (cleaned.startsWith("file:"_L1))
        return preview(QUrl(cleaned));
    return preview(QUrl::fromLocalFile(cleaned));
}

bool RegistryImportController::preview(const QUrl &file)
{
    if (isBusy())
        return false;
    clearResult();
    auto upload = readFile(pathOf(file));
    if (!upload) {
        m_upload = {};
        emit stateChanged(); // the file name goes
        refuse(upload.error().message);
        return false;
    }
    m_upload = std::move(upload).value();
    emit stateChanged(); // the file name
    send(true);
    return true;
}

bool RegistryImportController::importFile()
{
    if (!canImport())
        return false;
    clearResult();
    send(false);
    return true;
}

QString RegistryImportController::pathOf(const QUrl &file)
{
    if (file.isLocalFile())
        return QDir::toNativeSeparators(file.toLocalFile());
    return file.scheme().isEmpty() ? file.path() : file.toString();
}

void RegistryImportController::reset()
{
    if (isBusy())
        return;
    m_upload = {};
    clearResult();
    setState(State::Empty);
}

void RegistryImportController::send(bool dryRun)
{
    setState(dryRun ? State::Checking : State::Importing);
    m_client.postBytes(dryRun ? u"/api/v1/registry?dry_run=1"_s : u"/api/v1/registry"_s,
                       m_upload.bytes, m_upload.contentType,
                       [this, dryRun](const OfficeReply &reply) { answered(reply, dryRun); });
}

void RegistryImportController::answered(const OfficeReply &reply, bool dryRun)
{
    if (reply.status == 422 && reply.code == u"invalid_registry"_s) {
        const QJsonArray errors = reply.json.value("errors"_L1).toArray();
        m_errors.setErrors(errors, chinese());
        m_errorCount = std::max(int(errors.size()), reply.json.value("error_count"_L1).toInt());
        m_error = errors.size() < m_errorCount
                      ? tr("The file has %1 problems; the first %2 are listed below. Nothing was "
                           "imported: correct the file and check it again.")
                            .arg(m_errorCount)
                            .arg(errors.size())
                      : tr("The file has %1 problem(s), listed below. Nothing was imported: "
                           "correct the file and check it again.")
                            .arg(m_errorCount);
        emit resultChanged();
        setState(State::Refused);
        finish(dryRun, false);
        return;
    }
    if (!reply.ok() || !reply.json.value("added"_L1).isDouble()) {
        QString why = refusalOf(reply);
        if (!dryRun && (reply.status == 0 || reply.ok())) {
            why += u' ' + tr("Whether the server imported the file is not known: check the "
                             "file again to see what it would still change.");
        }
        refuse(why);
        finish(dryRun, false);
        return;
    }
    m_rows = reply.json.value("rows"_L1).toInt();
    m_added = reply.json.value("added"_L1).toInt();
    m_updated = reply.json.value("updated"_L1).toInt();
    m_unchanged = reply.json.value("unchanged"_L1).toInt();
    m_message = countsText(dryRun);
    emit resultChanged();
    setState(dryRun ? State::Previewed : State::Imported);
    if (dryRun) {
        finish(true, true);
        return;
    }
    qCInfo(lcApp) << "registry imported:" << m_upload.name << m_added << "added" << m_updated
                  << "updated" << m_unchanged << "unchanged";
    // The enterprise records the import wrote reach this device with the next pull.
    if (m_session && m_session->syncClient())
        m_session->syncNow();
    finish(false, true);
}

void RegistryImportController::finish(bool dryRun, bool ok)
{
    if (dryRun)
        emit previewed(ok);
    else
        emit imported(ok);
}

QString RegistryImportController::countsText(bool dryRun) const
{
    if (!dryRun) {
        return tr("Imported %1 rows: %2 new, %3 changed, %4 unchanged. Devices receive the "
                  "changes at their next sync.")
            .arg(m_rows)
            .arg(m_added)
            .arg(m_updated)
            .arg(m_unchanged);
    }
    if (m_added + m_updated == 0) {
        return tr("All %1 rows are in the registry already, as they are: there is nothing to "
                  "import.")
            .arg(m_rows);
    }
    return tr("%1 rows checked: %2 new, %3 changed, %4 unchanged. Nothing has been imported "
              "yet.")
        .arg(m_rows)
        .arg(m_added)
        .arg(m_updated)
        .arg(m_unchanged);
}

QString RegistryImportController::refusalOf(const OfficeReply &reply) const
{
    switch (reply.status) {
    case 200:
        return tr("The server's answer cannot be read.");
    case 413:
        return tr("The file is larger than the server accepts (%1 MB).").arg(kMaxFileBytes >> 20);
    case 415:
        return tr("The server reads only CSV files and Excel workbooks (.xlsx).");
    case 500:
        return tr("The server could not store the registry (a database error); nothing was "
                  "imported. Try again later, or tell the administrator.");
    default:
        break;
    }
    if (reply.status == 0 || reply.status == 401 || reply.status == 403)
        return reply.message; // OfficeClient's sentence: no network, login expired, the role
    return tr("The server refused the file (HTTP %1): %2").arg(reply.status).arg(reply.message);
}

void RegistryImportController::refuse(const QString &error)
{
    m_error = error;
    emit resultChanged();
    setState(State::Refused);
}

void RegistryImportController::clearResult()
{
    m_errors.clear();
    m_rows = m_added = m_updated = m_unchanged = m_errorCount = 0;
    m_error.clear();
    m_message.clear();
    emit resultChanged();
}

void RegistryImportController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

} // namespace gx
