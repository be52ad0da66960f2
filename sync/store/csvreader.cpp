#include "sync/store/csvreader.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/** Decodes strictly; on failure names the first line whose bytes are not UTF-8. */
Result<QString, CsvError> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        return text;
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringDecoder lineDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = lineDecoder.decode(lines[i]); // decoding happens on conversion
        if (lineDecoder.hasError())
            return CsvError{int(i) + 1, u"the file is not UTF-8 text (save it as CSV UTF-8)"_s};
    }
    return CsvError{0, u"the file is not UTF-8 text (save it as CSV UTF-8)"_s};
}

} // namespace

Result<QList<CsvRecord>, CsvError> CsvReader::parse(const QByteArray &bytes)
{
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    auto decoded = decodeUtf8(data);
    if (!decoded)
        return decoded.error();
    const QString &text = decoded.value();

    QList<CsvRecord> records;
    CsvRecord record;
    QString cell;
    bool quoted = false;     // inside a quoted cell
    bool cellQuoted = false; // the current cell began with a quote
    bool recordHasContent = false;
    int line = 1;
    int quoteLine = 0;
    record.line = 1;

    auto endCell = [&] {
        record.cells.append(cell);
        cell.clear();
        cellQuoted = false;
    };
    auto endRecord = [&] {
        endCell();
        const bool blank = !recordHasContent && record.cells.size() == 1;
        if (!blank)
            records.append(record);
        record = CsvRecord{};
        recordHasContent = false;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    cell.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                cell.append(c);
            }
            continue;
        }
        if (c == u'"' && cell.isEmpty() && !cellQuoted) {
            quoted = true;
            cellQuoted = true;
            quoteLine = line;
            recordHasContent = true;
        } else if (c == u'"') {
            return CsvError{line, u"a quote in the middle of a cell (quote the whole cell and "
                                  "double the quotes inside it)"_s};
        } else if (c == u',') {
            endCell();
            recordHasContent = true;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue; // the \n ends the record
        } else if (c == u'\n') {
            endRecord();
            ++line;
            record.line = line;
        } else {
            if (cellQuoted)
                return CsvError{line, u"text after the closing quote of a cell"_s};
            cell.append(c);
            if (!c.isSpace())
                recordHasContent = true;
        }
    }
    if (quoted)
        return CsvError{quoteLine, u"a quoted cell is never closed"_s};
    endRecord();
    return records;
}

} // namespace gx::server
