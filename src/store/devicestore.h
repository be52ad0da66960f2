#pragma once

#include "core/hlc.h"
#include "core/result.h"
#include "store/attachmentstore.h"
#include "store/formversionstore.h"
#include "store/inbox.h"
#include "store/localeditor.h"
#include "store/outbox.h"
#include "store/pullapplier.h"
#include "store/storeerror.h"
#include "store/storequeries.h"
#include "store/storetypes.h"
#include "store/surveyfolder.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace gx {

class StoreDatabase;

/**
 * The device's offline store: one SQLite file holding every record the device knows, the outbox
 * of edits not yet acknowledged by the server, the pull cursor, conflicts and review tasks, and
 * photos. It is what the app shows and what the sync client pushes and pulls through.
 *
 * The promise: every saving call (setField, createRecord, ...) writes the value and its outbox
 * mutation in ONE short transaction and returns only after COMMIT with synchronous=FULL, so what
 * the UI shows as saved survives a kill, a crash or a power cut. Edits of a record not yet sent
 * coalesce into one mutation (see LocalEditor for the rules).
 *
 * One process at a time: open() takes a lock file next to the database and refuses a second
 * process with a message naming the holder; a lock left by a dead process is taken over.
 *
 * Use from one thread (the one that opened it). The parts the sync client drives (outbox(),
 * pull(), inbox(), attachments()) and the UI's queries() live as long as the store.
 */
class DeviceStore
{
public:
    ~DeviceStore();
    DeviceStore(const DeviceStore &) = delete;
    DeviceStore &operator=(const DeviceStore &) = delete;

    /**
     * Opens (creating or migrating) the store at path for deviceId (Hlc::isValidDeviceId()),
     * with the injected wall clock (Unix ms) used for the HLC and timestamps. A database made
     * by another device id is refused. A batch left in flight by a crash returns to pending.
     */
    [[nodiscard]] static Result<std::unique_ptr<DeviceStore>, StoreError>
    open(const QString &path, const QString &deviceId, std::function<qint64()> wallClockMillis);

    [[nodiscard]] const QString &path() const;
    [[nodiscard]] const QString &deviceId() const { return m_deviceId; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    /** The latest HLC timestamp handed out (carried over restarts). */
    [[nodiscard]] Hlc lastHlc() const { return m_clock.last(); }
    /** A PRAGMA of the connection (journal_mode, synchronous, foreign_keys), for diagnostics. */
    [[nodiscard]] QString pragma(const QString &name);

    /**
     * The survey definition version local edits are made on (kept in the database, at least 1):
     * a new record and its mutation carry it, an edited record and its mutation the later of it
     * and the record's own version. Storing a newer version (forms()) raises it.
     */
    [[nodiscard]] int formVersion() const { return m_editor.formVersion(); }
    [[nodiscard]] Status<StoreError> setFormVersion(int version);

    /**
     * Whether the city-wide records of the catalogue (entities a kept definition marks
     * "scope": "city": provider, product, case) may be edited here: false by default (inspector
     * and enterprise devices pull them read-only, and every edit of one is refused with
     * StoreError::Code::ReadOnly before anything is written), true on the office's and admin's.
     */
    void setCityWideEditable(bool editable);
    /** Whether edits of the entity are refused as read-only (see setCityWideEditable()). */
    [[nodiscard]] bool isReadOnly(const QString &entity) const;

    /** The record as stored (deleted-but-unacknowledged ones included), or nothing. */
    [[nodiscard]] Result<std::optional<StoredRecord>, StoreError> record(const QString &entity,
                                                                         const QString &id);

    /** A new record with its initial fields; id empty = a new UUID (an enterprise's is its
     * USCC). Its mutation has base_rev 0. */
    [[nodiscard]] Result<EditReceipt, StoreError>
    createRecord(const QString &entity, const QJsonObject &fields, const QString &id = {});
    /** One field edit: value and outbox entry committed together. Setting the value a field
     * already has changes nothing (receipt.changed false). */
    [[nodiscard]] Result<EditReceipt, StoreError> setField(const QString &entity, const QString &id,
                                                           const QString &field,
                                                           const QJsonValue &value);
    /** Several fields of one record as one edit. */
    [[nodiscard]] Result<EditReceipt, StoreError>
    setFields(const QString &entity, const QString &id, const QJsonObject &changes);
    [[nodiscard]] Result<EditReceipt, StoreError> deleteRecord(const QString &entity,
                                                               const QString &id);
    /** A copy of a record (e.g. an equipment row) under a new UUID, without the fields named in
     * omit (e.g. a nameplate photo that belongs to the original machine only). */
    [[nodiscard]] Result<EditReceipt, StoreError>
    duplicateRecord(const QString &entity, const QString &id, const QStringList &omit = {});

    /** Bulk variants: all in one transaction, all or nothing. */
    [[nodiscard]] Result<QList<EditReceipt>, StoreError>
    createRecords(const QString &entity, const QList<QJsonObject> &fieldsOfEach);
    [[nodiscard]] Result<QList<EditReceipt>, StoreError> applyEdits(const QList<FieldEdit> &edits);
    [[nodiscard]] Result<QList<EditReceipt>, StoreError> deleteRecords(const QString &entity,
                                                                       const QStringList &ids);

    /**
     * Folds a local survey the server refused as `duplicate_survey` into the existing one (see
     * SurveyFolder): its fields become edits of existingSurveyId, its rows are re-parented.
     */
    [[nodiscard]] Result<FoldOutcome, StoreError> foldSurvey(const QString &localSurveyId,
                                                             const QString &existingSurveyId);

    /** What the sync client pushes and settles. */
    [[nodiscard]] Outbox &outbox() { return m_outbox; }
    /** Where the sync client applies pulled pages, with the cursor. */
    [[nodiscard]] PullApplier &pull() { return m_pull; }
    /** Conflicts and review tasks pulled from the server. */
    [[nodiscard]] Inbox &inbox() { return m_inbox; }
    /** Photos by sha256, in the directory "PATH.blobs" next to the database. */
    [[nodiscard]] AttachmentStore &attachments() { return m_attachments; }
    /** The versions of the survey definition the device keeps. */
    [[nodiscard]] FormVersionStore &forms() { return m_forms; }
    /** The lists and counts the UI shows. */
    [[nodiscard]] StoreQueries &queries() { return m_queries; }

private:
    DeviceStore(std::unique_ptr<StoreDatabase> db, QString deviceId,
                std::function<qint64()> wallClockMillis);
    [[nodiscard]] Status<StoreError> start();

    template <typename Fn>
    [[nodiscard]] auto inTransaction(Fn &&fn) -> decltype(fn());

    std::unique_ptr<StoreDatabase> m_db;
    QString m_deviceId;
    std::function<qint64()> m_wallClockMillis;
    HlcClock m_clock;
    int m_schemaVersion = 0;
    LocalEditor m_editor;
    Outbox m_outbox;
    Inbox m_inbox;
    PullApplier m_pull;
    SurveyFolder m_folder;
    AttachmentStore m_attachments;
    StoreQueries m_queries;
    FormVersionStore m_forms;
};

} // namespace gx
