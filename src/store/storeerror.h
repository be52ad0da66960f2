#pragma once

#include "core/result.h"

#include <QString>

namespace gx {

/**
 * Why the device store refused or failed an operation. The code lets callers (the sync client,
 * the UI) react by kind; the message is a sentence for a person and the log.
 */
struct StoreError
{
    enum class Code
    {
        Io,              ///< the file system refused (directory, blob file, lock file)
        Locked,          ///< the database is open in another process
        Database,        ///< SQLite failed (the message carries its text)
        Migration,       ///< the schema could not be brought up to date, or is newer than this code
        DeviceMismatch,  ///< the database belongs to another device id
        NotFound,        ///< no such record (or blob)
        Deleted,         ///< the record is deleted and cannot be edited
        AlreadyExists,   ///< a record with that id exists already
        InvalidArgument, ///< a name, id or value the protocol does not allow
        InFlight,        ///< the operation needs the outbox without a batch in flight
        BadChange,       ///< a pulled change cannot be applied (nothing of its page was)
        ReadOnly,        ///< the record is the city's catalogue: only the office changes it
    };

    Code code = Code::Database;
    QString message;

    /** A stable name of the code ("locked", "not_found", ...), for logs and tests. */
    [[nodiscard]] QString codeName() const;
    /** "code_name: message". */
    [[nodiscard]] QString toString() const;
};

} // namespace gx
