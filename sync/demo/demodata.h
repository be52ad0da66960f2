#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gx::server {

/** A manufacturing class of GB/T 4754-2017 as the demo uses it: code, name word, cluster. */
struct DemoIndustry
{
    QString code;          ///< four digits, e.g. 3421
    QString word;          ///< what goes into a company name, e.g. 机床
    QString cluster;       ///< the policy's cluster (docs/design.md "Records")
    QStringList equipment; ///< equipment categories typical of the trade, besides the common ones
    int weight = 1;        ///< how common the trade is in the city
};

/** An equipment kind the demo puts on the shop floor: category, names, models, makers. */
struct DemoEquipmentKind
{
    QString category; ///< a category code of the survey definition
    QStringList names;
    QStringList models;
    QStringList manufacturers;
    bool keyEnergy = false; ///< 重点用能设备: motors, pumps, fans, compressors, ...
    bool cnc = false;       ///< may be numerically controlled
    double minPowerKw = 1;
    double maxPowerKw = 50;
    int maxQuantity = 4;
};

/** A region of the city as the demo populates it: its share and a few place names. */
struct DemoPlace
{
    QString region;   ///< the catalog code
    QString division; ///< the GB/T 2260 code in its enterprises' USCCs
    QString prefix;   ///< the place name that starts company names (丽水, 缙云, ...)
    QString district; ///< the county's full name for addresses
    QStringList streets;
    QStringList specialities; ///< industry codes more common here (云和 toys, 龙泉 celadon, ...)
    int weight = 1;
    double lat = 28.4; ///< the county seat, for survey locations
    double lon = 119.9;
};

/**
 * The fixed tables of the demo generator (DemoCity): trades, equipment, places and name parts,
 * chosen so that a generated city reads like Lishui's industry (valves, bearings, auto parts,
 * wooden toys, celadon, pharmaceuticals, semiconductors in the development zone, ...).
 */
class DemoData
{
public:
    [[nodiscard]] static const QList<DemoIndustry> &industries();
    [[nodiscard]] static const QList<DemoPlace> &places();
    /** The kinds every factory may have (motors, pumps, machine tools, ...). */
    [[nodiscard]] static const QStringList &commonEquipment();
    [[nodiscard]] static const DemoEquipmentKind &equipmentKind(const QString &category);
    [[nodiscard]] static const QStringList &brandFirst();
    [[nodiscard]] static const QStringList &brandSecond();
    [[nodiscard]] static const QStringList &surnames();
    [[nodiscard]] static const QStringList &givenNames();
    /** Key production processes (关键工序) by name. */
    [[nodiscard]] static const QStringList &keyProcesses();
    /** Review comments that an office writes, with the survey field each is pinned to. */
    [[nodiscard]] static const QList<std::pair<QString, QString>> &issueComments();
    [[nodiscard]] static const QStringList &rejectComments();
};

} // namespace gx::server
