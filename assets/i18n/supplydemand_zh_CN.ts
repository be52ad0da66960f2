<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppMenu</name>
    <message>
        <source>Supply and demand</source>
        <translation>供需对接</translation>
    </message>
</context>
<context>
    <name>DemandEnterpriseCard</name>
    <message>
        <source>%1 units, %2</source>
        <translation>%1 台（套），%2</translation>
    </message>
    <message>
        <source>%1 %2 × %3, %4, %5</source>
        <translation>%1 %2 × %3，%4，%5</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Supply and demand of %1: every county and equipment category, as an Excel workbook.</source>
        <translation>%1 年度供需对接：各县（市、区）和设备类别，导出为 Excel 工作簿。</translation>
    </message>
</context>
<context>
    <name>SupplyDemandCard</name>
    <message>
        <source>Gap</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>Demand: %1 enterprises, %2 units, %3</source>
        <translation>需求：%1 家企业，%2 台（套），%3</translation>
    </message>
    <message>
        <source>No planned renewals</source>
        <translation>无计划更新</translation>
    </message>
    <message>
        <source>Local supply: %1 products, %2 providers</source>
        <translation>本地供给：产品 %1 个，服务商 %2 家</translation>
    </message>
</context>
<context>
    <name>SupplyDemandChart</name>
    <message>
        <source>Planned investment (10k yuan)</source>
        <translation>计划投资（万元）</translation>
    </message>
    <message>
        <source>Served by local supply</source>
        <translation>有本地供给</translation>
    </message>
    <message>
        <source>Gap: no local supply</source>
        <translation>缺口：无本地供给</translation>
    </message>
</context>
<context>
    <name>SupplyDemandDetailScreen</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2: %3 enterprises plan %4 units, %5</source>
        <translation>%1 · %2：%3 家企业计划更新 %4 台（套），%5</translation>
    </message>
    <message>
        <source>Local products and providers</source>
        <translation>本地产品和服务商</translation>
    </message>
    <message>
        <source>Gap: no product made in the county and no provider of the county serves this category.</source>
        <translation>缺口：本县（市、区）没有生产该类设备的企业，也没有服务该类设备的服务商。</translation>
    </message>
    <message>
        <source>Enterprises planning renewals</source>
        <translation>计划更新的企业</translation>
    </message>
    <message>
        <source>No counted survey plans a renewal here.</source>
        <translation>没有计入统计的调查计划更新此类设备。</translation>
    </message>
</context>
<context>
    <name>SupplyDemandFigure</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Planned: %1 enterprises, %2 units, %3</source>
        <translation>计划更新：%1 家企业，%2 台（套），%3</translation>
    </message>
    <message>
        <source>Planned: %1 units, %2</source>
        <translation>计划更新：%1 台（套），%2</translation>
    </message>
</context>
<context>
    <name>SupplyDemandScreen</name>
    <message>
        <source>Supply and demand</source>
        <translation>供需对接</translation>
    </message>
    <message>
        <source>Period %1</source>
        <translation>%1 年度</translation>
    </message>
    <message>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>Renewal in %1</source>
        <translation>%1 年更新</translation>
    </message>
    <message>
        <source>Every planned year</source>
        <translation>全部计划年份</translation>
    </message>
    <message>
        <source>Gaps only</source>
        <translation>只看缺口</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>No figures yet: connect to the server and refresh.</source>
        <translation>尚无数据：请连接服务器后刷新。</translation>
    </message>
    <message>
        <source>Counties and categories (%1)</source>
        <translation>县（市、区）与设备类别（%1）</translation>
    </message>
    <message>
        <source>Nothing to show for this choice.</source>
        <translation>当前筛选下没有数据。</translation>
    </message>
</context>
<context>
    <name>SupplyDemandTableHeader</name>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>Equipment category</source>
        <translation>设备类别</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>台（套）</translation>
    </message>
    <message>
        <source>Planned investment</source>
        <translation>计划投资</translation>
    </message>
    <message>
        <source>Local products</source>
        <translation>本地产品</translation>
    </message>
    <message>
        <source>Local providers</source>
        <translation>本地服务商</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>缺口</translation>
    </message>
</context>
<context>
    <name>SupplyDemandTableRow</name>
    <message>
        <source>Gap</source>
        <translation>缺口</translation>
    </message>
</context>
<context>
    <name>SupplyOfferRow</name>
    <message>
        <source>First of its kind</source>
        <translation>首台（套）</translation>
    </message>
    <message>
        <source>Province&apos;s excellent provider</source>
        <translation>省级优秀服务商</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
</context>
<context>
    <name>gx::ExportController</name>
    <message>
        <source>The supply and demand report is exported as XLSX only.</source>
        <translation>供需对接只能导出为 XLSX。</translation>
    </message>
</context>
<context>
    <name>gx::SupplyDemandDetailModel</name>
    <message>
        <source>renewal in %1</source>
        <translation>%1 年更新</translation>
    </message>
    <message>
        <source>year not given</source>
        <translation>未填计划年份</translation>
    </message>
    <message>
        <source>investment not given</source>
        <translation>未填计划投资</translation>
    </message>
</context>
<context>
    <name>gx::SupplyDemandModel</name>
    <message>
        <source>Local supply coverage</source>
        <translation>本地供给覆盖率</translation>
    </message>
    <message>
        <source>%1 of %2 categories with demand have a local product or provider</source>
        <translation>有需求的 %2 类设备中，%1 类有本地产品或服务商</translation>
    </message>
    <message>
        <source>No planned renewals: the denominator is 0.</source>
        <translation>无计划更新：分母为 0。</translation>
    </message>
    <message>
        <source>Planned investment per category: the %1 largest of %2</source>
        <translation>各类设备计划投资：%2 类中最大的 %1 类</translation>
    </message>
    <message>
        <source>Planned investment per category</source>
        <translation>各类设备计划投资</translation>
    </message>
    <message>
        <source>%1 of %2 county and category pairs with demand have a local product or provider</source>
        <translation>各县（市、区）有需求的 %2 个设备类别中，%1 个有本地产品或服务商</translation>
    </message>
    <message>
        <source>Gaps: %1</source>
        <translation>缺口 %1 个</translation>
    </message>
</context>
<context>
    <name>gx::SupplyDemandParser</name>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>%1 has the wrong type</source>
        <translation>%1 的类型不对</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 超出范围</translation>
    </message>
    <message>
        <source>%1 is not what was asked for</source>
        <translation>%1 与所查询的不符</translation>
    </message>
    <message>
        <source>The server&apos;s supply and demand answer could not be read (%1); nothing shown was changed.</source>
        <translation>无法读取服务器返回的供需对接数据（%1），显示内容未作改动。</translation>
    </message>
    <message>
        <source>%1 (10k yuan)</source>
        <translation>%1 万元</translation>
    </message>
</context>
<context>
    <name>gx::SupplyOfferModel</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>型号 %1</translation>
    </message>
    <message>
        <source>%1–%2 (10k yuan)</source>
        <translation>%1–%2 万元</translation>
    </message>
</context>
</TS>
