#include "sync/figures/supplydemandexport.h"

#include "sync/figures/xlsxexport.h"

#include <QSet>

#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QString categoryLabel(const FormDefinition &form, const QString &category)
{
    const EntityDefinition *equipment = form.entity(u"equipment"_s);
    const FieldDefinition *field = equipment ? equipment->field(u"category"_s) : nullptr;
    if (field) {
        for (const ChoiceOption &option : field->options) {
            if (option.value.toString() == category)
                return option.label.zh;
        }
    }
    return category;
}

QString regionName(const RegionCatalog &catalog, const QString &code)
{
    const Region *region = catalog.region(code);
    return region ? region->name.zh : code;
}

void text(lxw_worksheet *sheet, int row, int col, const QString &value,
          lxw_format *format = nullptr)
{
    worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(col), value.toUtf8().constData(),
                           format);
}

void number(lxw_worksheet *sheet, int row, int col, double value, lxw_format *format = nullptr)
{
    worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(col), value, format);
}

} // namespace

Result<QByteArray, QString> SupplyDemandExport::xlsx(const SupplyDemandReport &report,
                                                     const RegionCatalog &catalog,
                                                     const FormDefinition &form)
{
    QList<int> years;
    for (const SupplyDemandRow &row : report.rows) {
        for (auto it = row.byYear.cbegin(); it != row.byYear.cend(); ++it) {
            if (!years.contains(it.key()))
                years.append(it.key());
        }
    }
    std::sort(years.begin(), years.end());
    return XlsxExport::write([&](lxw_workbook *book) {
        lxw_format *bold = workbook_add_format(book);
        format_set_bold(bold);
        lxw_format *gap = workbook_add_format(book);
        format_set_font_color(gap, LXW_COLOR_RED);
        format_set_bold(gap);
        lxw_format *percent = workbook_add_format(book);
        format_set_num_format(percent, "0.0%");
        lxw_worksheet *sheet = workbook_add_worksheet(book, "供需对接");
        QStringList headers{u"地区"_s,         u"地区代码"_s,       u"设备类别"_s,
                            u"计划更新企业"_s, u"计划更新台(套)"_s, u"计划投资（万元）"_s};
        for (int year : std::as_const(years))
            headers.append(u"%1年计划台(套)"_s.arg(year));
        headers << u"本地产品"_s << u"本地服务商"_s << u"供需缺口"_s;
        for (int c = 0; c < headers.size(); ++c)
            text(sheet, 0, c, headers.at(c), bold);
        int r = 1;
        for (const SupplyDemandRow &row : report.rows) {
            int c = 0;
            text(sheet, r, c++, regionName(catalog, row.region));
            text(sheet, r, c++, row.region);
            text(sheet, r, c++, categoryLabel(form, row.category));
            number(sheet, r, c++, row.demand.enterprises);
            number(sheet, r, c++, double(row.demand.units));
            number(sheet, r, c++, row.demand.investment);
            for (int year : std::as_const(years))
                number(sheet, r, c++, double(row.byYear.value(year).units));
            number(sheet, r, c++, row.products);
            number(sheet, r, c++, row.providers);
            if (row.isGap())
                text(sheet, r, c, u"是"_s, gap);
            else if (row.demand.rows > 0)
                text(sheet, r, c, u"否"_s);
            ++r;
        }
        r += 1;
        const QStringList figureHeaders{u"地区"_s, u"有需求的设备类别"_s, u"其中有本地供给"_s,
                                        u"本地供给覆盖率"_s, u"缺口类别"_s};
        for (int c = 0; c < figureHeaders.size(); ++c)
            text(sheet, r, c, figureHeaders.at(c), bold);
        QList<SupplyDemandRegion> figures = report.regions;
        figures.append(report.city);
        for (const SupplyDemandRegion &region : std::as_const(figures)) {
            ++r;
            const bool isCity = region.region == report.city.region;
            text(sheet, r, 0, isCity ? u"全市"_s : regionName(catalog, region.region),
                 isCity ? bold : nullptr);
            number(sheet, r, 1, region.categoriesWithDemand);
            number(sheet, r, 2, region.categoriesSupplied);
            if (region.categoriesWithDemand > 0)
                number(sheet, r, 3, double(region.categoriesSupplied) / region.categoriesWithDemand,
                       percent);
            number(sheet, r, 4, region.gaps);
        }
        worksheet_set_column(sheet, 0, 2, 18, nullptr);
        worksheet_set_column(sheet, 3, lxw_col_t(headers.size()), 14, nullptr);
    });
}

} // namespace gx::server
