#include "sync/store/xlsxreader.h"

#include <QHash>
#include <QXmlStreamReader>

#include <unzip.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

const QString kRelationshipsNs =
    u"http://schemas.openxmlformats.org/officeDocument/2006/relationships"_s;

/** minizip's file functions over bytes in memory (the upload is never written to disk). */
struct MemoryFile
{
    const QByteArray *bytes = nullptr;
    qint64 position = 0;
};

voidpf openMemory(voidpf opaque, const void *, int)
{
    auto *file = new MemoryFile{static_cast<const QByteArray *>(opaque), 0};
    return file;
}

uLong readMemory(voidpf, voidpf stream, void *buffer, uLong size)
{
    auto *file = static_cast<MemoryFile *>(stream);
    const qint64 left = file->bytes->size() - file->position;
    const qint64 n = std::min<qint64>(qint64(size), std::max<qint64>(left, 0));
    std::memcpy(buffer, file->bytes->constData() + file->position, size_t(n));
    file->position += n;
    return uLong(n);
}

uLong writeMemory(voidpf, voidpf, const void *, uLong)
{
    return 0;
}

ZPOS64_T tellMemory(voidpf, voidpf stream)
{
    return ZPOS64_T(static_cast<MemoryFile *>(stream)->position);
}

long seekMemory(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto *file = static_cast<MemoryFile *>(stream);
    qint64 base = 0;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
        base = 0;
        break;
    case ZLIB_FILEFUNC_SEEK_CUR:
        base = file->position;
        break;
    case ZLIB_FILEFUNC_SEEK_END:
        base = file->bytes->size();
        break;
    default:
        return -1;
    }
    const qint64 target = base + qint64(offset);
    if (target < 0 || target > file->bytes->size())
        return -1;
    file->position = target;
    return 0;
}

int closeMemory(voidpf, voidpf stream)
{
    delete static_cast<MemoryFile *>(stream);
    return 0;
}

int errorMemory(voidpf, voidpf)
{
    return 0;
}

/** An open archive in memory; closed when it goes. */
class Archive
{
public:
    explicit Archive(const QByteArray &bytes)
    {
        zlib_filefunc64_def functions{};
        functions.zopen64_file = openMemory;
        functions.zread_file = readMemory;
        functions.zwrite_file = writeMemory;
        functions.ztell64_file = tellMemory;
        functions.zseek64_file = seekMemory;
        functions.zclose_file = closeMemory;
        functions.zerror_file = errorMemory;
        functions.opaque = const_cast<QByteArray *>(&bytes);
        m_zip = unzOpen2_64("", &functions);
    }
    ~Archive()
    {
        if (m_zip)
            unzClose(m_zip);
    }
    Archive(const Archive &) = delete;
    Archive &operator=(const Archive &) = delete;

    [[nodiscard]] bool isOpen() const { return m_zip != nullptr; }

    /** The uncompressed bytes of one part; nothing when it is absent. */
    [[nodiscard]] Result<std::optional<QByteArray>, XlsxError> part(const QString &name)
    {
        if (unzLocateFile(m_zip, name.toUtf8().constData(), 1) != UNZ_OK)
            return std::optional<QByteArray>();
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
            return XlsxError{u"the workbook's part %1 cannot be read"_s.arg(name)};
        if (qint64(info.uncompressed_size) > XlsxReader::kMaxEntryBytes)
            return tooLarge(name);
        if (unzOpenCurrentFile(m_zip) != UNZ_OK)
            return XlsxError{u"the workbook's part %1 cannot be opened (encrypted?)"_s.arg(name)};
        QByteArray out;
        char buffer[65536];
        int n = 0;
        while ((n = unzReadCurrentFile(m_zip, buffer, sizeof buffer)) > 0) {
            // The size in the header may lie: count what actually comes out.
            if (out.size() + n > XlsxReader::kMaxEntryBytes) {
                unzCloseCurrentFile(m_zip);
                return tooLarge(name);
            }
            out.append(buffer, n);
        }
        const int closed = unzCloseCurrentFile(m_zip);
        if (n < 0 || closed != UNZ_OK)
            return XlsxError{u"the workbook's part %1 is damaged"_s.arg(name)};
        return std::optional<QByteArray>(std::move(out));
    }

private:
    static XlsxError tooLarge(const QString &name)
    {
        return XlsxError{
            u"the workbook's part %1 is larger than %2 MiB uncompressed"_s.arg(name).arg(
                XlsxReader::kMaxEntryBytes >> 20)};
    }

    unzFile m_zip = nullptr;
};

XlsxError xmlError(const QString &part, const QXmlStreamReader &xml)
{
    return XlsxError{u"the workbook's part %1 is not well-formed XML (line %2: %3)"_s.arg(part)
                         .arg(xml.lineNumber())
                         .arg(xml.errorString())};
}

/** The relationship id of the workbook's first sheet. */
Result<QString, XlsxError> firstSheetId(const QByteArray &workbook)
{
    QXmlStreamReader xml(workbook);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == "sheet"_L1) {
            const QString id = xml.attributes().value(kRelationshipsNs, u"id"_s).toString();
            if (!id.isEmpty())
                return id;
            break;
        }
    }
    if (xml.hasError())
        return xmlError(u"xl/workbook.xml"_s, xml);
    return XlsxError{u"the workbook has no worksheet"_s};
}

/** The part name of a relationship's target in xl/_rels/workbook.xml.rels. */
Result<QString, XlsxError> relationshipTarget(const QByteArray &rels, const QString &id)
{
    QXmlStreamReader xml(rels);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == "Relationship"_L1 &&
            xml.attributes().value(u"Id"_s) == id) {
            const QString target = xml.attributes().value(u"Target"_s).toString();
            // Relative to xl/, or absolute within the package.
            return target.startsWith(u'/') ? target.mid(1) : u"xl/"_s + target;
        }
    }
    if (xml.hasError())
        return xmlError(u"xl/_rels/workbook.xml.rels"_s, xml);
    return XlsxError{u"the workbook does not say where its first sheet is"_s};
}

/** The text of every <si> of the shared strings (rich runs joined, phonetic hints left out). */
Result<QStringList, XlsxError> sharedStrings(const QByteArray &bytes)
{
    QStringList out;
    QXmlStreamReader xml(bytes);
    QString current;
    int phonetic = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == "si"_L1)
                current.clear();
            else if (xml.name() == "rPh"_L1)
                ++phonetic;
            else if (xml.name() == "t"_L1 && phonetic == 0)
                current += xml.readElementText();
        } else if (xml.isEndElement()) {
            if (xml.name() == "si"_L1)
                out.append(current);
            else if (xml.name() == "rPh"_L1)
                --phonetic;
        }
    }
    if (xml.hasError())
        return xmlError(u"xl/sharedStrings.xml"_s, xml);
    return out;
}

/** The column index (0 for A) of a cell reference such as "C12", or -1. */
int columnOf(QStringView reference)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < reference.size() && reference[i].isUpper() && reference[i].unicode() < 128; ++i) {
        column = column * 26 + (reference[i].unicode() - u'A' + 1);
        if (column > XlsxReader::kMaxColumns)
            return -1;
    }
    return i == 0 ? -1 : column - 1;
}

struct SheetCell
{
    int column = 0;
    QString text;
};

/** One <c> element: its column and its text. */
Result<SheetCell, XlsxError> readCell(QXmlStreamReader &xml, int fallbackColumn,
                                      const QStringList &shared)
{
    const QString reference = xml.attributes().value(u"r"_s).toString();
    const QString type = xml.attributes().value(u"t"_s).toString();
    SheetCell cell{reference.isEmpty() ? fallbackColumn : columnOf(reference), {}};
    if (cell.column < 0 || cell.column >= XlsxReader::kMaxColumns)
        return XlsxError{
            u"cell %1 is beyond column %2"_s.arg(reference).arg(XlsxReader::kMaxColumns)};
    QString value;
    while (xml.readNextStartElement()) {
        if (xml.name() == "v"_L1) {
            value = xml.readElementText();
        } else if (xml.name() == "is"_L1) {
            while (xml.readNextStartElement()) {
                if (xml.name() == "t"_L1)
                    value += xml.readElementText();
                else if (xml.name() == "r"_L1) {
                    while (xml.readNextStartElement()) {
                        if (xml.name() == "t"_L1)
                            value += xml.readElementText();
                        else
                            xml.skipCurrentElement();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
        } else {
            xml.skipCurrentElement(); // <f> formulas and extensions
        }
    }
    if (type == "s"_L1) {
        bool ok = false;
        const int index = value.toInt(&ok);
        if (!ok || index < 0 || index >= shared.size())
            return XlsxError{u"cell %1 names a shared string that does not exist"_s.arg(reference)};
        cell.text = shared.at(index);
    } else {
        cell.text = value; // inlineStr, str (a formula's result), b (0/1), n and dates as stored
    }
    return cell;
}

Result<QList<CsvRecord>, XlsxError> readSheet(const QByteArray &bytes, const QString &part,
                                              const QStringList &shared)
{
    QList<CsvRecord> records;
    QXmlStreamReader xml(bytes);
    int widest = 0;
    int lastRow = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement() || xml.name() != "row"_L1)
            continue;
        bool ok = false;
        const int number = xml.attributes().value(u"r"_s).toInt(&ok);
        CsvRecord record;
        record.line = ok ? number : lastRow + 1;
        if (record.line <= lastRow)
            return XlsxError{
                u"the rows of the sheet are out of order at row %1"_s.arg(record.line)};
        lastRow = record.line;
        int next = 0;
        while (xml.readNextStartElement()) {
            if (xml.name() != "c"_L1) {
                xml.skipCurrentElement();
                continue;
            }
            auto cell = readCell(xml, next, shared);
            if (!cell)
                return cell.error();
            if (cell.value().column < record.cells.size())
                return XlsxError{u"row %1 names a column twice"_s.arg(record.line)};
            while (record.cells.size() < cell.value().column)
                record.cells.append(QString());
            record.cells.append(cell.value().text);
            next = cell.value().column + 1;
        }
        // Trailing empty cells (formatting) are not cells of the table.
        while (!record.cells.isEmpty() && record.cells.constLast().trimmed().isEmpty())
            record.cells.removeLast();
        if (record.cells.isEmpty())
            continue;
        if (records.size() >= XlsxReader::kMaxRows)
            return XlsxError{u"the sheet has more than %1 rows"_s.arg(XlsxReader::kMaxRows)};
        widest = std::max(widest, int(record.cells.size()));
        records.append(std::move(record));
    }
    if (xml.hasError())
        return xmlError(part, xml);
    for (CsvRecord &record : records) {
        while (record.cells.size() < widest)
            record.cells.append(QString());
    }
    return records;
}

} // namespace

bool XlsxReader::looksLikeZip(const QByteArray &bytes)
{
    return bytes.startsWith("PK\x03\x04");
}

Result<QList<CsvRecord>, XlsxError> XlsxReader::firstSheet(const QByteArray &bytes)
{
    Archive archive(bytes);
    if (!archive.isOpen())
        return XlsxError{u"the file is not an Excel workbook (.xlsx): it is not a zip archive"_s};
    auto workbook = archive.part(u"xl/workbook.xml"_s);
    if (!workbook)
        return workbook.error();
    if (!workbook.value())
        return XlsxError{u"the file is not an Excel workbook (.xlsx): it has no xl/workbook.xml"_s};
    auto id = firstSheetId(*workbook.value());
    if (!id)
        return id.error();
    auto rels = archive.part(u"xl/_rels/workbook.xml.rels"_s);
    if (!rels)
        return rels.error();
    if (!rels.value())
        return XlsxError{u"the workbook has no xl/_rels/workbook.xml.rels"_s};
    auto sheetPart = relationshipTarget(*rels.value(), id.value());
    if (!sheetPart)
        return sheetPart.error();
    QStringList shared;
    auto strings = archive.part(u"xl/sharedStrings.xml"_s);
    if (!strings)
        return strings.error();
    if (strings.value()) {
        auto read = sharedStrings(*strings.value());
        if (!read)
            return read.error();
        shared = std::move(read).value();
    }
    auto sheet = archive.part(sheetPart.value());
    if (!sheet)
        return sheet.error();
    if (!sheet.value())
        return XlsxError{u"the workbook's first sheet %1 is missing"_s.arg(sheetPart.value())};
    return readSheet(*sheet.value(), sheetPart.value(), shared);
}

} // namespace gx::server
