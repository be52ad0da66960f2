<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>gx::ReportData</name>
    <message>
        <source>The server answered with the figures of %1, not of %2.</source>
        <translation>服务器答复的是 %1 年的数字，而不是 %2 年的。</translation>
    </message>
    <message>
        <source>The server&apos;s answer holds no figures of the regions and the city.</source>
        <translation>服务器的答复中没有各地区和全市的数字。</translation>
    </message>
</context>
<context>
    <name>gx::ReportBuilder</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>There are no figures of the regions to report.</source>
        <translation>没有可写入报告的地区数字。</translation>
    </message>
    <message>
        <source>The font %1 is not installed (Debian: fonts-noto-cjk).</source>
        <translation>未安装字体 %1（Debian 软件包 fonts-noto-cjk）。</translation>
    </message>
    <message>
        <source>Equipment renewal and digital transformation: report of %1</source>
        <translation>设备更新和数字化改造 %1 年度报告</translation>
    </message>
    <message>
        <source>The PDF could not be drawn.</source>
        <translation>无法绘制 PDF。</translation>
    </message>
    <message>
        <source>The report could not be written to %1: the folder cannot be made.</source>
        <translation>无法写入报告 %1：无法创建其文件夹。</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
    <message>
        <source>%1: equipment renewal and digital transformation, %2</source>
        <translation>%1设备更新和数字化改造 %2 年度报告</translation>
    </message>
    <message>
        <source>The city</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>Period: %1. Data as of %2 (read from the server%3).</source>
        <translation>统计期：%1 年。数据日期：%2（读取自服务器%3）。</translation>
    </message>
    <message>
        <source>Registry: %1 above-size enterprises, %2 of them with a counted survey.</source>
        <translation>名录内规上企业 %1 家，其中 %2 家有计入统计的调查。</translation>
    </message>
    <message>
        <source>Every figure is shown with its numerator/denominator; the gap is the target minus the figure.</source>
        <translation>每项数字均列出其分子/分母；差距为目标值减实际值。</translation>
    </message>
    <message>
        <source>Counts: numerator/counted surveys. Investment growth: this period/base (10k yuan). Bureau figures: current/base.</source>
        <translation>计数类：数量/计入的调查数；投资增速：本期/基期（万元）；统计局数字：本期/基期。</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达标</translation>
    </message>
    <message>
        <source>%1: every indicator</source>
        <translation>%1各项指标</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Numerator/denominator</source>
        <translation>分子/分母</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
</context>
<context>
    <name>gx::ReportChart</name>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>the region&apos;s target</source>
        <translation>该地区目标值</translation>
    </message>
</context>
<context>
    <name>gx::ReportController</name>
    <message numerus="yes">
        <source>Report written to %1 (%n page(s)).</source>
        <translation>
            <numerusform>报告已写入 %1（共 %n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>报告未生成：%1</translation>
    </message>
    <message>
        <source>the server did not answer in time.</source>
        <translation>服务器未及时答复。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Export report (PDF)</source>
        <translation>导出报告(PDF)</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The figures of %1 for the city and every county, each with its numerator and denominator, target and gap, and a chart per indicator; A4, ready to print.</source>
        <translation>%1 年全市和各县（市、区）的各项指标，每项附分子和分母、目标值和差距，每项指标一张图；A4，可直接打印。</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>选择保存位置…</translation>
    </message>
    <message>
        <source>Save to the app&apos;s folder</source>
        <translation>保存到应用文件夹</translation>
    </message>
    <message>
        <source>App folder: %1</source>
        <translation>应用文件夹：%1</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Export report (PDF)</source>
        <translation>导出报告(PDF)</translation>
    </message>
</context>
</TS>
