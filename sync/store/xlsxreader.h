#pragma once

#include "sync/store/csvreader.h"

#include <QByteArray>

namespace gx::server {

/** Why a workbook cannot be read (not a zip, no worksheet, broken XML, too large). */
struct XlsxError
{
    QString message;
};

/**
 * Reads the first worksheet of an Excel workbook (.xlsx, Office Open XML) into the same rows as
 * CsvReader, so that an upload is checked by one set of rules whatever its format. The zip is
 * read with minizip from memory and the XML with QXmlStreamReader: the workbook names the first
 * sheet, its relationships name the sheet's part, shared strings are resolved, inline strings,
 * formula results, numbers and booleans read as their text. A record's `line` is the sheet's row
 * number (row 1 is the header); empty rows are skipped, and each record has as many cells as the
 * widest row (missing cells are empty). Limits: at most kMaxEntryBytes uncompressed per part and
 * kMaxRows rows, so a small zip cannot expand without bound.
 */
class XlsxReader
{
public:
    static constexpr qint64 kMaxEntryBytes = qint64(64) << 20;
    static constexpr int kMaxRows = 200000;
    static constexpr int kMaxColumns = 256;

    [[nodiscard]] static Result<QList<CsvRecord>, XlsxError> firstSheet(const QByteArray &bytes);
    /** Whether the bytes begin as a zip archive does ("PK\3\4"). */
    [[nodiscard]] static bool looksLikeZip(const QByteArray &bytes);
};

} // namespace gx::server
