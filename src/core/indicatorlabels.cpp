#include "core/indicatorlabels.h"

#include "core/indicators.h"

#include <QHash>

namespace gx {

using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    LocalizedText label;
    FigureKind kind;
};

const QHash<QString, Entry> &table()
{
    using namespace indicator;
    static const QHash<QString, Entry> entries{
        {kTechInvestGrowth,
         {{u"工业企业技术改造投资增速"_s, u"Technical-renovation investment growth"_s},
          FigureKind::Rate}},
        {kEquipmentMfgValueAddedGrowth,
         {{u"装备制造业增加值增速"_s, u"Equipment manufacturing value-added growth"_s},
          FigureKind::Rate}},
        {kConsumerGoodsRevenueGrowth,
         {{u"消费品工业企业营业收入增速"_s, u"Consumer-goods industry revenue growth"_s},
          FigureKind::Rate}},
        {kDigitalCoreValueAddedGrowth,
         {{u"数字经济核心产业增加值增速"_s,
           u"Digital-economy core industries value-added growth"_s},
          FigureKind::Rate}},
        {kDigitalRenovationCoverage,
         {{u"规上工业企业数字化智能化改造覆盖率"_s,
           u"Digital renovation coverage of above-size enterprises"_s},
          FigureKind::Rate}},
        {kDesignToolPenetration,
         {{u"数字化研发设计工具普及率"_s, u"Digital design-tool penetration"_s}, FigureKind::Rate}},
        {kKeyProcessCncRate,
         {{u"关键工序数控化率"_s, u"Key-process CNC rate"_s}, FigureKind::Rate}},
        {kKeyProcessCncRatePooled,
         {{u"关键工序数控化率（合计口径）"_s, u"Key-process CNC rate (pooled)"_s},
          FigureKind::Rate}},
        {kEquipmentInvestGrowth,
         {{u"设备投资较2023年增长"_s, u"Equipment investment growth over 2023"_s},
          FigureKind::Rate}},
        {kAgedEquipmentShare,
         {{u"超期服役设备占比"_s, u"Share of aged equipment"_s}, FigureKind::Rate}},
        {kPlannedRenewalShare,
         {{u"计划更新设备占比"_s, u"Share of equipment planned for renewal"_s}, FigureKind::Rate}},
        {kRenewedShare, {{u"已更新设备占比"_s, u"Share of equipment renewed"_s}, FigureKind::Rate}},
        {kEliminatedShare,
         {{u"已淘汰设备占比"_s, u"Share of equipment eliminated"_s}, FigureKind::Rate}},
        {kEnergyAdvancedShare,
         {{u"重点用能设备能效先进水平占比"_s,
           u"Key energy-using equipment at the advanced level"_s},
          FigureKind::Rate}},
        {kEnergySavingOrBetterShare,
         {{u"重点用能设备能效节能水平及以上占比"_s,
           u"Key energy-using equipment at energy-saving level or better"_s},
          FigureKind::Rate}},
        {kNewFutureFactories, {{u"新增未来工厂"_s, u"New future factories"_s}, FigureKind::Count}},
        {kNewSmartFactories,
         {{u"新增智能工厂（数字化车间）"_s, u"New smart factories and digital workshops"_s},
          FigureKind::Count}},
        {kRobotsAdded, {{u"新增工业机器人"_s, u"Industrial robots added"_s}, FigureKind::Count}},
        {kBackwardCapacityEnterprises,
         {{u"淘汰落后产能涉及企业"_s, u"Enterprises eliminating backward capacity"_s},
          FigureKind::Count}},
        {kSurveyCompletion,
         {{u"规上企业调查完成率"_s, u"Survey completion (above-size)"_s}, FigureKind::Rate}},
        {kSafetyEquipment,
         {{u"须更新的安全类设备占比"_s, u"Share of equipment to replace on safety grounds"_s},
          FigureKind::Rate}},
    };
    return entries;
}

} // namespace

LocalizedText indicatorLabel(const QString &name)
{
    const auto it = table().constFind(name);
    return it == table().cend() ? LocalizedText{name, name} : it->label;
}

FigureKind indicatorKind(const QString &name)
{
    const auto it = table().constFind(name);
    return it == table().cend() ? FigureKind::Rate : it->kind;
}

Comparison indicatorComparison(const QString &name)
{
    using namespace indicator;
    // 超过93%、75% (design tools, CNC), 能效标杆水平产能比例超过50% (energy-advanced share).
    if (name == kDesignToolPenetration || name == kKeyProcessCncRate ||
        name == kEnergyAdvancedShare)
        return Comparison::Above;
    return Comparison::AtLeast;
}

} // namespace gx
