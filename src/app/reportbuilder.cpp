#include "app/reportbuilder.h"

#include "app/figureformatter.h"
#include "app/pdftextfix.h"
#include "app/reportchart.h"
#include "core/indicatorlabels.h"
#include "core/indicators.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr int kResolution = 600; // dots per inch of the PDF's coordinates
constexpr double kRowMm = 4.8;   // a table row
constexpr double kFooterMm = 8;  // the page number's band at the bottom
const QMarginsF kMarginsMm(15, 12, 15, 12);

const QColor kInk(0x21, 0x21, 0x21);
const QColor kMuted(0x61, 0x61, 0x61);
const QColor kRule(0xbd, 0xbd, 0xbd);
const QColor kHeaderFill(0xe8, 0xea, 0xf6);
const QColor kStripe(0xf5, 0xf5, 0xf5);
const QColor kMissed(0xc6, 0x28, 0x28);
const QColor kMet(0x2e, 0x7d, 0x32);

struct Cell
{
    QString text;
    QColor color = kInk;
    bool bold = false;
};

} // namespace

/** The cursor over the pages: where the next block goes; paints when it has a painter. */
class ReportBuilder::Layout
{
public:
    Layout(QPdfWriter &writer, QPainter *painter, int totalPages)
        : m_writer(writer)
        , m_painter(painter)
        , m_totalPages(totalPages)
        , m_unit(kResolution / 25.4)
    {}

    [[nodiscard]] double mm(double millimetres) const { return millimetres * m_unit; }
    [[nodiscard]] double width() const { return m_writer.width(); }
    [[nodiscard]] double bottom() const { return m_writer.height() - mm(kFooterMm); }
    [[nodiscard]] double y() const { return m_y; }
    void advance(double millimetres) { m_y += mm(millimetres); }
    [[nodiscard]] int page() const { return m_page; }
    [[nodiscard]] QPainter *painter() const { return m_painter; }
    [[nodiscard]] QPaintDevice *device() const { return &m_writer; }

    /** Starts a new page unless `millimetres` still fit on this one. */
    void ensure(double millimetres)
    {
        if (m_y + mm(millimetres) <= bottom())
            return;
        footer();
        if (m_painter)
            m_writer.newPage();
        ++m_page;
        m_y = 0;
    }
    /** Ends the last page. */
    void finish() { footer(); }

    [[nodiscard]] static QFont font(double points, bool bold = false)
    {
        return ReportBuilder::font(points, bold);
    }

    /** One line of text in the box, elided to fit. */
    void text(const QRectF &box, const QString &text, const QFont &font, const QColor &color,
              Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) const
    {
        if (!m_painter)
            return;
        m_painter->setFont(font);
        m_painter->setPen(color);
        const QString shown =
            QFontMetricsF(font, &m_writer).elidedText(text, Qt::ElideRight, box.width());
        m_painter->drawText(box, int(align), shown);
    }

    /** A table: widths in mm (summing to the width), a header row, rows of cells. */
    void table(const QList<double> &widthsMm, const QStringList &header,
               const QList<QList<Cell>> &rows)
    {
        const QFont headerFont = font(8.5, true);
        const QFont body = font(8.5);
        const QFont bold = font(8.5, true);
        const double rowHeight = mm(kRowMm);
        const auto row = [&](int index, const QList<Cell> &cells, bool isHeader) {
            const double top = m_y;
            if (m_painter) {
                const QRectF band(0, top, width(), rowHeight);
                if (isHeader)
                    m_painter->fillRect(band, kHeaderFill);
                else if (index % 2 == 1)
                    m_painter->fillRect(band, kStripe);
                m_painter->setPen(QPen(kRule, mm(0.15)));
                m_painter->drawLine(band.bottomLeft(), band.bottomRight());
            }
            double x = 0;
            for (qsizetype c = 0; c < widthsMm.size() && c < cells.size(); ++c) {
                const QRectF box(x + mm(1.2), top, mm(widthsMm.at(c)) - mm(2.4), rowHeight);
                const Cell &cell = cells.at(c);
                text(box, cell.text, isHeader ? headerFont : (cell.bold ? bold : body), cell.color,
                     (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
                x += mm(widthsMm.at(c));
            }
            m_y += rowHeight;
        };
        QList<Cell> headerCells;
        for (const QString &title : header)
            headerCells.append({title, kInk, true});
        row(0, headerCells, true);
        for (qsizetype r = 0; r < rows.size(); ++r)
            row(int(r), rows.at(r), false);
    }

private:
    void footer() const
    {
        if (!m_painter)
            return;
        const QRectF band(0, m_writer.height() - mm(kFooterMm * 0.75), width(),
                          mm(kFooterMm * 0.75));
        m_painter->setPen(QPen(kRule, mm(0.15)));
        m_painter->drawLine(band.topLeft(), band.topRight());
        text(band, ReportBuilder::tr("Page %1 of %2").arg(m_page).arg(m_totalPages), font(8),
             kMuted, Qt::AlignHCenter | Qt::AlignBottom);
    }

    QPdfWriter &m_writer;
    QPainter *m_painter;
    int m_totalPages;
    double m_unit;
    double m_y = 0;
    int m_page = 1;
};

QFont ReportBuilder::font(double points, bool bold)
{
    QFont f(QString::fromLatin1(kFontFamily));
    f.setPointSizeF(points);
    f.setBold(bold);
    // No ligatures or contextual forms: a substituted glyph (the "fi" ligature, the digits in a
    // Latin run) has no code point in the font's cmap, so its text would be lost in the PDF.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

ReportBuilder::ReportBuilder(ReportData data, Language language)
    : m_data(std::move(data))
    , m_language(language)
{}

QStringList ReportBuilder::indicators() const
{
    QStringList out;
    for (const QString &name : indicatorNames()) {
        bool present = m_data.city.figures.contains(name);
        for (const ReportRegion &region : m_data.regions)
            present = present || region.figures.contains(name);
        if (present)
            out.append(name);
    }
    return out;
}

QVariantMap ReportBuilder::describe(const ReportRegion &region, const QString &indicator) const
{
    return FigureFormatter::describe(indicator, region.figures.value(indicator).toJson(),
                                     m_language);
}

QString ReportBuilder::regionName(const ReportRegion &region) const
{
    return m_language == Language::En && !region.nameEn.isEmpty() ? region.nameEn : region.name;
}

Result<QByteArray, ReportError> ReportBuilder::render(int *pages) const
{
    if (m_data.regions.isEmpty())
        return ReportError{ReportError::Code::NoFigures,
                           tr("There are no figures of the regions to report.")};
    if (!QFontDatabase::families().contains(QString::fromLatin1(kFontFamily)))
        return ReportError{ReportError::Code::FontMissing,
                           tr("The font %1 is not installed (Debian: fonts-noto-cjk).")
                               .arg(QString::fromLatin1(kFontFamily))};
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Portrait);
        writer.setPageMargins(kMarginsMm, QPageLayout::Millimeter);
        writer.setResolution(kResolution);
        writer.setCreator(u"gengxin"_s);
        writer.setTitle(
            tr("Equipment renewal and digital transformation: report of %1").arg(m_data.period));
        Layout measure(writer, nullptr, 0);
        lay(measure);
        const int total = measure.page();
        QPainter painter;
        if (!painter.begin(&writer))
            return ReportError{ReportError::Code::CannotWrite, tr("The PDF could not be drawn.")};
        Layout layout(writer, &painter, total);
        lay(layout);
        painter.end();
        if (pages)
            *pages = total;
    }
    PdfTextFix(Layout::font(9)).apply(bytes);
    return bytes;
}

Result<ReportFile, ReportError> ReportBuilder::write(const QString &path) const
{
    int pages = 0;
    auto bytes = render(&pages);
    if (!bytes)
        return bytes.error();
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (!QFileInfo(path).absoluteDir().exists() && !QDir().mkpath(QFileInfo(path).absolutePath()))
        return ReportError{
            ReportError::Code::CannotWrite,
            tr("The report could not be written to %1: the folder cannot be made.").arg(shown)};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes.value().size() ||
        !file.commit())
        return ReportError{
            ReportError::Code::CannotWrite,
            tr("The report could not be written to %1: %2").arg(shown, file.errorString())};
    return ReportFile{QFileInfo(path).absoluteFilePath(), pages, bytes.value().size()};
}

void ReportBuilder::lay(Layout &layout) const
{
    layTitle(layout);
    layCityTable(layout);
    int number = 1;
    for (const QString &indicator : indicators())
        layIndicator(layout, number++, indicator);
    layout.finish();
}

void ReportBuilder::layTitle(Layout &layout) const
{
    const double w = layout.width();
    const QString city = regionName(m_data.city);
    layout.text(QRectF(0, layout.y(), w, layout.mm(10)),
                tr("%1: equipment renewal and digital transformation, %2")
                    .arg(city.isEmpty() ? tr("The city") : city)
                    .arg(m_data.period),
                Layout::font(16, true), kInk);
    layout.advance(11);
    QStringList lines;
    lines << tr("Period: %1. Data as of %2 (read from the server%3).")
                 .arg(m_data.period)
                 .arg(m_data.dataDate.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s),
                      m_data.source.isEmpty() ? QString() : u" "_s + m_data.source);
    lines << tr("Registry: %1 above-size enterprises, %2 of them with a counted survey.")
                 .arg(m_data.city.registry)
                 .arg(m_data.city.surveyed);
    lines << tr("Every figure is shown with its numerator/denominator; the gap is the target "
                "minus the figure.");
    lines << tr("Counts: numerator/counted surveys. Investment growth: this period/base "
                "(10k yuan). Bureau figures: current/base.");
    for (const QString &line : std::as_const(lines)) {
        layout.text(QRectF(0, layout.y(), w, layout.mm(5)), line, Layout::font(9), kMuted);
        layout.advance(5);
    }
    layout.advance(3);
}

namespace {

QList<Cell> figureCells(const QString &first, const QVariantMap &f, bool bold)
{
    const QString met = f.value(u"met"_s).toString();
    QString gap = f.value(u"gapText"_s).toString();
    QColor gapColor = kMissed;
    if (met == u"met"_s) {
        gap = ReportBuilder::tr("met");
        gapColor = kMet;
    } else if (met == u"none"_s) {
        gap = u"—"_s;
        gapColor = kMuted;
    }
    const QString fraction = FigureFormatter::number(f.value(u"numerator"_s).toDouble()) + u'/' +
                             FigureFormatter::number(f.value(u"denominator"_s).toDouble());
    return {{first, kInk, bold},
            {f.value(u"valueText"_s).toString(), kInk, bold},
            {fraction, kInk, bold},
            {f.value(u"hasTarget"_s).toBool() ? f.value(u"targetText"_s).toString() : u"—"_s, kInk,
             bold},
            {gap, gapColor, bold}};
}

} // namespace

void ReportBuilder::layCityTable(Layout &layout) const
{
    const QStringList names = indicators();
    layout.ensure(8 + kRowMm * double(names.size() + 1));
    layout.text(QRectF(0, layout.y(), layout.width(), layout.mm(7)),
                tr("%1: every indicator").arg(regionName(m_data.city)), Layout::font(12, true),
                kInk);
    layout.advance(8);
    QList<QList<Cell>> rows;
    for (const QString &name : names)
        rows.append(
            figureCells(indicatorLabel(name).text(m_language), describe(m_data.city, name), false));
    layout.table(
        {76, 20, 36, 22, 26},
        {tr("Indicator"), tr("Value"), tr("Numerator/denominator"), tr("Target"), tr("Gap")}, rows);
    layout.advance(6);
}

void ReportBuilder::layIndicator(Layout &layout, int number, const QString &indicator) const
{
    const double tableMm = kRowMm * double(m_data.regions.size() + 2);
    const double chartMm = ReportChart::heightMm(int(m_data.regions.size()));
    layout.ensure(8 + tableMm + 3 + chartMm);
    layout.text(QRectF(0, layout.y(), layout.width(), layout.mm(7)),
                u"%1. %2"_s.arg(number).arg(indicatorLabel(indicator).text(m_language)),
                Layout::font(11, true), kInk);
    layout.advance(8);
    QList<QList<Cell>> rows;
    rows.append(figureCells(regionName(m_data.city), describe(m_data.city, indicator), true));
    ReportChart chart;
    chart.unit = FigureFormatter::kindOf(indicator) == u"count"_s ? QString() : u"%"_s;
    for (const ReportRegion &region : m_data.regions) {
        const QVariantMap f = describe(region, indicator);
        rows.append(figureCells(regionName(region), f, false));
        chart.bars.append({regionName(region), f.value(u"hasValue"_s).toBool(),
                           f.value(u"chartValue"_s).toDouble(), f.value(u"valueText"_s).toString(),
                           f.value(u"hasTarget"_s).toBool(), f.value(u"chartTarget"_s).toDouble()});
    }
    layout.table({46, 22, 44, 30, 38},
                 {tr("Region"), tr("Value"), tr("Numerator/denominator"), tr("Target"), tr("Gap")},
                 rows);
    layout.advance(3);
    if (QPainter *painter = layout.painter()) {
        chart.paint(*painter, QRectF(0, layout.y(), layout.width(), layout.mm(chartMm)),
                    layout.mm(1), layout.device());
    }
    layout.advance(chartMm + 5);
}

} // namespace gx
