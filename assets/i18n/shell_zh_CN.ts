<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddEnterpriseScreen</name>
    <message>
        <source>Add an enterprise</source>
        <translation>添加企业</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所在县（市、区）</translation>
    </message>
    <message>
        <source>Industry code</source>
        <translation>国民经济行业分类代码</translation>
    </message>
    <message>
        <source>Above designated size</source>
        <translation>规模以上工业企业</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>AppMenu</name>
    <message>
        <source>Import the registry</source>
        <translation>导入企业名录</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Survey year: %1</source>
        <translation>调查年度：%1</translation>
    </message>
    <message>
        <source>Log out (%1)</source>
        <translation>退出登录（%1）</translation>
    </message>
</context>
<context>
    <name>EnterpriseDelegate</name>
    <message>
        <source>To fix</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>服务器拒收</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>未上传</translation>
    </message>
</context>
<context>
    <name>gx::EnterpriseDraft</name>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>An enterprise with this USCC is already on this device.</source>
        <translation>本设备上已有该统一社会信用代码的企业。</translation>
    </message>
</context>
<context>
    <name>EnterpriseListScreen</name>
    <message>
        <source>My enterprise</source>
        <translation>本企业</translation>
    </message>
    <message>
        <source>Enterprises · %1</source>
        <translation>企业 · %1</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Search by name or USCC</source>
        <translation>按企业名称或统一社会信用代码搜索</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message numerus="yes">
        <source>%n enterprise(s), survey year %1</source>
        <translation>
            <numerusform>共 %n 家企业，%1 年度</numerusform>
        </translation>
    </message>
    <message>
        <source>No enterprise matches.</source>
        <translation>没有符合条件的企业。</translation>
    </message>
    <message>
        <source>No enterprises on this device yet. Sync to receive your region&apos;s.</source>
        <translation>本设备上还没有企业，请同步以获取本辖区企业。</translation>
    </message>
    <message>
        <source>Add an enterprise</source>
        <translation>添加企业</translation>
    </message>
</context>
<context>
    <name>gx::EnterpriseModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>EnterpriseScreen</name>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>This enterprise is not on this device.</source>
        <translation>本设备上没有该企业。</translation>
    </message>
    <message>
        <source>Survey %1 rejected by the office</source>
        <translation>%1 年调查被经信局退回</translation>
    </message>
    <message>
        <source>Survey %1: the office asks for changes</source>
        <translation>%1 年调查：经信局要求修改</translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation>字段：%1</translation>
    </message>
    <message>
        <source>Open the survey</source>
        <translation>打开调查表</translation>
    </message>
    <message>
        <source>Open the survey of %1</source>
        <translation>打开 %1 年调查表</translation>
    </message>
    <message>
        <source>Start the survey of %1</source>
        <translation>开始 %1 年调查</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>历年调查</translation>
    </message>
    <message>
        <source>Survey %1</source>
        <translation>%1 年调查</translation>
    </message>
    <message>
        <source>To fix</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>服务器拒收</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>未上传</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>企业信息</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Equipment renewal survey</source>
        <translation>设备更新调查</translation>
    </message>
    <message>
        <source>Lishui equipment renewal and digital transformation</source>
        <translation>丽水市设备更新和数字化改造</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>After one online login you can also log in here without a network.</source>
        <translation>在线登录一次后，没有网络时也可在此登录。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Gengxin</source>
        <translation>设备更新</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>gx::LoginFlow</name>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>The server address is not valid, e.g. http://192.168.1.10:8470</source>
        <translation>服务器地址无效，示例：http://192.168.1.10:8470</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The server refused the login: %1</source>
        <translation>服务器拒绝登录：%1</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the login is incomplete.</source>
        <translation>服务器的登录应答不完整。</translation>
    </message>
    <message>
        <source>The login could not be saved: neither the system keychain nor a private file could take it (%1).</source>
        <translation>无法保存登录信息：系统钥匙串和本机私有文件都无法写入（%1）。</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1), and this user has not logged in on this device before. Connect to the server for the first login.</source>
        <translation>无法连接服务器（%1），且该用户从未在本设备上登录过。首次登录需要连接服务器。</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1), and the saved login cannot be read. Connect to the server to log in.</source>
        <translation>无法连接服务器（%1），且本设备保存的登录信息无法读取。请连接服务器后登录。</translation>
    </message>
</context>
<context>
    <name>gx::Session</name>
    <message>
        <source>The data on this device cannot be opened: %1</source>
        <translation>无法打开本设备上的数据：%1</translation>
    </message>
    <message>
        <source>The survey definition cannot be stored: %1</source>
        <translation>无法保存调查表定义：%1</translation>
    </message>
    <message>
        <source>The data on this device cannot be read: %1</source>
        <translation>无法读取本设备上的数据：%1</translation>
    </message>
    <message>
        <source>Version %1 of the survey definition cannot be read: %2</source>
        <translation>无法读取第%1版调查表：%2</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>本设备未保存该版本</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Offline. %1</source>
        <translation>离线。%1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 项修改待上传</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyStateChip</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>gx::SyncController</name>
    <message>
        <source>not yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>sending changes</source>
        <translation>正在上传修改</translation>
    </message>
    <message>
        <source>receiving changes</source>
        <translation>正在接收更新</translation>
    </message>
    <message>
        <source>fetching survey versions</source>
        <translation>正在获取调查表新版本</translation>
    </message>
    <message>
        <source>merging duplicate surveys</source>
        <translation>正在合并重复调查</translation>
    </message>
    <message>
        <source>uploading photos</source>
        <translation>正在上传照片</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>未登录。</translation>
    </message>
    <message>
        <source>Synced at %1.</source>
        <translation>已于 %1 同步。</translation>
    </message>
    <message>
        <source>Not synced yet in this run.</source>
        <translation>本次启动后尚未同步。</translation>
    </message>
    <message>
        <source>Syncing: %1 (%2 of %3).</source>
        <translation>同步中：%1（%2/%3）。</translation>
    </message>
    <message>
        <source>Syncing: %1.</source>
        <translation>同步中：%1。</translation>
    </message>
    <message>
        <source>The server cannot be reached; retrying soon.</source>
        <translation>无法连接服务器，稍后自动重试。</translation>
    </message>
    <message>
        <source>Sync failed; your changes are kept on this device.</source>
        <translation>同步失败，您的修改已保存在本设备上。</translation>
    </message>
    <message>
        <source>Log in again (online) to sync; your changes are kept.</source>
        <translation>请联网重新登录后同步，您的修改已保存。</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Last successful sync: %1</source>
        <translation>上次成功同步：%1</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>待上传的修改</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>服务器拒收</translation>
    </message>
    <message>
        <source>Conflicts to look at</source>
        <translation>待查看的冲突</translation>
    </message>
    <message>
        <source>Review tasks from the office</source>
        <translation>经信局审核待办</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Refused by the server: tap to fix and send again</source>
        <translation>服务器拒收的记录：点击修改后重新上传</translation>
    </message>
    <message>
        <source>The server refused nothing.</source>
        <translation>没有被服务器拒收的记录。</translation>
    </message>
</context>
</TS>
