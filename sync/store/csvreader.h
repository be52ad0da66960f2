#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace gx::server {

/** One record of a CSV file and the line it starts on (1-based; the header is line 1). */
struct CsvRecord
{
    int line = 0;
    QStringList cells;
};

/** Why a file cannot be read as CSV at all (bad UTF-8, an unterminated quote). */
struct CsvError
{
    int line = 0;
    QString message;
};

/**
 * A strict reader of RFC 4180 CSV in UTF-8, as spreadsheets export it: comma-separated, cells
 * optionally in double quotes ("" inside quotes is a quote; quoted cells may span lines), CRLF or
 * LF line ends, a leading UTF-8 byte-order mark ignored, blank lines skipped. Invalid UTF-8 is an
 * error naming its line, never silently replaced.
 */
class CsvReader
{
public:
    [[nodiscard]] static Result<QList<CsvRecord>, CsvError> parse(const QByteArray &bytes);
};

} // namespace gx::server
