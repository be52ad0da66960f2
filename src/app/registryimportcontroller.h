#pragma once

#include "app/officeclient.h"
#include "app/registryerrormodel.h"
#include "app/session.h"
#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace gx {

/** Why a registry file was not sent (read on the device, before any call). */
enum class RegistryFileError
{
    NotFound,    ///< no such file, or a folder
    Unreadable,  ///< it cannot be opened or read
    Empty,       ///< zero bytes
    TooLarge,    ///< above RegistryImportController::kMaxFileBytes
    UnknownType, ///< neither CSV nor an Excel workbook (e.g. an old .xls)
};

struct RegistryFileProblem
{
    RegistryFileError error = RegistryFileError::NotFound;
    QString message; ///< for a person, in the UI language, naming the file
};

/** A registry file read from the device, ready to send as it is. */
struct RegistryUpload
{
    QString path;
    QString name;           ///< the file name shown
    QByteArray bytes;       ///< the whole file: the preview and the import send the same bytes
    QByteArray contentType; ///< text/csv or the XLSX type
    bool workbook = false;  ///< an Excel workbook (else CSV)
};

/**
 * The statistics bureau's registry from the office's app (POST /api/v1/registry, docs/api.md):
 * preview() reads a CSV or Excel file (.csv, .xlsx; at most 16 MiB, the server's limit) and sends
 * it as a dry run (`?dry_run=1`, nothing written): the counts added / updated / unchanged, or
 * each bad row with its line, its column and the reason, in Chinese (errors). importFile() then
 * sends the very bytes that were previewed, without the dry run: the server imports the whole
 * file in one transaction or, with any bad row, nothing. A failure of the network or of the
 * server leaves nothing half done and says so in `error`; the import button (canImport) is
 * offered only after a clean preview that would change something.
 */
class RegistryImportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    /** A call is running (checking or importing). */
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    /** The file previewed (or being previewed): its name, and "CSV" or "Excel". */
    Q_PROPERTY(QString fileName READ fileName NOTIFY stateChanged)
    Q_PROPERTY(QString fileKind READ fileKind NOTIFY stateChanged)
    /** The last answer's counts (of the preview, then of the import). */
    Q_PROPERTY(int rows READ rows NOTIFY resultChanged)
    Q_PROPERTY(int added READ added NOTIFY resultChanged)
    Q_PROPERTY(int updated READ updated NOTIFY resultChanged)
    Q_PROPERTY(int unchanged READ unchanged NOTIFY resultChanged)
    /** Every problem the server found (errors lists the first 500 of them). */
    Q_PROPERTY(int errorCount READ errorCount NOTIFY resultChanged)
    Q_PROPERTY(gx::RegistryErrorModel *errors READ errors CONSTANT)
    /** A clean preview that would add or change something: the import may be confirmed. */
    Q_PROPERTY(bool canImport READ canImport NOTIFY stateChanged)
    /** Why nothing was imported: the file, the network, the server ("" otherwise). */
    Q_PROPERTY(QString error READ error NOTIFY resultChanged)
    /** What the preview or the import found, in a sentence ("" before any answer). */
    Q_PROPERTY(QString message READ message NOTIFY resultChanged)

public:
    static constexpr qint64 kMaxFileBytes = qint64(16) << 20;
    static constexpr const char *kXlsxType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    enum class State
    {
        Empty,     ///< no file yet, or reset
        Checking,  ///< the dry run is running
        Previewed, ///< the file is clean: the counts are those of an import now
        Refused,   ///< the file has bad rows (errors), or could not be read or sent (error)
        Importing, ///< the import is running
        Imported,  ///< the server imported the file: the counts are what it did
    };
    Q_ENUM(State)

    explicit RegistryImportController(QObject *parent = nullptr);
    ~RegistryImportController() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isBusy() const
    {
        return m_state == State::Checking || m_state == State::Importing;
    }
    [[nodiscard]] QString fileName() const { return m_upload.name; }
    [[nodiscard]] QString fileKind() const;
    [[nodiscard]] int rows() const { return m_rows; }
    [[nodiscard]] int added() const { return m_added; }
    [[nodiscard]] int updated() const { return m_updated; }
    [[nodiscard]] int unchanged() const { return m_unchanged; }
    [[nodiscard]] int errorCount() const { return m_errorCount; }
    [[nodiscard]] RegistryErrorModel *errors() { return &m_errors; }
    [[nodiscard]] bool canImport() const;
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString message() const { return m_message; }

    /**
     * Reads the file (a file URL or a path) and sends it as a dry run. Returns false when it was
     * not sent: the file cannot be read, is empty, too large or of another kind (error says
     * which), or a call is running.
     */
    Q_INVOKABLE bool preview(const QUrl &file);
    /** The same, for a path typed by hand (quotes and a file:// prefix are accepted). */
    Q_INVOKABLE bool previewPath(const QString &path);
    /** Imports the previewed file. False when there is no clean preview or a call is running. */
    Q_INVOKABLE bool importFile();
    /** Forgets the file and every result (not while a call is running). */
    Q_INVOKABLE void reset();
    /** The path of a file URL as a person reads it (a FileDialog's choice, for the path box). */
    Q_INVOKABLE static QString pathOf(const QUrl &file);

    /** Reads a registry file for sending: its bytes, its type by its name or its first bytes. */
    [[nodiscard]] static Result<RegistryUpload, RegistryFileProblem> readFile(const QString &path);

signals:
    void sessionChanged();
    void stateChanged();
    void resultChanged();
    /** A dry run ended: ok when the file is clean (its counts are set). */
    void previewed(bool ok);
    /** An import ended: ok when the server imported the file. */
    void imported(bool ok);

private:
    void send(bool dryRun);
    void answered(const OfficeReply &reply, bool dryRun);
    void refuse(const QString &error);
    void finish(bool dryRun, bool ok);
    void setState(State state);
    void clearResult();
    [[nodiscard]] QString refusalOf(const OfficeReply &reply) const;
    [[nodiscard]] QString countsText(bool dryRun) const;
    [[nodiscard]] bool chinese() const;

    QPointer<Session> m_session;
    OfficeClient m_client;
    RegistryErrorModel m_errors;
    RegistryUpload m_upload;
    State m_state = State::Empty;
    int m_rows = 0;
    int m_added = 0;
    int m_updated = 0;
    int m_unchanged = 0;
    int m_errorCount = 0;
    QString m_error;
    QString m_message;
};

} // namespace gx
