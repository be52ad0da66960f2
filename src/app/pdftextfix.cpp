#include "app/pdftextfix.h"

#include <QRawFont>
#include <QString>

#include <utility>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** Code points that may steal an ideograph's (or the space's) glyph: below the ones they mimic. */
constexpr std::pair<char16_t, char16_t> kImpostors[] = {
    {0x0000, 0x001F}, // control characters drawn as the space
    {0x2E80, 0x2EFF}, // CJK radicals supplement
    {0x2F00, 0x2FDF}, // Kangxi radicals
    {0x3038, 0x303A}, // Hangzhou numerals 10, 20, 30
};
/** The code points a reader expects. */
constexpr std::pair<char16_t, char16_t> kPreferred[] = {
    {0x0020, 0x007E}, // ASCII
    {0x3400, 0x4DBF}, // CJK unified ideographs extension A
    {0x4E00, 0x9FFF}, // CJK unified ideographs
};

QString rangeText(char16_t first, char16_t last)
{
    QString text;
    text.reserve(last - first + 1);
    for (char32_t c = first; c <= last; ++c)
        text.append(QChar(char16_t(c)));
    return text;
}

int hexValue(const QByteArray &bytes, qsizetype from, qsizetype to)
{
    bool ok = false;
    const int value = bytes.mid(from, to - from).toInt(&ok, 16);
    return ok ? value : -1;
}

} // namespace

PdfTextFix::PdfTextFix(const QFont &font)
{
    const QRawFont raw = QRawFont::fromFont(font);
    if (!raw.isValid())
        return;
    QHash<quint32, char16_t> owner; // glyph -> the preferred code point drawn with it
    for (const auto &[first, last] : kPreferred) {
        const QString text = rangeText(first, last);
        const QList<quint32> glyphs = raw.glyphIndexesForString(text);
        for (qsizetype i = 0; i < glyphs.size() && i < text.size(); ++i) {
            if (glyphs.at(i) != 0 && !owner.contains(glyphs.at(i)))
                owner.insert(glyphs.at(i), text.at(i).unicode());
        }
    }
    for (const auto &[first, last] : kImpostors) {
        const QString text = rangeText(first, last);
        const QList<quint32> glyphs = raw.glyphIndexesForString(text);
        for (qsizetype i = 0; i < glyphs.size() && i < text.size(); ++i) {
            const auto it = owner.constFind(glyphs.at(i));
            if (glyphs.at(i) != 0 && it != owner.cend())
                m_replacements.insert(text.at(i).unicode(), *it);
        }
    }
}

int PdfTextFix::apply(QByteArray &pdf) const
{
    if (m_replacements.isEmpty())
        return 0;
    int changed = 0;
    for (const bool ranges : {false, true}) {
        const QByteArray begin = ranges ? "beginbfrange"_ba : "beginbfchar"_ba;
        const QByteArray end = ranges ? "endbfrange"_ba : "endbfchar"_ba;
        for (qsizetype at = pdf.indexOf(begin); at >= 0; at = pdf.indexOf(begin, at)) {
            const qsizetype stop = pdf.indexOf(end, at);
            if (stop < 0)
                break;
            changed += fixBlock(pdf, at + begin.size(), stop, ranges);
            at = stop;
        }
    }
    return changed;
}

int PdfTextFix::fixBlock(QByteArray &pdf, qsizetype from, qsizetype to, bool ranges) const
{
    int changed = 0;
    qsizetype line = from;
    while (line < to) {
        qsizetype lineEnd = pdf.indexOf('\n', line);
        if (lineEnd < 0 || lineEnd > to)
            lineEnd = to;
        // The <HEX> tokens of the line: bfchar "<src> <dst>"; bfrange "<a> <b> <dst>" (dst, dst+1,
        // ... for a..b) or "<a> <b> [<dst> ...]".
        QList<std::pair<qsizetype, qsizetype>> tokens;
        const bool array = pdf.indexOf('[', line) >= 0 && pdf.indexOf('[', line) < lineEnd;
        for (qsizetype open = pdf.indexOf('<', line); open >= 0 && open < lineEnd;
             open = pdf.indexOf('<', open + 1)) {
            const qsizetype close = pdf.indexOf('>', open);
            if (close < 0 || close > lineEnd)
                break;
            tokens.append({open, close});
        }
        if (!ranges && tokens.size() == 2) {
            changed += fixToken(pdf, tokens.at(1).first, tokens.at(1).second) ? 1 : 0;
        } else if (ranges && array) {
            for (qsizetype i = 2; i < tokens.size(); ++i)
                changed += fixToken(pdf, tokens.at(i).first, tokens.at(i).second) ? 1 : 0;
        } else if (ranges && tokens.size() == 3 &&
                   hexValue(pdf, tokens.at(0).first + 1, tokens.at(0).second) ==
                       hexValue(pdf, tokens.at(1).first + 1, tokens.at(1).second)) {
            changed += fixToken(pdf, tokens.at(2).first, tokens.at(2).second) ? 1 : 0;
        }
        line = lineEnd + 1;
    }
    return changed;
}

bool PdfTextFix::fixToken(QByteArray &pdf, qsizetype open, qsizetype close) const
{
    if (close - open != 5) // only one UTF-16 unit: <XXXX>
        return false;
    const int value = hexValue(pdf, open + 1, close);
    if (value < 0)
        return false;
    const char16_t better = preferred(char16_t(value));
    if (better == char16_t(value))
        return false;
    const QByteArray hex = QByteArray::number(uint(better), 16).toUpper().rightJustified(4, '0');
    pdf.replace(open + 1, 4, hex);
    return true;
}

} // namespace gx
