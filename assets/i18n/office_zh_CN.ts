<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CountyFiguresRow</name>
    <message>
        <source>%1 of %2 surveyed</source>
        <translation>已调查 %1 / %2 家</translation>
    </message>
</context>
<context>
    <name>CountyScreen</name>
    <message>
        <source>Search by name or USCC</source>
        <translation>按企业名称或统一社会信用代码搜索</translation>
    </message>
    <message>
        <source>%1 enterprises, %2 submitted</source>
        <translation>共 %1 家企业，已提交 %2 家</translation>
    </message>
    <message>
        <source>No enterprises of this county on this device.</source>
        <translation>本设备上没有该县（市、区）的企业。</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Dashboard</source>
        <translation>指标总览</translation>
    </message>
    <message>
        <source>Period %1</source>
        <translation>%1 年度</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Official figures</source>
        <translation>统计局数据</translation>
    </message>
    <message>
        <source>Offline: these are the figures of %1.</source>
        <translation>离线：显示的是 %1 的数据。</translation>
    </message>
    <message>
        <source>No figures yet: connect to the server and refresh.</source>
        <translation>尚无指标数据：请连接服务器后刷新。</translation>
    </message>
    <message>
        <source>%1: indicators and targets</source>
        <translation>%1：指标与目标</translation>
    </message>
    <message>
        <source>Counties</source>
        <translation>各县（市、区）</translation>
    </message>
    <message>
        <source>Counties against their targets</source>
        <translation>各县（市、区）与目标对比</translation>
    </message>
    <message>
        <source>Figures of %1.</source>
        <translation>数据更新于 %1。</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标值</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export figures</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The figures of %1 for every county and the city.</source>
        <translation>%1 年各县（市、区）及全市的指标。</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel（XLSX）</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>选择保存位置…</translation>
    </message>
    <message>
        <source>Save to Downloads</source>
        <translation>保存到下载文件夹</translation>
    </message>
</context>
<context>
    <name>IndicatorCard</name>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Tap for numerator and denominator</source>
        <translation>点击查看分子和分母</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>无目标</translation>
    </message>
</context>
<context>
    <name>IndicatorChart</name>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>MetBadge</name>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
</context>
<context>
    <name>OfficialFigureRow</name>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Growth %</source>
        <translation>增速 %</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期数</translation>
    </message>
    <message>
        <source>Base period</source>
        <translation>基期数</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>无目标</translation>
    </message>
</context>
<context>
    <name>OfficialFiguresScreen</name>
    <message>
        <source>Official figures</source>
        <translation>统计局数据</translation>
    </message>
    <message>
        <source>Figures of %1 from the statistics bureau. Enter growth as a percent (12.5 = 12.5%); the amounts behind it are optional.</source>
        <translation>%1 年统计局数据。增速按百分数填写（12.5 即 12.5%），本期数和基期数可不填。</translation>
    </message>
</context>
<context>
    <name>RegistryImportScreen</name>
    <message>
        <source>Import the registry</source>
        <translation>导入企业名录</translation>
    </message>
    <message>
        <source>Choose the registry file</source>
        <translation>选择企业名录文件</translation>
    </message>
    <message>
        <source>Registry files (*.csv *.xlsx)</source>
        <translation>企业名录文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>The statistics bureau&apos;s list of enterprises, as a CSV file or an Excel workbook (.xlsx) whose first row is uscc, name, region, industry_code, above_size. The file is checked first, which changes nothing; import it once the check finds no problem. A file with any bad row is not imported at all.</source>
        <translation>统计局的企业名录：CSV 文件或 Excel 工作簿（.xlsx），第一行为 uscc, name, region, industry_code, above_size。先检查文件（不会改动任何数据），检查无误后再确认导入；只要有一行有误，整个文件都不会导入。</translation>
    </message>
    <message>
        <source>Path of the file, or choose it</source>
        <translation>文件路径，或点“选择文件”</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Imported: %1 (%2)</source>
        <translation>已导入：%1（%2）</translation>
    </message>
    <message>
        <source>Checked: %1 (%2)</source>
        <translation>已检查：%1（%2）</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Import %1 rows</source>
        <translation>确认导入 %1 行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Pinned to: %1</source>
        <translation>针对字段：%1</translation>
    </message>
    <message>
        <source>Comment (required for has issues and reject)</source>
        <translation>审核意见（“有问题”和“退回”必填）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Has issues</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>This survey is not on this device yet: sync first.</source>
        <translation>本设备上还没有这份调查，请先同步。</translation>
    </message>
    <message>
        <source>Last comment: %1</source>
        <translation>上次意见：%1</translation>
    </message>
</context>
<context>
    <name>TargetRow</name>
    <message>
        <source>On the server: %1</source>
        <translation>现值：%1</translation>
    </message>
    <message>
        <source>%1 annex: %2</source>
        <translation>%1 年附件：%2</translation>
    </message>
    <message>
        <source>%1 annex: none</source>
        <translation>%1 年附件：无</translation>
    </message>
</context>
<context>
    <name>TargetsScreen</name>
    <message>
        <source>Targets</source>
        <translation>目标值设置</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>保存（%1 项）</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Targets of %1. Rates as a percent (95 = 95%), counts as whole numbers; an empty box removes the target. Beside each, the %2 annex&apos;s target.</source>
        <translation>%1 年目标值。比率按百分数填写（95 即 95%），数量填整数；清空即删除该目标。每项旁为 %2 年附件的目标值，供参考。</translation>
    </message>
</context>
<context>
    <name>gx::CountyEnterprisesModel</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Not surveyed</source>
        <translation>未调查</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Has issues</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未审核</translation>
    </message>
    <message numerus="yes">
        <source>Digital level %1 · CNC key processes %2 · %n equipment row(s)</source>
        <translation>
            <numerusform>数字化水平 %1 · 数控关键工序 %2 · 设备清单 %n 条</numerusform></translation>
    </message>
</context>
<context>
    <name>gx::CoverageModel</name>
    <message>
        <source>%1 Showing the figures of %2.</source>
        <translation>%1 当前显示 %2 的数据。</translation>
    </message>
</context>
<context>
    <name>gx::OfficeModel</name>
    <message>
        <source>Offline data, as of %1</source>
        <translation>离线数据，截至 %1</translation>
    </message>
</context>
<context>
    <name>gx::ExportController</name>
    <message>
        <source>Choose CSV or XLSX.</source>
        <translation>请选择 CSV 或 XLSX。</translation>
    </message>
    <message>
        <source>The file could not be written to %1: %2</source>
        <translation>无法写入文件 %1：%2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>gx::FigureFormatter</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2（分子 / 分母）</translation>
    </message>
    <message>
        <source>this period %1 / base %2 (10k yuan)</source>
        <translation>本期 %1 / 基期 %2（万元）</translation>
    </message>
    <message>
        <source>no amounts given by the bureau</source>
        <translation>统计局未提供本期数和基期数</translation>
    </message>
    <message>
        <source>current %1 / base %2</source>
        <translation>本期 %1 / 基期 %2</translation>
    </message>
    <message>
        <source>%1 over %2 counted surveys</source>
        <translation>%1（计入统计的调查 %2 份）</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>差 %1</translation>
    </message>
    <message>
        <source>%1 points short</source>
        <translation>差 %1 个百分点</translation>
    </message>
    <message>
        <source>must exceed the target</source>
        <translation>须超过目标值</translation>
    </message>
    <message>
        <source>Not entered yet: the statistics bureau's figure is entered by the office.</source>
        <translation>尚未录入：统计局数据由经信局录入。</translation>
    </message>
    <message>
        <source>No data: no counted survey reports both amounts.</source>
        <translation>暂无数据：没有计入统计的调查同时填报本期和基期金额。</translation>
    </message>
    <message>
        <source>No data: the denominator is 0.</source>
        <translation>暂无数据：分母为 0。</translation>
    </message>
</context>
<context>
    <name>gx::OfficeClient</name>
    <message>
        <source>Nobody is logged in.</source>
        <translation>尚未登录。</translation>
    </message>
    <message>
        <source>This needs the server: log in online to see and change the office's figures.</source>
        <translation>此功能需要连接服务器：请在线登录后查看和修改指标。</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1). Check the network and try again.</source>
        <translation>无法连接服务器（%1）。请检查网络后重试。</translation>
    </message>
    <message>
        <source>The login has expired: log in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>Only office and admin users may do this.</source>
        <translation>只有经信局和管理员用户可以进行此操作。</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>服务器返回错误（HTTP %1）。</translation>
    </message>
</context>
<context>
    <name>gx::OfficialFiguresModel</name>
    <message>
        <source>Enter the growth as a percent, e.g. 12.5.</source>
        <translation>请以百分数填写增速，例如 12.5。</translation>
    </message>
    <message>
        <source>Enter a number, or leave it empty.</source>
        <translation>请输入数字，或留空。</translation>
    </message>
</context>
<context>
    <name>gx::RegistryErrorModel</name>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Region code</source>
        <translation>地区代码</translation>
    </message>
    <message>
        <source>Industry code</source>
        <translation>行业代码</translation>
    </message>
    <message>
        <source>Above designated size</source>
        <translation>是否规模以上</translation>
    </message>
    <message>
        <source>Whole line</source>
        <translation>整行</translation>
    </message>
    <message>
        <source>The whole file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>Header (line 1)</source>
        <translation>表头（第 1 行）</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
</context>
<context>
    <name>gx::RegistryImportController</name>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is an old Excel file (.xls): open it in Excel and save it as an Excel workbook (.xlsx) or as CSV, then choose that file.</source>
        <translation>%1 是旧版 Excel 文件（.xls）：请在 Excel 中打开，另存为 Excel 工作簿（.xlsx）或 CSV 后，再选择该文件。</translation>
    </message>
    <message>
        <source>The file %1 is %2 MB; a registry file may be at most %3 MB.</source>
        <translation>文件 %1 大小为 %2 MB，企业名录文件最大 %3 MB。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 is empty: it needs the header row and one row per enterprise.</source>
        <translation>文件 %1 是空的：需要一行表头，每家企业一行。</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 MB, the most a registry file may be.</source>
        <translation>文件 %1 超过 %2 MB，企业名录文件最大 %2 MB。</translation>
    </message>
    <message>
        <source>%1 is neither a CSV file nor an Excel workbook (.xlsx).</source>
        <translation>%1 既不是 CSV 文件，也不是 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The file has %1 problems; the first %2 are listed below. Nothing was imported: correct the file and check it again.</source>
        <translation>文件共 %1 处问题，下面列出前 %2 处。未导入任何数据：请改正文件后重新检查。</translation>
    </message>
    <message>
        <source>The file has %1 problem(s), listed below. Nothing was imported: correct the file and check it again.</source>
        <translation>文件有 %1 处问题，见下方列表。未导入任何数据：请改正文件后重新检查。</translation>
    </message>
    <message>
        <source>Whether the server imported the file is not known: check the file again to see what it would still change.</source>
        <translation>无法确定服务器是否已导入该文件：请重新检查文件，查看还有哪些内容未导入。</translation>
    </message>
    <message>
        <source>Imported %1 rows: %2 new, %3 changed, %4 unchanged. Devices receive the changes at their next sync.</source>
        <translation>已导入 %1 行：新增 %2 家，变更 %3 家，未变 %4 家。各设备下次同步时收到这些变更。</translation>
    </message>
    <message>
        <source>All %1 rows are in the registry already, as they are: there is nothing to import.</source>
        <translation>文件中的 %1 行与现有名录完全一致，没有需要导入的内容。</translation>
    </message>
    <message>
        <source>%1 rows checked: %2 new, %3 changed, %4 unchanged. Nothing has been imported yet.</source>
        <translation>已检查 %1 行：新增 %2 家，变更 %3 家，未变 %4 家。尚未导入，请确认后导入。</translation>
    </message>
    <message>
        <source>The server&apos;s answer cannot be read.</source>
        <translation>无法读取服务器的答复。</translation>
    </message>
    <message>
        <source>The file is larger than the server accepts (%1 MB).</source>
        <translation>文件超过服务器允许的大小（%1 MB）。</translation>
    </message>
    <message>
        <source>The server reads only CSV files and Excel workbooks (.xlsx).</source>
        <translation>服务器只接受 CSV 文件和 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The server could not store the registry (a database error); nothing was imported. Try again later, or tell the administrator.</source>
        <translation>服务器无法保存企业名录（数据库出错），未导入任何数据。请稍后重试，或联系管理员。</translation>
    </message>
    <message>
        <source>The server refused the file (HTTP %1): %2</source>
        <translation>服务器拒绝了该文件（HTTP %1）：%2</translation>
    </message>
</context>
<context>
    <name>gx::ReviewController</name>
    <message>
        <source>Write why the survey is rejected.</source>
        <translation>请填写退回原因。</translation>
    </message>
    <message>
        <source>Write what the issue is: a comment is required.</source>
        <translation>请填写存在的问题：审核意见为必填。</translation>
    </message>
    <message>
        <source>Saved: %1. It reaches the surveyor with the next sync.</source>
        <translation>已保存：%1。下次同步后填报人可看到。</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>已保存：%1。</translation>
    </message>
</context>
<context>
    <name>gx::TargetsModel</name>
    <message>
        <source>The server&apos;s answer holds no targets.</source>
        <translation>服务器的答复中没有目标值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <source>Nothing to save: no target was changed.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Saved: %1 target(s) of %2 changed on the server.</source>
        <translation>已保存：服务器上 %2 年的 %1 项目标值已更新。</translation>
    </message>
    <message>
        <source>a count&apos;s target is a whole number from 0 to 1,000,000,000.</source>
        <translation>数量目标应为 0 至 1,000,000,000 之间的整数。</translation>
    </message>
    <message>
        <source>a rate&apos;s target is a percent from 0 to 1000 (90 for 90%).</source>
        <translation>比率目标应为 0 至 1000 之间的百分数（90 即 90%）。</translation>
    </message>
    <message>
        <source>The server refused it: %1</source>
        <translation>服务器未接受：%1</translation>
    </message>
    <message>
        <source>%1, %2: %3 Nothing was saved.</source>
        <translation>%1 · %2：%3 未保存任何修改。</translation>
    </message>
</context>
</TS>