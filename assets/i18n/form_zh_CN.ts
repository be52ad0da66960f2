<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoolFieldEditor</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>ChoiceFieldEditor</name>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>Edited on two devices</source>
        <translation>两台设备修改了同一项</translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>保留的值：%1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Not kept: %1 (written by %2%3)</source>
        <translation>未采用的值：%1（%2填写%3）</translation>
    </message>
    <message>
        <source>you</source>
        <translation>您</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>另一台设备</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>，%1</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>DateFieldEditor</name>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>年-月-日，如 2024-05-01</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
</context>
<context>
    <name>DatePickerPopup</name>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
</context>
<context>
    <name>EquipmentList</name>
    <message>
        <source>Add equipment</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>尚未填写。</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
</context>
<context>
    <name>EquipmentRowDelegate</name>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Refused by the server: open to fix</source>
        <translation>服务器未接受，请打开修改</translation>
    </message>
    <message>
        <source>Edited elsewhere too: see the conflict</source>
        <translation>他人也修改过，请查看冲突</translation>
    </message>
</context>
<context>
    <name>EquipmentRowScreen</name>
    <message>
        <source>Key process</source>
        <translation>关键工序</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>This row is not on this device.</source>
        <translation>本设备上没有这一行。</translation>
    </message>
</context>
<context>
    <name>FormUpdateBanner</name>
    <message>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>LocationFieldEditor</name>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Locating…</source>
        <translation>正在定位…</translation>
    </message>
    <message>
        <source>Use current position</source>
        <translation>使用当前位置</translation>
    </message>
</context>
<context>
    <name>NumberFieldEditor</name>
    <message>
        <source>At least %1</source>
        <translation>不小于 %1</translation>
    </message>
</context>
<context>
    <name>PhotoFieldEditor</name>
    <message>
        <source>Photo not on this device</source>
        <translation>照片不在本设备上</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>未拍照</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>更换</translation>
    </message>
    <message>
        <source>Choose photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>No camera on this device</source>
        <translation>本设备没有摄像头</translation>
    </message>
</context>
<context>
    <name>ReviewTaskBanner</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>审核意见：%1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已处理</translation>
    </message>
</context>
<context>
    <name>SubmitIssuesDialog</name>
    <message numerus="yes">
        <source>%n problem(s) to fix before submitting</source>
        <translation>
            <numerusform>提交前还有 %n 个问题需要修改</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyScreen</name>
    <message>
        <source>Local supply</source>
        <translation>本地优质供给</translation>
    </message>
    <message>
        <source>%1 · %2 survey</source>
        <translation>%1 · %2年调查</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业情况</translation>
    </message>
    <message>
        <source>Equipment (%1)</source>
        <translation>设备 (%1)</translation>
    </message>
    <message>
        <source>Key processes (%1)</source>
        <translation>关键工序 (%1)</translation>
    </message>
    <message>
        <source>Add key process</source>
        <translation>添加关键工序</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Draft · saved as you type</source>
        <translation>草稿 · 已自动保存</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>The survey is submitted. It goes to the office with the next sync.</source>
        <translation>调查已提交，下次同步时报送经信局。</translation>
    </message>
</context>
<context>
    <name>TextFieldEditor</name>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>UndoSnackbar</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>gx::FormFieldsModel</name>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>「%1」未保存：%2</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>文件大于 %1 MB</translation>
    </message>
    <message>
        <source>the file is not a picture</source>
        <translation>该文件不是图片</translation>
    </message>
    <message>
        <source>the picture is too large</source>
        <translation>照片太大</translation>
    </message>
    <message>
        <source>it could not be encoded as JPEG</source>
        <translation>无法编码为 JPEG</translation>
    </message>
    <message>
        <source>No such field.</source>
        <translation>没有这个字段。</translation>
    </message>
    <message>
        <source>This form is read-only.</source>
        <translation>此表单为只读。</translation>
    </message>
    <message>
        <source>The photo cannot be read: %1</source>
        <translation>无法读取照片：%1</translation>
    </message>
    <message>
        <source>The record is not open.</source>
        <translation>记录未打开。</translation>
    </message>
    <message>
        <source>the photo could not be written to this device (is its storage full?)</source>
        <translation>照片无法写入本设备（存储空间可能已满）</translation>
    </message>
</context>
<context>
    <name>gx::FormUpdateNotice</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等另外 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>The survey was updated to version %1: %2</source>
        <translation>调查表已更新到第%1版：%2</translation>
    </message>
    <message>
        <source>The survey was updated to version %1.</source>
        <translation>调查表已更新到第%1版。</translation>
    </message>
    <message>
        <source>new %1</source>
        <translation>新增 %1</translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>校验规则</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>gx::SurveyController</name>
    <message>
        <source>The survey is not on this device.</source>
        <translation>本设备上没有这份调查。</translation>
    </message>
</context>
<context>
    <name>LocalSupplyDelegate</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>No local supply yet</source>
        <translation>暂无本地供给</translation>
    </message>
    <message>
        <source>First of kind</source>
        <translation>首台套</translation>
    </message>
    <message>
        <source>Provincial excellent provider</source>
        <translation>省优秀服务商</translation>
    </message>
    <message>
        <source>%1 (this county)</source>
        <translation>%1（本县）</translation>
    </message>
    <message>
        <source>%1 (elsewhere in the city)</source>
        <translation>%1（市内其他县）</translation>
    </message>
</context>
<context>
    <name>LocalSupplyList</name>
    <message>
        <source>No equipment is planned for renewal. Mark a row as planned renewal to see local products and providers for its category.</source>
        <translation>暂无计划更新的设备。将设备状态设为“计划更新”，即可看到该类别的本地产品和服务商。</translation>
    </message>
    <message>
        <source>Local products and providers for the planned renewals, %1 first. From the city's catalogue, read-only.</source>
        <translation>计划更新设备的本地优质产品和服务商，%1优先。来自全市供给目录（只读）。</translation>
    </message>
</context>
<context>
    <name>gx::LocalSupplyModel</name>
    <message>
        <source>The local supply could not be read: %1</source>
        <translation>无法读取本地供给：%1</translation>
    </message>
    <message>
        <source>%1 planned from %2</source>
        <translation>计划更新 %1 台（%2 年起）</translation>
    </message>
    <message>
        <source>%1 planned</source>
        <translation>计划更新 %1 台</translation>
    </message>
</context>
</TS>
